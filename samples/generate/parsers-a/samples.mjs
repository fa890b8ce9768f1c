// Writes the demo exports for Meta (Facebook, Instagram, daily files), X and the canonical CSV (Reddit) under
// samples/exports/, for the brand lumen-coffee ("Lumen Coffee Roasters", Europe/Paris). Deterministic: a seeded PRNG,
// fixed dates, no dependencies. Run: (cd samples/generate && node parsers-a/samples.mjs)
//
// The story: posts 2025-10-01..2026-10-31; "Tip Tuesday" (#TipTuesday, Instagram/Facebook/X, Tuesdays) runs at about
// 1.2x its channel's engagement rate; "Behind the Scenes:" posts are healthy; "Latte Art Friday" (#LatteArtFriday,
// Instagram, Fridays) is healthy until mid-August 2026, then about 45 % below the channel's other posts. Instagram's
// engagement rate rises in October 2026 against September.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../../exports');
fs.mkdirSync(out, { recursive: true });

// ---------- deterministic helpers ----------
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
    between: (lo, hi) => lo + next() * (hi - lo),
    digits: (n) => Array.from({ length: n }, () => Math.floor(next() * 10)).join(''),
  };
}

const pad = (n, w = 2) => String(n).padStart(w, '0');
const DAY = 86_400_000;

/** Last Sunday of a month (UTC date number). */
function lastSunday(year, month) {
  const d = new Date(Date.UTC(year, month + 1, 0));
  return d.getUTCDate() - d.getUTCDay();
}

/** Europe/Paris offset in hours for a local wall-clock time (CET +1, CEST +2 between the last Sundays of March and October). */
function parisOffset(y, m, d, h) {
  const start = Date.UTC(y, 2, lastSunday(y, 2), 2);
  const end = Date.UTC(y, 9, lastSunday(y, 9), 3);
  const local = Date.UTC(y, m, d, h);
  return local >= start && local < end ? 2 : 1;
}

/** A post slot: local Paris wall-clock time and its UTC instant. */
function slot(dayMs, hour, minute) {
  const d = new Date(dayMs);
  const y = d.getUTCFullYear(), m = d.getUTCMonth(), dd = d.getUTCDate();
  const offset = parisOffset(y, m, dd, hour);
  const utc = new Date(Date.UTC(y, m, dd, hour - offset, minute));
  return { y, m, d: dd, hour, minute, utc, weekday: d.getUTCDay() };
}

const mdy = (s) => `${pad(s.m + 1)}/${pad(s.d)}/${s.y} ${pad(s.hour)}:${pad(s.minute)}`;
const utcIso = (date) => date.toISOString().replace('.000Z', 'Z');
const utcX = (date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} +0000`;
const monthKey = (s) => s.y * 100 + s.m + 1;

/** CSV field quoted only when needed (Meta's writer). */
const minimal = (v, sep = ',') => {
  const s = v === null || v === undefined ? '' : String(v);
  return /["\r\n]/.test(s) || s.includes(sep) ? `"${s.replace(/"/g, '""')}"` : s;
};
const quoted = (v) => `"${String(v ?? '').replace(/"/g, '""')}"`;
const BOM = '\uFEFF';

function write(name, content, encoding = 'utf8') {
  const data = encoding === 'utf16le' ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(content, 'utf16le')]) : Buffer.from(content, 'utf8');
  fs.writeFileSync(path.join(out, name), data);
  console.log(`wrote samples/exports/${name} (${data.length} bytes)`);
}

function eachDay(from, to, fn) {
  for (let t = Date.parse(from); t <= Date.parse(to); t += DAY) fn(t);
}

const FROM = '2025-10-01T00:00:00Z';
const TO = '2026-10-31T00:00:00Z';
const LATTE_DECLINE = Date.UTC(2026, 7, 15); // mid-August 2026

// ---------- texts ----------
const tips = [
  'Tip Tuesday: bloom your pour-over for 30 s before the main pour ☕ #TipTuesday',
  'Tip Tuesday: weigh your beans, not your scoops — 16 g for a 250 ml cup #TipTuesday',
  'Tip Tuesday: rinse the paper filter with hot water first #TipTuesday',
  'Tip Tuesday: store beans airtight, away from light, never in the fridge ❄️ #TipTuesday',
  'Tip Tuesday: grind just before brewing for a brighter cup #TipTuesday',
  'Tip Tuesday: warm your cup so the crema lasts longer #TipTuesday',
  'Tip Tuesday: 93 °C is the sweet spot for most filter coffees #TipTuesday',
];
const latte = [
  '#LatteArtFriday rosetta on oat milk 🌿',
  '#LatteArtFriday a tulip stack by Chloé',
  '#LatteArtFriday swan attempt number 12 🦢',
  '#LatteArtFriday heart, the classic ❤️',
  '#LatteArtFriday slow-mo pour from the morning shift',
];
const behind = [
  'Behind the Scenes: our roaster Élodie starts the first batch at 6 am 🔥',
  'Behind the Scenes: cupping session, café crème & crème brûlée notes',
  'Behind the Scenes: unloading 60 kg sacks from Huila, Colombia',
  'Behind the Scenes: dialling in the new espresso blend with the team',
  'Behind the Scenes: packing your orders, one bag at a time 📦',
];
const other = [
  'New on the bar: Ethiopia Guji, notes of peach and jasmine 🍑',
  'Weekend hours: 8h–18h, come say bonjour 👋',
  'Our autumn blend is back: hazelnut, cocoa, a little caramel 🍂',
  'Meet the farmers behind our Brazilian Cerrado beans 🇧🇷',
  'Free tasting this Saturday at the roastery, garçon de café included ☕',
  'Three ways to brew at home: V60, French press, moka pot',
  'Thank you for 10 years of coffee together 🎉',
  'Fresh roast calendar: what is coming out of the roaster this week',
];
const multiLine = 'Behind the Scenes: a day at the roastery ☕\nFirst batch at 6 am, cupping at 10,\npacking at 2 and a well-earned café crème at 5.\n\nWhich part would you like to see next?';

// ---------- Instagram posts ----------
function instagramPosts() {
  const r = prng(2025_10_01);
  const posts = [];
  let n = 0;
  eachDay(FROM, TO, (day) => {
    const wd = new Date(day).getUTCDay();
    let kind = null;
    if (wd === 2) kind = 'tip';
    else if (wd === 5) kind = 'latte';
    else if (wd === 0 && r.chance(0.75)) kind = r.chance(0.45) ? 'behind' : 'other';
    if (!kind) return;
    const s = slot(day, kind === 'latte' ? 8 : r.int(9, 19), r.pick([0, 5, 15, 30, 40, 45]));
    const month = monthKey(s);
    // Channel engagement rate: ~4.2 %, 4.0 % in September 2026 and 5.1 % in October 2026.
    const base = month === 202609 ? 0.040 : month === 202610 ? 0.051 : 0.042;
    const factor = kind === 'tip' ? 1.2
      : kind === 'latte' ? (s.utc.getTime() >= LATTE_DECLINE ? 0.55 : 1.05)
      : kind === 'behind' ? 1.1 : 1.0;
    const er = base * factor * r.between(0.88, 1.12);
    const type = kind === 'latte' ? 'IG reel' : kind === 'behind' ? r.pick(['IG reel', 'IG image']) : r.pick(['IG image', 'IG carousel', 'IG image', 'IG reel']);
    const views = Math.round(r.between(2000, 15000) * (type === 'IG reel' ? 1.15 : 1));
    const engagements = Math.round(views * er);
    const likes = Math.round(engagements * r.between(0.70, 0.78));
    const comments = Math.round(engagements * r.between(0.05, 0.08));
    const shares = Math.round(engagements * r.between(0.05, 0.08));
    const saves = Math.max(0, engagements - likes - comments - shares);
    let text = kind === 'tip' ? r.pick(tips) : kind === 'latte' ? r.pick(latte) : kind === 'behind' ? r.pick(behind) : r.pick(other);
    if (month === 202610 && kind === 'behind' && !posts.some((p) => p.text === multiLine)) text = multiLine;
    n++;
    posts.push({
      id: `1800${pad(n, 4)}${r.digits(9)}`,
      s, text, type, views,
      reach: Math.round(views * r.between(0.72, 0.86)),
      likes, comments, shares, saves,
      follows: r.int(0, 6),
      duration: type === 'IG reel' ? r.int(12, 45) : 0,
      code: `C${r.digits(2)}${String.fromCharCode(65 + r.int(0, 25))}${r.digits(3)}${String.fromCharCode(97 + r.int(0, 25))}${String.fromCharCode(65 + r.int(0, 25))}`,
    });
  });
  return posts;
}

function writeInstagram(posts) {
  const header = '"Post ID","Account ID","Account username","Account name",Description,"Duration (sec)","Publish time",Permalink,"Post type","Data comment",Date,Views,Reach,Likes,Shares,Follows,Comments,Saves';
  const rows = [...posts].reverse().map((p) => [
    p.id, '17841400000012345', 'lumencoffee', 'Lumen Coffee Roasters', p.text, p.duration, mdy(p.s),
    `https://www.instagram.com/${p.type === 'IG reel' ? 'reel' : 'p'}/${p.code}/`, p.type, '', 'Lifetime',
    p.views, p.reach, p.likes, p.shares || '', p.follows, p.comments, p.saves,
  ].map((v) => minimal(v)).join(','));
  write('Oct-01-2025_Oct-31-2026_1784140000012345.csv', BOM + [header, ...rows].join('\n') + '\n');

  // A French colleague opened October's posts in Excel and saved them again: ';', CRLF, BOM, quotes only where needed.
  const october = posts.filter((p) => monthKey(p.s) === 202610);
  const frHeader = 'Post ID;Account ID;Account username;Account name;Description;Duration (sec);Publish time;Permalink;Post type;Data comment;Date;Views;Reach;Likes;Shares;Follows;Comments;Saves';
  const frRows = october.map((p) => [
    p.id, '17841400000012345', 'lumencoffee', 'Lumen Coffee Roasters', p.text, p.duration ? `${p.duration},0` : 0, mdy(p.s),
    `https://www.instagram.com/${p.type === 'IG reel' ? 'reel' : 'p'}/${p.code}/`, p.type, '', 'Lifetime',
    p.views, p.reach, p.likes, p.shares || '', p.follows, p.comments, p.saves,
  ].map((v) => minimal(v, ';')).join(';'));
  write('Oct-01-2026_Oct-31-2026_1784140000012345 (Excel FR).csv', BOM + [frHeader, ...frRows].join('\r\n') + '\r\n');
}

// ---------- Facebook posts ----------
function facebookPosts() {
  const r = prng(2025_10_02);
  const posts = [];
  let n = 0;
  eachDay(FROM, TO, (day) => {
    const wd = new Date(day).getUTCDay();
    let kind = null;
    if (wd === 2) kind = 'tip';
    else if (wd === 4) kind = 'other';
    else if (wd === 6 && r.chance(0.6)) kind = 'other';
    if (!kind) return;
    const s = slot(day, r.int(8, 18), r.pick([0, 10, 20, 30, 45]));
    const type = kind === 'tip' ? r.pick(['Photos', 'Photos', 'Reels']) : r.pick(['Photos', 'Links', 'Videos', 'Reels', 'Photos']);
    const views = Math.round(r.between(900, 7000));
    const er = 0.028 * (kind === 'tip' ? 1.2 : 1) * r.between(0.85, 1.15);
    const eng = Math.round(views * er);
    const reactions = Math.round(eng * 0.62);
    const comments = Math.round(eng * 0.1);
    const shares = Math.round(eng * 0.08);
    const linkClicks = type === 'Links' ? Math.max(1, eng - reactions - comments - shares) : Math.round(eng * 0.05);
    const otherClicks = r.int(5, 40);
    const video = type === 'Reels' || type === 'Videos';
    const seconds = video ? Math.round(views * r.between(4, 11) * 10) / 10 : null;
    n++;
    posts.push({
      id: `1221${pad(n, 4)}${r.digits(10)}`, s, type, views,
      text: kind === 'tip' ? r.pick(tips) : r.pick(other),
      reach: Math.round(views * r.between(0.7, 0.85)),
      reactions, comments, shares,
      totalClicks: linkClicks + otherClicks, otherClicks,
      seconds, avg: video ? Math.round((seconds / Math.max(1, views)) * 10) / 10 : null,
      duration: video ? r.int(15, 90) : null,
    });
  });
  const fb = posts.find((p) => monthKey(p.s) === 202610 && p.type === 'Photos');
  fb.text = multiLine;
  return posts;
}

function writeFacebook(posts) {
  const header = '"Post ID","Page ID","Page name",Title,Description,"Duration (sec)","Publish time","Caption type",Permalink,"Is crosspost","Is share","Post type",Languages,"Custom labels","Funded content status","Data comment",Date,Views,Reach,"Reactions, comments and shares",Reactions,Comments,Shares,"Total clicks","Other clicks","Seconds viewed","Average Seconds viewed","Estimated earnings (USD)","Ad impressions","Ad CPM (USD)"';
  const rows = [...posts].reverse().map((p) => [
    p.id, '108234567890123', 'Lumen Coffee Roasters', '', p.text, p.duration ?? '', mdy(p.s), '',
    `https://www.facebook.com/${p.type === 'Reels' ? 'reel' : 'lumencoffee/posts'}/${p.id}`, 'No', 'No', p.type, 'fr, en', '', '', '', 'Lifetime',
    p.views, p.reach, p.reactions + p.comments + p.shares, p.reactions, p.comments || '', p.shares || '', p.totalClicks, p.otherClicks,
    p.seconds ?? '', p.avg ?? '', '', '', '',
  ].map((v) => minimal(v)).join(','));
  write('Oct-01-2025_Oct-31-2026_108234567890123.csv', BOM + [header, ...rows].join('\n') + '\n');
}

// ---------- Facebook legacy post-level export (summer 2025, before the 13 months above) ----------
function writeFacebookLegacy() {
  const r = prng(2025_07_01);
  const like = 'Lifetime Talking About This (Post) by action type - like';
  const header = ['Post ID', 'Permalink', 'Post Message', 'Type', 'Countries', 'Languages', 'Posted', 'Audience Targeting',
    'Lifetime Post Total Reach', 'Lifetime Post organic reach', 'Lifetime Post Paid Reach', 'Lifetime Post Total Impressions',
    'Lifetime Post Organic Impressions', 'Lifetime Post Paid Impressions', 'Lifetime Engaged Users',
    'Lifetime Talking About This (Post) by action type - comment', like, 'Lifetime Talking About This (Post) by action type - share',
    'Lifetime Post Consumptions by type - link clicks', 'Lifetime Post Consumptions by type - other clicks', 'Lifetime Post Consumptions by type - photo view',
    'Lifetime Engaged Users'];
  const descriptions = ['The unique identifier of the post.', 'The permanent link to the post.', 'The message of the post.', 'The type of the post.', '', '', 'The time the post was published, in the Page time zone.', '',
    "Lifetime: The number of people who had your Page's post enter their screen. (Unique Users)", 'Lifetime: The number of people who saw your post organically. (Unique Users)', 'Lifetime: The number of people who saw your post in an ad. (Unique Users)',
    "Lifetime: The number of times your Page's post entered a person's screen. (Total Count)", 'Lifetime: Organic impressions. (Total Count)', 'Lifetime: Paid impressions. (Total Count)',
    'Lifetime: The number of unique people who engaged in certain ways with your Page post. (Unique Users)',
    'Lifetime: The number of stories created about your Page post, by action type. (Total Count)', 'Lifetime: The number of stories created about your Page post, by action type. (Total Count)', 'Lifetime: The number of stories created about your Page post, by action type. (Total Count)',
    'Lifetime: The number of clicks anywhere in your post, by type. (Total Count)', 'Lifetime: The number of clicks anywhere in your post, by type. (Total Count)', 'Lifetime: The number of clicks anywhere in your post, by type. (Total Count)',
    'Lifetime: The number of unique people who engaged in certain ways with your Page post. (Unique Users)'];
  const rows = [];
  eachDay('2025-07-01T00:00:00Z', '2025-09-30T00:00:00Z', (day) => {
    const wd = new Date(day).getUTCDay();
    if (wd !== 2 && wd !== 4) return;
    const s = slot(day, r.int(9, 17), r.pick([0, 15, 30]));
    const h12 = s.hour % 12 === 0 ? 12 : s.hour % 12;
    const posted = `${pad(s.m + 1)}/${pad(s.d)}/${s.y} ${pad(h12)}:${pad(s.minute)}:00 ${s.hour < 12 ? 'AM' : 'PM'}`;
    const impressions = r.int(1200, 6000);
    const reach = Math.round(impressions * r.between(0.65, 0.8));
    const likes = Math.round(impressions * r.between(0.012, 0.022));
    const comments = r.int(0, 12);
    const shares = r.int(0, 9);
    const type = wd === 2 ? 'Photo' : r.pick(['Photo', 'Link', 'Video']);
    const id = `108234567890123_${r.digits(16)}`;
    rows.push([id, `https://www.facebook.com/108234567890123/posts/${id.split('_')[1]}`, wd === 2 ? r.pick(tips) : r.pick(other), type, '', '', posted, '',
      reach, reach, 0, impressions, impressions, 0, likes + comments + shares + r.int(5, 30), comments, likes, shares || '',
      type === 'Link' ? r.int(20, 90) : r.int(0, 10), r.int(10, 60), type === 'Photo' ? r.int(30, 200) : '', likes + comments + shares]);
  });
  const lines = [header.map((h) => minimal(h)).join(','), descriptions.map((d) => minimal(d)).join(','), ...rows.reverse().map((row) => row.map((v) => minimal(v)).join(','))];
  write('Facebook Insights Data Export (Post Level) - Lumen Coffee Roasters - 2025-07-01 - 2025-09-30.csv', BOM + lines.join('\n') + '\n');
}

// ---------- Meta daily metric files (UTF-16LE, sep=,) ----------
function writeMetaDaily() {
  const r = prng(2026_09_01);
  const reach = ['sep=,', '"Instagram reach"', '"Date","Primary"'];
  const follows = ['sep=,', '"Facebook follows"', '"Date","Primary"'];
  eachDay('2026-09-01T00:00:00Z', '2026-10-31T00:00:00Z', (day) => {
    const d = new Date(day);
    const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T00:00:00`;
    const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
    const october = d.getUTCMonth() === 9;
    const value = Math.round(r.between(6500, 8500) * (weekend ? 1.12 : 1) * (october ? 1.08 : 1));
    reach.push(`"${date}","${value}"`);
    follows.push(`"${date}","${r.int(0, october ? 9 : 7)}"`);
  });
  write('Sep-01-2026_Oct-31-2026_Instagram_reach.csv', reach.join('\r\n') + '\r\n', 'utf16le');
  write('Sep-01-2026_Oct-31-2026_Facebook_follows.csv', follows.join('\r\n') + '\r\n', 'utf16le');
}

// ---------- X ----------
const TWITTER_EPOCH = 1288834974657n;
const snowflake = (date, seq) => (((BigInt(date.getTime()) - TWITTER_EPOCH) << 22n) | BigInt(seq)).toString();

function xPosts() {
  const r = prng(2025_10_03);
  const posts = [];
  eachDay(FROM, TO, (day) => {
    const wd = new Date(day).getUTCDay();
    if (wd === 0 || wd === 6) return;
    const tip = wd === 2;
    const s = slot(day, r.int(8, 20), r.int(0, 59));
    const impressions = r.int(500, 3200);
    const er = 0.028 * (tip ? 1.2 : 1) * r.between(0.8, 1.2);
    const eng = Math.max(3, Math.round(impressions * er));
    const likes = Math.round(eng * 0.45);
    const retweets = Math.round(eng * 0.08);
    const replies = Math.round(eng * 0.06);
    const urlClicks = Math.round(eng * 0.1);
    const profile = Math.round(eng * 0.08);
    const hashtag = tip ? Math.round(eng * 0.05) : 0;
    const detail = Math.max(0, eng - likes - retweets - replies - urlClicks - profile - hashtag);
    const media = r.chance(0.35);
    posts.push({
      id: snowflake(s.utc, r.int(0, 4095)), s,
      text: tip ? r.pick(tips) : r.pick(other).replace(' 👋', ''),
      impressions, eng, likes, retweets, replies, urlClicks, profile, hashtag, detail,
      mediaViews: media ? r.int(80, 600) : 0, mediaEng: media ? r.int(5, 40) : 0,
      bookmarks: r.int(0, 8),
    });
  });
  return posts;
}

function writeXActivity(posts) {
  const header = ['Tweet id', 'Tweet permalink', 'Tweet text', 'time', 'impressions', 'engagements', 'engagement rate', 'retweets', 'replies', 'likes',
    'user profile clicks', 'url clicks', 'hashtag clicks', 'detail expands', 'permalink clicks', 'app opens', 'app installs', 'follows', 'email tweet',
    'dial phone', 'media views', 'media engagements', 'promoted impressions', 'promoted engagements', 'promoted engagement rate', 'promoted retweets',
    'promoted replies', 'promoted likes', 'promoted url clicks', 'promoted media views'];
  const f = (n) => `${n}.0`;
  const row = (p) => [p.id, `https://twitter.com/lumencoffee/status/${p.id}`, p.text, utcX(p.s.utc), f(p.impressions), f(p.eng),
    String(Math.round((p.eng / p.impressions) * 1e6) / 1e6), f(p.retweets), f(p.replies), f(p.likes), f(p.profile), f(p.urlClicks), f(p.hashtag),
    f(p.detail), '0.0', '0', '0', '0', '0', '0', f(p.mediaViews), f(p.mediaEng), '-', '-', '-', '-', '-', '-', '-', '-'];
  const lines = [header.map(quoted).join(','), ...posts.map((p) => row(p).map(quoted).join(','))];
  write('tweet_activity_metrics_lumencoffee_20251001_20261031_en.csv', lines.join('\n') + '\n');

  // The same first two October weeks, downloaded by a colleague whose X UI is in Japanese.
  const ja = ['ツイートID', 'ツイートの固定リンク', 'ツイート本文', '時間', 'インプレッション', 'エンゲージメント', 'エンゲージメント率', 'リツイート', '返信', 'いいね',
    'ユーザープロフィールクリック', 'URLクリック数', 'ハッシュタグクリック', '詳細クリック', '固定リンクのクリック数', 'アプリの起動回数', 'アプリのインストール数',
    'フォロー', 'ツイートをメールで送信', '電話番号をダイヤル', 'メディアの再生数', 'メディアのエンゲージメント'];
  const early = posts.filter((p) => monthKey(p.s) === 202610 && p.s.d <= 14);
  const jaLines = [ja.map(quoted).join(','), ...early.map((p) => row(p).slice(0, ja.length).map(quoted).join(','))];
  write('tweet_activity_metrics_lumencoffee_20261001_20261014_ja.csv', jaLines.join('\n') + '\n');
}

function writeXPremium(posts) {
  const months = posts.filter((p) => monthKey(p.s) >= 202609);
  const day = (date) => date.toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  const header = 'Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Replies,Reposts,Profile visits,Detail Expands,URL Clicks,Hashtag Clicks,Permalink Clicks';
  const rows = [...months].reverse().map((p) => [p.id, day(p.s.utc), p.text, `https://x.com/lumencoffee/status/${p.id}`, p.impressions, p.likes,
    p.eng + p.bookmarks, p.bookmarks, 0, p.profile > 3 ? 1 : 0, p.replies, p.retweets, p.profile, p.detail, p.urlClicks, p.hashtag, 0].map((v) => minimal(v)).join(','));
  write('account_analytics_content_2026-09-01_2026-10-31.csv', [header, ...rows].join('\n') + '\n');

  const r = prng(2026_09_02);
  const ovHeader = 'Date,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Unfollows,Replies,Reposts,Profile visits,Create Post,Video views,Media views';
  const ovRows = [];
  eachDay('2026-09-01T00:00:00Z', '2026-10-31T00:00:00Z', (t) => {
    const date = new Date(t);
    const today = months.filter((p) => p.s.utc.toISOString().slice(0, 10) === date.toISOString().slice(0, 10));
    const sum = (k) => today.reduce((a, p) => a + p[k], 0);
    const tail = r.int(150, 600); // older posts keep earning impressions
    ovRows.push([day(date), sum('impressions') + tail, sum('likes') + r.int(0, 6), sum('eng') + sum('bookmarks') + r.int(2, 15), sum('bookmarks'), 0,
      r.int(0, 5), r.int(0, 2), sum('replies'), sum('retweets'), sum('profile') + r.int(0, 8), today.length, sum('mediaViews') > 0 ? Math.round(sum('mediaViews') * 0.6) : 0,
      sum('mediaViews')].map((v) => minimal(v)).join(','));
  });
  write('account_overview_analytics_2026-09-01_2026-10-31.csv', [ovHeader, ...ovRows].join('\n') + '\n');
}

// ---------- Canonical CSV: Reddit ----------
function writeReddit() {
  const r = prng(2025_10_04);
  const subs = ['Coffee', 'espresso', 'pourover', 'paris'];
  const titles = ['Our roast curve for a washed Kenyan, feedback welcome', 'We tested 5 grinders for pour-over: results inside',
    'AMA: we are a small roastery in Paris ☕', 'Why we stopped selling pre-ground coffee', 'Crème brûlée notes in a natural Ethiopian? Here is why',
    'Photos from our cupping table this week', 'How we pick green beans: a short guide'];
  const header = 'channel,postId,permalink,publishedAt,text,contentType,impressions,reach,reactions,comments,shares,saves,clicks';
  const rows = [];
  eachDay(FROM, TO, (t) => {
    const wd = new Date(t).getUTCDay();
    if (wd !== 3 || !r.chance(0.5)) return;
    const s = slot(t, r.int(12, 20), r.int(0, 59));
    const id = `t3_${r.int(36 ** 5, 36 ** 6 - 1).toString(36)}`;
    const title = r.pick(titles);
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 40);
    const views = r.int(1500, 12000);
    const upvotes = Math.round(views * r.between(0.01, 0.04));
    rows.push(['reddit', id, `https://www.reddit.com/r/${r.pick(subs)}/comments/${id.slice(3)}/${slug}/`, utcIso(s.utc), title,
      r.pick(['text', 'image', 'link']), views, '', upvotes, Math.round(upvotes * r.between(0.1, 0.4)), r.int(0, 12), r.int(0, 20), r.int(0, 60)].map((v) => minimal(v)).join(','));
  });
  write('lumen-coffee_reddit_2025-10-01_2026-10-31.canonical.csv', [header, ...rows].join('\n') + '\n');
}

const instagram = instagramPosts();
writeInstagram(instagram);
writeFacebook(facebookPosts());
writeFacebookLegacy();
writeMetaDaily();
const x = xPosts();
writeXActivity(x);
writeXPremium(x);
writeReddit();
