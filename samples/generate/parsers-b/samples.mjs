// Generates the parsers-b demo exports for brand lumen-coffee ("Lumen Coffee Roasters", Europe/Paris) under
// samples/exports/: LinkedIn (.xls and a re-saved .xlsx), TikTok content CSV (13 months) and overview zip,
// YouTube Studio zip, Pinterest analytics overview, GA4 pages report. Deterministic: seeded PRNG, fixed dates.
// Run: (cd samples/generate && npm install && node parsers-b/samples.mjs)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import XLSX from 'xlsx';
import { BOM, csvLine, days, iso, monthDay, prng, shortDate, us, zip } from './common.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../../exports');
fs.mkdirSync(out, { recursive: true });
const write = (name, data) => {
  fs.writeFileSync(path.join(out, name), data);
  console.log(`wrote samples/exports/${name}`);
};

const FROM = '2025-10-01';
const TO = '2026-10-31';

const generic = [
  'Our new single-origin from Huila just landed ☕',
  'Meet the team that roasts your morning cup',
  'Cold brew season is not over yet 🧊',
  'Why we roast in small batches',
  'Café crème, the Parisian way 🥐',
  'Three brew ratios worth trying this week',
  'Visiting our partner farm in Sidama 🌱',
  'Fresh crop, fresh roast: the Guji is back',
  'How we pick a green coffee: cupping notes',
  'Our espresso blend, explained',
  'Pâtisserie pairings for your pour-over',
  'Weekend hours at the roastery café',
  'Decaf done right: Swiss water process',
  'The façade got a makeover 🎨',
];
const behind = [
  'Behind the Scenes: first roast of the day at 6 a.m.',
  'Behind the Scenes: how we bag 400 kg a week',
  'Behind the Scenes: cupping the new Ethiopian lots',
  'Behind the Scenes: our roaster Élodie tunes the profile',
  'Behind the Scenes: a day at the packing table',
  'Behind the Scenes: cleaning the Probat (it takes hours)',
];

// ---------------------------------------------------------------- LinkedIn: ~2 posts a week, Tue and Thu.
function linkedInRows() {
  const r = prng(3101);
  const posts = [];
  let n = 0;
  for (const d of days(FROM, TO)) {
    const dow = d.getUTCDay();
    if (dow !== 2 && dow !== 4) continue;
    if (r.chance(0.08)) continue; // an occasional skipped week day
    n++;
    const isBts = n % 3 === 0;
    const multiLine = n === 17;
    const title = multiLine
      ? 'We are hiring a head roaster ☕\nBased in Lyon, full time.\nApply by the end of the month.'
      : isBts ? r.pick(behind) : r.pick(generic);
    const contentType = r.pick(['Image', 'Image', 'Image', 'Video', 'Text', 'Article', 'Document']);
    const impressions = r.int(700, 3200);
    const engagementBoost = isBts ? 1.1 : 1.0;
    const likes = Math.round(impressions * r.int(20, 40) / 1000 * engagementBoost);
    const comments = r.int(0, Math.max(1, Math.round(likes / 8)));
    const reposts = r.int(0, Math.max(1, Math.round(likes / 10)));
    const clicks = Math.round(impressions * r.int(8, 25) / 1000);
    const follows = r.int(0, 4);
    const views = contentType === 'Video' ? Math.round(impressions * 0.6) : '';
    const id = 7240000000000000000n + BigInt(n) * 9876543n;
    posts.push({
      title, link: `https://www.linkedin.com/feed/update/urn:li:activity:${id}`, date: d, contentType,
      impressions, views, clicks, likes, comments, reposts, follows, boosted: n % 11 === 0,
    });
  }
  return posts;
}

const linkedInHeader = ['Post title', 'Post link', 'Post type', 'Campaign name', 'Posted by', 'Created date', 'Campaign start date', 'Campaign end date', 'Audience', 'Impressions', 'Views', 'Offsite Views', 'Clicks', 'Click through rate (CTR)', 'Likes', 'Comments', 'Reposts', 'Follows', 'Engagement rate', 'Content Type'];

function linkedInPostRows(posts, typedDates) {
  const rows = [];
  const date = (d) => (typedDates ? new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 12)) : us(d));
  for (const p of posts) {
    const row = (type, share, campaign) => {
      const k = (v) => (v === '' ? '' : Math.round(v * share));
      const impressions = k(p.impressions);
      const eng = k(p.clicks) + k(p.likes) + k(p.comments) + k(p.reposts);
      return [p.title, p.link, type, campaign, 'Camille Roux', date(p.date),
        campaign ? date(p.date) : '', campaign ? date(new Date(p.date.getTime() + 7 * 86400000)) : '', 'All followers',
        impressions, k(p.views), '', k(p.clicks), impressions ? k(p.clicks) / impressions : 0, k(p.likes), k(p.comments), k(p.reposts), k(p.follows),
        impressions ? eng / impressions : 0, p.contentType];
    };
    if (p.boosted) {
      rows.push(row('Organic', 0.45, ''), row('Sponsored', 0.55, 'Lumen boost'), row('Total', 1, 'Lumen boost'));
    } else {
      rows.push(row('Organic', 1, ''));
    }
  }
  return rows;
}

function linkedInMetricRows(posts, typedDates) {
  const r = prng(3102);
  const header = ['Date'];
  const names = ['Impressions', 'Unique impressions', 'Clicks', 'Reactions', 'Comments', 'Reposts', 'Engagement rate'];
  for (const name of names) {
    for (const kind of name === 'Unique impressions' ? ['organic'] : ['organic', 'sponsored', 'total']) header.push(`${name} (${kind})`);
  }
  const rows = [header];
  for (const d of days(FROM, TO)) {
    const organic = { i: r.int(150, 900), c: r.int(2, 25), re: r.int(3, 30), co: r.int(0, 5), rp: r.int(0, 4) };
    const sponsored = r.chance(0.1) ? { i: r.int(200, 1200), c: r.int(3, 30), re: r.int(2, 20), co: r.int(0, 2), rp: r.int(0, 2) } : { i: 0, c: 0, re: 0, co: 0, rp: 0 };
    const total = { i: organic.i + sponsored.i, c: organic.c + sponsored.c, re: organic.re + sponsored.re, co: organic.co + sponsored.co, rp: organic.rp + sponsored.rp };
    const rate = (x) => (x.i ? (x.c + x.re + x.co + x.rp) / x.i : 0);
    rows.push([typedDates ? new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 12)) : us(d),
      organic.i, sponsored.i, total.i, Math.round(organic.i * 0.62),
      organic.c, sponsored.c, total.c, organic.re, sponsored.re, total.re, organic.co, sponsored.co, total.co, organic.rp, sponsored.rp, total.rp,
      rate(organic), rate(sponsored), rate(total)]);
  }
  return rows;
}

function writeLinkedIn() {
  const posts = linkedInRows();
  const note = (text) => [text];
  // As LinkedIn downloads it: a note row above each header, dates as text, Metrics first.
  const xls = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(xls, XLSX.utils.aoa_to_sheet([
    note('Aggregated metrics for Lumen Coffee Roasters from 10/01/2025 to 10/31/2026. Data is updated daily (UTC).'),
    ...linkedInMetricRows(posts, false)]), 'Metrics');
  XLSX.utils.book_append_sheet(xls, XLSX.utils.aoa_to_sheet([
    note('All posts created from 10/01/2025 to 10/31/2026. Sponsored posts show Organic, Sponsored and Total rows.'),
    linkedInHeader, ...linkedInPostRows(posts, false)]), 'All posts');
  write('lumen-coffee-roasters_content_1730505600000.xls', XLSX.write(xls, { type: 'buffer', bookType: 'biff8' }));

  // Re-saved by a spreadsheet: note rows gone, dates typed, the older "Shares" header.
  const xlsx = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(xlsx, XLSX.utils.aoa_to_sheet(linkedInMetricRows(posts, true), { cellDates: true }), 'Metrics');
  XLSX.utils.book_append_sheet(xlsx, XLSX.utils.aoa_to_sheet([
    linkedInHeader.map((h) => (h === 'Reposts' ? 'Shares' : h)), ...linkedInPostRows(posts, true)], { cellDates: true }), 'All posts');
  write('lumen-coffee-roasters_content_resaved.xlsx', XLSX.write(xlsx, { type: 'buffer', bookType: 'xlsx' }));
}

// ---------------------------------------------------------------- TikTok: ~2 posts a week, newest first.
// As TikTok Studio writes them: Time and Post time without a year; each video id carries its creation time in its
// top 32 bits (so the reader knows the year), posted between 17:00 and 20:00 in Paris.
function writeTikTok() {
  const r = prng(3201);
  const rows = [];
  let n = 0;
  for (const d of days(FROM, TO)) {
    const dow = d.getUTCDay();
    if (dow !== 1 && dow !== 5) continue;
    if (r.chance(0.1)) continue;
    n++;
    const isBts = n % 3 === 1;
    const title = n === 40
      ? 'Latte art, slowed down 🎥\nPart 1 of 3 — the heart'
      : isBts ? r.pick(behind) : `${r.pick(generic)} #coffee #paris`;
    const views = r.int(1500, 30000) * (isBts ? 1.15 : 1);
    const likes = Math.round(views * r.int(40, 90) / 1000);
    // Paris is UTC+1 in winter, UTC+2 in summer (last Sunday of March to last Sunday of October).
    const summer = d >= lastSunday(d.getUTCFullYear(), 2) && d < lastSunday(d.getUTCFullYear(), 9);
    const posted = Math.floor(d.getTime() / 1000) + (17 - (summer ? 2 : 1)) * 3600 + r.int(0, 3 * 3600 - 1);
    const id = (BigInt(posted) << 32n) | BigInt(r.int(0, 0x7fffffff));
    rows.push(['November 2', title, `https://www.tiktok.com/@lumencoffee/video/${id}`,
      monthDay(d), likes, r.int(2, Math.max(3, Math.round(likes / 20))), r.int(1, Math.max(2, Math.round(likes / 25))), Math.round(views)]);
  }
  rows.reverse();
  const header = ['Time', 'Video title', 'Video link', 'Post time', 'Total likes', 'Total comments', 'Total shares', 'Total views'];
  // TikTok writes a BOM, quotes every field and leaves out the final newline.
  write('TikTok_Content_2026-11-02.csv', BOM + [header, ...rows].map((x) => csvLine(x, true)).join('\n'));

  const ro = prng(3202);
  const overview = [['Date', 'Video Views', 'Profile Views', 'Likes', 'Comments', 'Shares']];
  const viewers = [['Date', 'Total Viewers', 'New Viewers', 'Returning Viewers']];
  for (const d of days('2026-10-01', '2026-10-31')) {
    const v = ro.int(900, 6000);
    overview.push([monthDay(d), v, ro.int(20, 160), Math.round(v * 0.06), ro.int(2, 30), ro.int(1, 25)]);
    const unique = Math.round(v * (0.55 + ro.next() * 0.2));
    const returning = Math.round(unique * (0.25 + ro.next() * 0.15));
    viewers.push([monthDay(d), unique, unique - returning, returning]);
  }
  write('TikTok_Overview_2026-10-01_2026-10-31.zip', zip([{ name: 'Overview.csv', data: BOM + overview.map((x) => csvLine(x, true)).join('\n') }]));
  write('TikTok_Viewers_2026-10-01_2026-10-31.csv', BOM + viewers.map((x) => csvLine(x, true)).join('\n'));
}

/** The last Sunday of a month (0-based), at midnight UTC: when Paris changes its clocks. */
function lastSunday(year, month) {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return new Date(last.getTime() - last.getUTCDay() * 86400000);
}

// ---------------------------------------------------------------- YouTube Studio advanced-mode zip.
function writeYouTube() {
  const r = prng(3301);
  const videos = [];
  const titles = ['How to dial in espresso at home', 'Pour-over in 4 minutes', 'Behind the Scenes: a roast day at Lumen', 'French press, done right', 'Our Sidama harvest trip',
    'Latte art basics: the heart', 'Cold brew concentrate recipe', 'What is a light roast?', 'Tasting notes, explained', 'Moka pot tips from Élodie', 'Milk steaming in 60 seconds', 'AeroPress championship recipe'];
  const ids = ['dQ3kLm9xP2A', '-fR8tYu1ZqE', 'Hk2pW0nVb7M', '-a9Xc4Ls0Tg', 'Pq7Rt2Vx9Yk', 'Lm3Nb8Vc1Za', 'Xy5Tz0Qw4Er', '-k1Jh7Gf3Ds', 'Uv6Wx2Yz8Ab', 'Cd4Ef9Gh0Ij', 'Kl1Mn5Op7Qr', 'St3Uv6Wx9Yz'];
  for (let i = 0; i < titles.length; i++) {
    const published = new Date(Date.UTC(2026, 8, 2 + i * 5));
    const duration = i === 10 ? 58 : r.int(120, 900);
    const views = r.int(300, 9000);
    const impressions = views * r.int(8, 20);
    videos.push({ id: ids[i], title: titles[i], published, duration, views, hours: +(views * duration * r.int(35, 60) / 100 / 3600).toFixed(4),
      subs: r.int(0, 40), revenue: +(views * 0.0021).toFixed(3), impressions, ctr: +((views / impressions) * 100 * 0.6).toFixed(2) });
  }
  videos.sort((a, b) => b.views - a.views);
  const header = ['Content', 'Video title', 'Video publish time', 'Duration', 'Views', 'Watch time (hours)', 'Subscribers', 'Estimated revenue (USD)', 'Impressions', 'Impressions click-through rate (%)'];
  const sum = (k) => videos.reduce((n, v) => n + v[k], 0);
  const table = [header, ['Total', '', '', '', sum('views'), +sum('hours').toFixed(4), sum('subs'), +sum('revenue').toFixed(3), sum('impressions'), 3.1],
    ...videos.map((v) => [v.id.startsWith('-') ? ` ${v.id}` : v.id, v.title, shortDate(v.published), v.duration, v.views, v.hours, v.subs, v.revenue, v.impressions, v.ctr])];
  const chart = [['Date', 'Content', 'Video title', 'Video publish time', 'Duration', 'Views']];
  const totals = [['Date', 'Views']];
  for (const d of days('2026-10-01', '2026-10-31')) {
    let total = 0;
    for (const v of videos) {
      if (v.published > d) continue;
      const share = Math.max(0, Math.round(v.views / 45 * (0.5 + r.next())));
      total += share;
      chart.push([iso(d), v.id.startsWith('-') ? ` ${v.id}` : v.id, v.title, shortDate(v.published), v.duration, share]);
    }
    totals.push([iso(d), total]);
  }
  write('Content 2026-10-01_2026-10-31 Lumen Coffee.zip', zip([
    { name: 'Table data.csv', data: table.map((x) => csvLine(x)).join('\n') + '\n' },
    { name: 'Chart data.csv', data: chart.map((x) => csvLine(x)).join('\n') + '\n' },
    { name: 'Totals.csv', data: totals.map((x) => csvLine(x)).join('\n') + '\n' },
  ]));
}

// ---------------------------------------------------------------- Pinterest analytics overview, October 2026.
function writePinterest() {
  const r = prng(3401);
  const lines = ['Analytics overview', '"Oct 1, 2026 - Oct 31, 2026"', 'Claimed accounts,All Pins', 'Content type,All', 'Device,All', 'Source,All', 'Format,All', '', 'Date,Impressions'];
  for (const d of days('2026-10-01', '2026-10-31')) lines.push(`${iso(d)},${r.int(900, 4200)}`);
  lines.push('Data starting from today is an estimate.', '', 'Top Boards', 'Pinterest Link,Impressions,Engagement,Pin clicks,Outbound clicks,Saves');
  for (const board of ['brew-guides', 'latte-art', 'roastery-life', 'coffee-recipes']) {
    lines.push(`https://www.pinterest.com/lumencoffee/${board}/,${r.int(5000, 40000)},${r.int(200, 2000)},${r.int(80, 900)},${r.int(10, 300)},${r.int(20, 400)}`);
  }
  lines.push('', 'Top Pins', 'Pinterest Link,Content Type,Source,Canonical,Impressions');
  for (let i = 0; i < 5; i++) {
    lines.push(`https://www.pinterest.com/pin/${98765432100 + i * 7919}/,${r.pick(['Organic', 'Organic', 'Paid'])},Your Pins,${r.pick(['Yes', 'No'])},${r.int(1500, 12000)}`);
  }
  write('pinterest_analytics_overview_2026-10-01_2026-10-31.csv', lines.join('\n') + '\n');
}

// ---------------------------------------------------------------- GA4 pages report, October 2026 (one month per export, as the monthly report counts it).
function writeGa4() {
  const r = prng(3501);
  const pages = ['/', '/shop', '/blog/how-to-dial-in-espresso', '/blog/pour-over-guide', '/blog/tip-tuesday-water-temperature', '/blog/behind-the-scenes-roast-day',
    '/blog/latte-art-friday-rosetta', '/blog/cold-brew-concentrate', '/blog/cafe-creme-a-la-parisienne', '/blog/decaf-swiss-water', '/blog/sidama-harvest-trip',
    '/blog/choosing-a-grinder', '/blog/french-press-tips', '/about', '/wholesale', '/blog/moka-pot', '/blog/tasting-notes-explained', '/contact'];
  const rows = pages.map((p) => {
    const users = r.int(80, 4000);
    const views = Math.round(users * (1.1 + r.next() * 0.9));
    const events = Math.round(views * (2.5 + r.next() * 2));
    return [p, views, users, views / users, 20 + r.next() * 140, events, r.int(0, 40), p === '/shop' ? +(r.int(500, 3000) + r.next()).toFixed(2) : 0];
  }).sort((a, b) => b[1] - a[1]);
  const lines = ['# ----------------------------------------', '# Pages and screens: Page path and screen class', '# Account: Lumen Coffee Roasters',
    '# Property: lumencoffee.com - GA4', '# ----------------------------------------', '#', '# All Users', '# Start date: 20261001', '# End date: 20261031',
    'Page path and screen class,Views,Active users,Views per active user,Average engagement time per active user,Event count,Key events,Total revenue',
    ...rows.map((x) => csvLine(x))];
  write('Pages_and_screens_Page_path_and_screen_class.csv', lines.join('\n') + '\n');
}

// Optional arguments name the writers to run (e.g. `node parsers-b/samples.mjs tiktok`); none runs them all.
const writers = { linkedin: writeLinkedIn, tiktok: writeTikTok, youtube: writeYouTube, pinterest: writePinterest, ga4: writeGa4 };
for (const [name, run] of Object.entries(writers)) {
  if (process.argv.length <= 2 || process.argv.includes(name)) run();
}
