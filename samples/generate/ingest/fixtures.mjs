// Writes the ingest test fixtures that reproduce quirks of real exports (issue 10) under tests/TestData/: TikTok Studio
// files with year-less dates and video ids that carry their creation time, localized YouTube Studio tables, Meta
// insights overview files (UTF-16), X Premium header vintages, and known exports the report does not use.
// Every post, name and number is invented; the quirks (headers, date forms, encodings, totals rows, ordering) are
// those seen in real exports published in public repositories (docs/exports.md names them).
// Deterministic: run (cd samples/generate && node ingest/fixtures.mjs) — no npm packages needed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BOM, zip } from '../parsers-b/common.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const testData = path.resolve(here, '../../../tests/TestData');
const write = (dir, name, data) => {
  fs.mkdirSync(path.join(testData, dir), { recursive: true });
  fs.writeFileSync(path.join(testData, dir, name), data);
  console.log(`wrote tests/TestData/${dir}/${name}`);
};

const q = (values) => values.map((v) => `"${String(v).replace(/"/g, '""')}"`).join(',');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SPANISH = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
const monthDay = (d) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
const dayMonth = (d) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
const spanish = (d) => `${d.getUTCDate()} de ${SPANISH[d.getUTCMonth()]}`;
const utc = (s) => new Date(`${s}Z`);
const addDays = (d, n) => new Date(d.getTime() + n * 86400000);

/** A TikTok video id: the creation time in Unix seconds in the top 32 bits, then 32 bits of noise. */
let noise = 0x5eed1234;
const tiktokId = (createdUtc) => {
  noise = (Math.imul(noise, 1103515245) + 12345) >>> 0;
  return ((BigInt(Math.floor(createdUtc.getTime() / 1000)) << 32n) | BigInt(noise)).toString();
};
const video = (id) => `https://www.tiktok.com/@lumencoffee/video/${id}`;
const contentHeader = q(['Time', 'Video title', 'Video link', 'Post time', 'Total likes', 'Total comments', 'Total shares', 'Total views']);

// ---------------------------------------------------------------- TikTok Content, current vintage.
// Export day "March 16" (no year, like the Time column of real files); rows sorted by views, not by date; the ids
// give each post's year and time. Post time shows the account's calendar day: row 3 was posted at 21:30 on January 31
// in Los Angeles, which is 06:30 on February 1 in Paris — the day shown wins.
{
  const rows = [
    ['Cold brew season is back 🧊', '2025-06-14T14:20:00', 'June 14', 310, 12, 9, 48210],
    ['Behind the Scenes: packing\nday two', '2025-12-31T23:30:00', 'January 1', 280, 8, 4, 30120],
    ['Latte art Friday', '2026-02-01T05:30:00', 'January 31', 150, 5, 2, 12400],
    ['New crop from Huila', '2025-04-22T09:05:00', 'April 22', 90, 3, 1, 8800],
    ['Café crème', '2025-09-03T11:00:00', 'September 3', 'abc', 1, 0, 900],
    ['Autumn blend', '2025-10-10T10:00:00', 'February 30', 10, 1, 0, 300],
    ['Filter Friday', '2025-12-19T17:45:00', 'December 19', 30, 1, 0, 400],
  ];
  write('tiktok', 'content.csv', BOM + [contentHeader, ...rows.map(([title, created, shown, likes, comments, shares, views]) =>
    q(['March 16', title, video(tiktokId(utc(created))), shown, likes, comments, shares, views]))].join('\n'));
}

// ---------------------------------------------------------------- TikTok Content without links (no ids).
// The year of each post comes from the export day (Time, itself year-less) and an outside anchor: ?exportedOn=,
// the file name, else the upload day (with a warning). December and January straddle the year boundary.
{
  const header = q(['Time', 'Video title', 'Post time', 'Total likes', 'Total comments', 'Total shares', 'Total views']);
  const rows = [
    ['Bloom your pour-over', 'January 5', 40, 2, 1, 1500],
    ['Holiday blend', 'December 20', 55, 4, 2, 2100],
    ['Roastery open house', 'November 2', 12, 0, 0, 700],
  ];
  write('tiktok', 'content-without-links.csv', BOM + [header, ...rows.map(([title, shown, ...m]) => q(['January 12', title, shown, ...m]))].join('\n'));
  const noTime = q(['Video title', 'Post time', 'Total likes', 'Total comments', 'Total shares', 'Total views']);
  write('tiktok', 'content-without-links-or-time.csv', BOM + [noTime, ...rows.map(([title, shown, ...m]) => q([title, shown, ...m]))].join('\n'));
}

// ---------------------------------------------------------------- Other content vintages and languages.
{
  // Swedish UI (real files: Tid, Videotitel, Videolänk, Publiceringstid…), day-first month names.
  const sv = q(['Tid', 'Videotitel', 'Videolänk', 'Publiceringstid', 'Totalt antal gilla-markeringar', 'Totalt antal kommentarer', 'Totalt antal delningar', 'Videovisningar', 'Add to Favorites']);
  write('tiktok', 'content-swedish.csv', BOM + [sv,
    q(['10 september', 'Kaffe i Stockholm', video(tiktokId(utc('2026-09-03T08:15:00'))), '3 september', 40, 2, 1, 800, 7]),
    q(['10 september', 'Behind the Scenes: rostning', video(tiktokId(utc('2026-08-28T15:40:00'))), '28 augusti', 60, 3, 2, 1200, 9]),
  ].join('\n'));
  // Vietnamese UI: months as words ("tháng Tám" = August), as a real Vietnamese file writes them.
  write('tiktok', 'content-vietnamese.csv', BOM + [contentHeader,
    q(['2 tháng Chín', 'Cà phê sữa đá', video(tiktokId(utc('2026-08-18T03:00:00'))), '18 tháng Tám', 75, 6, 3, 5400]),
    q(['2 tháng Chín', 'Rang xay mỗi sáng', video(tiktokId(utc('2026-07-30T02:10:00'))), '30 tháng Bảy', 20, 1, 0, 1300]),
  ].join('\n'));
  // European re-save: semicolons, decimal commas, quotes dropped; older "Likes"/"Video views" headers.
  write('tiktok', 'content-european-resave.csv', BOM + [
    'Time;Video title;Video link;Post time;Likes;Total comments;Total shares;Video views',
    `2026-11-02;Pâtisserie pairing;${video(tiktokId(utc('2026-10-31T16:00:00')))};October 31;1203,0;12;3;25000`,
    `2026-11-02;Espresso 101;${video(tiktokId(utc('2026-10-20T07:30:00')))};October 20;800;5;1;12500,0`,
  ].join('\r\n') + '\r\n');
  // Older TikTok Business files: no Time column, full timestamps with the year in Post time, "Add to Favorites".
  write('tiktok', 'content-business-timestamps.csv', BOM + [
    'Video title,Video link,Post time,Video views,Likes,Comments,Shares,Add to Favorites',
    `Sunday brunch at the roastery,${video(tiktokId(utc('2025-10-31T17:19:10')))},2025/10/31 18:19:10,17235,177,4,41,18`,
    `"Decaf, done right",${video(tiktokId(utc('2025-11-02T09:05:00')))},2025/11/02 10:05:00,9120,88,2,7,5`,
  ].join('\n') + '\n');
  // Cut off inside a quoted title (the download stopped).
  write('tiktok', 'truncated-inside-quoted-title.csv', BOM + [contentHeader,
    q(['November 2', 'Good one', video(tiktokId(utc('2026-10-30T10:00:00'))), 'October 30', 10, 1, 0, 100]),
    `"November 2","Cut off caption\nthat never ends`,
  ].join('\n'));
}

// ---------------------------------------------------------------- TikTok day series.
const overviewHeader = q(['Date', 'Video Views', 'Profile Views', 'Likes', 'Comments', 'Shares']);
const seriesRows = (from, count, format, valuesOf) => {
  const rows = [];
  for (let i = 0; i < count; i++) {
    const d = addDays(from, i);
    rows.push(q([format(d), ...valuesOf(i)]));
  }
  return rows;
};
{
  // 365 days, February 28 → February 27, the first days all zero (real 365-day files start like that).
  write('tiktok', 'overview-365-days.csv', BOM + [overviewHeader, ...seriesRows(utc('2025-02-28T00:00:00'), 365, monthDay,
    (i) => (i < 10 ? [0, 0, 0, 0, 0] : [1000 + (i % 97) * 10, 5 + (i % 7), 40 + (i % 13), i % 4, i % 3]))].join('\n'));
  // Spanish UI, day-first: "8 de marzo" … "14 de marzo".
  write('tiktok', 'overview-spanish.csv', BOM + [overviewHeader, ...seriesRows(utc('2026-03-08T00:00:00'), 7, spanish,
    (i) => [i * 3, i, i * 2, 0, i % 2])].join('\n'));
  // Day-first English ("10 February") over a year boundary-free month; the name holds the range start and the
  // export's Unix time (1773500000 = 2026-03-14 14:53:20 UTC), as TikTok names its downloads.
  write('tiktok', 'TikTok_Overview_2026-02-10_1773500000.csv', BOM + [overviewHeader, ...seriesRows(utc('2026-02-10T00:00:00'), 33, dayMonth,
    (i) => [500 + i, 2, 10, 1, 0])].join('\n'));
  // Russian month names (a real Georgian creator's files use the Russian UI).
  write('tiktok', 'overview-russian-dates.csv', BOM + [overviewHeader, q(['30 сентября', 700, 10, 40, 2, 1]), q(['1 октября', 900, 12, 50, 3, 0])].join('\n'));
  // Viewers: "undefined" total viewers on the first days (missing, never 0).
  write('tiktok', 'viewers.csv', BOM + [q(['Date', 'Total Viewers', 'New Viewers', 'Returning Viewers']),
    ...seriesRows(utc('2026-10-20T00:00:00'), 10, monthDay, (i) => (i < 3 ? ['undefined', 0, 0] : [1000 + i * 100, 600 + i * 50, 400 + i * 50]))].join('\n'));
  write('tiktok', 'follower-history.csv', BOM + [q(['Date', 'Followers', 'Difference in followers from previous day']),
    ...seriesRows(utc('2026-10-25T00:00:00'), 5, monthDay, (i) => (i < 2 ? ['undefined', 0] : [5000 + i, i === 2 ? 0 : 1]))].join('\n'));
  // Known exports the report does not use.
  write('tiktok', 'follower-gender.csv', BOM + [q(['Gender', 'Distribution']), q(['Female', '0.58']), q(['Male', '0.40']), q(['Other', '0.02'])].join('\n'));
  write('tiktok', 'follower-top-territories.csv', BOM + [q(['Top territories', 'Distribution']), q(['FR', '0.61']), q(['BE', '0.12']), q(['Others', '0.27'])].join('\n'));
  write('tiktok', 'follower-activity.csv', BOM + [q(['Date', 'Hour', 'Active followers']), q(['October 30', '0', '120']), q(['October 30', '1', '95'])].join('\n'));
}

// ---------------------------------------------------------------- TikTok zips.
{
  const overview = BOM + [overviewHeader,
    q(['October 1', 1000, 20, 60, 3, 2]),
    q(['October 2', 1500, 25, 90, 4, 1]),
    q(['October 3', 'lots', 30, 70, 5, 0]),
  ].join('\n');
  write('tiktok', 'TikTok_Overview_2026-10-01_2026-10-03.zip', zip([{ name: 'Overview.csv', data: overview }]));
  const content = BOM + [contentHeader,
    q(['November 2', 'Behind the Scenes: bagging day', video(tiktokId(utc('2026-10-30T08:00:00'))), 'October 30', 300, 10, 5, 6000]),
    q(['November 2', 'Cold brew 🧊', video(tiktokId(utc('2026-10-12T15:10:00'))), 'October 12', 150, 4, 2, 3000]),
  ].join('\n');
  const viewers = BOM + [q(['Date', 'Total Viewers', 'New Viewers', 'Returning Viewers']), q(['October 1', 800, 500, 300]), q(['October 2', 'undefined', 0, 0])].join('\n');
  write('tiktok', 'TikTok_Studio_2026-11-02.zip', zip([{ name: 'Content.csv', data: content }, { name: 'Overview.csv', data: overview }, { name: 'Viewers.csv', data: viewers }]));
}

// ---------------------------------------------------------------- YouTube Studio tables in the UI's language.
// Real German files hyphenate every header and the totals row with soft hyphens (U+00AD); Portuguese ones end with
// "Mostrando os primeiros 500 resultados"; ids starting with '-' carry a leading space; publish dates stay English.
const shy = (s) => s.replace(/([a-zäöü])([a-zäöü]{2})(?=[a-zäöü]{2})/g, '$1$2\u00ad');
{
  const de = [
    ['Video', 'Videotitel', 'Veröffentlichungszeitpunkt des Videos', 'Aufrufe', 'Wiedergabezeit (Stunden)', 'Abonnenten', 'Impressionen', 'Klickrate der Impressionen (%)'].map(shy).join(','),
    `${shy('Gesamt')},,,1750,30.5,12,26000,5.1`,
    'aB3dE5fG7hI,Röstung am Morgen,"Sep 29, 2026",1000,20.25,10,15000,4.5',
    ' -kL9mN8oP7q,"Filterkaffee, erklärt","Oct 2, 2026",500,5.25,2,5000,3.2',
    'rS6tU5vW4xY,Ohne Datum,,250,5,0,6000,2.0',
    shy('Die 500 besten Ergebnisse werden angezeigt'),
  ];
  write('youtube', 'Tabellendaten.csv', de.join('\n') + '\n');

  const videos = ['Videos', 'Videotitel', 'Veröffentlichungszeitpunkt des Videos', 'Dauer', 'Aufrufe', 'Wiedergabezeit (Stunden)', 'Abonnenten', 'Impressionen'].map(shy).join(',');
  write('youtube', 'Inhalt 2026-09-01_2026-10-31 Lumen Kaffee.zip', zip([
    { name: 'Tabellendaten.csv', data: [videos, `${shy('Gesamt')},,,,900,12.5,4,9000`, 'aB3dE5fG7hI,Röstung am Morgen,"Sep 29, 2026",300,600,10,3,6000', 'zZ1yY2xX3wV,Kurz & gut,"Oct 9, 2026",45,300,2.5,1,3000'].join('\n') + '\n' },
    { name: 'Diagrammdaten.csv', data: `${shy('Datum')},${shy('Video')},${shy('Videotitel')},${shy('Aufrufe')}\n2026-09-29,aB3dE5fG7hI,Röstung am Morgen,40\n` },
    { name: 'Gesamtwerte.csv', data: `${shy('Datum')},${shy('Aufrufe')}\n2026-09-29,40\n` },
  ]));

  write('youtube', 'Dados da tabela.csv', [
    'Conteúdo,Título do vídeo,Horário de publicação do vídeo,Visualizações,Tempo de exibição (horas),Inscritos,Sua receita estimada (BRL),Impressões,Taxa de cliques de impressões (%)',
    'Total,,,4200,80.5,30,12.5,52000,6.1',
    'cD4eF5gH6iJ,Café coado passo a passo,"Mar 25, 2026",3000,60.5,25,10.1,40000,6.5',
    'kL7mN8oP9qR,"Torra clara, torra escura",,1200,20,5,2.4,12000,4.8',
    'Mostrando os primeiros 500 resultados,,,,,,,,',
  ].join('\n') + '\n');

  write('youtube', '表データ.csv', [
    'コンテンツ,動画のタイトル,動画公開時刻,長さ,視聴回数,総再生時間（単位: 時間）,インプレッション数,インプレッションのクリック率 (%)',
    '合計,,,,"1,500",100.5,"20,000",5.2',
    'jA1bC2dE3fG,朝の焙煎,"Sep 1, 2026",600,"1,000",70.0,"12,000",6.1',
    'hI4jK5lM6nO,"ドリップ, 基本",2026年9月8日,480,500,30.5,"8,000",4.0',
  ].join('\n') + '\n');

  write('youtube', 'Données du tableau.csv', [
    'Contenu,Titre de la vidéo,Heure de publication de la vidéo,Durée,Vues,Durée de visionnage (heures),Abonnés,Impressions',
    'Total,,,,"44\u202f531","812,5",40,"610\u202f000"',
    'pQ1rS2tU3vW,La torréfaction expliquée,"Sep 28, 2026",540,"40\u202f000","800,25",38,"600\u202f000"',
    'xY4zA5bC6dE,Crème ou noir ?,28 sept. 2026,55,4531,"12,25",2,"10\u202f000"',
  ].join('\n') + '\n');

  write('youtube', 'Datos de la tabla.csv', [
    'Contenido,Título del vídeo,Hora de publicación del vídeo,Duración,Visualizaciones,Tiempo de visualización (horas),Suscriptores,Impresiones',
    'Total,,,,700,14,3,9000',
    'fG7hI8jK9lM,Café de especialidad,"Oct 1, 2026",420,700,14,3,9000',
  ].join('\n') + '\n');

  write('youtube', 'Dati della tabella.csv', [
    'Contenuti,Titolo del video,Ora di pubblicazione del video,Durata,Visualizzazioni,Tempo di visualizzazione (ore),Iscritti,Impressioni',
    'Totale,,,,250,4.5,1,3000',
    'nO1pQ2rS3tU,Espresso perfetto,"Oct 3, 2026",300,250,4.5,1,3000',
  ].join('\n') + '\n');

  // Tables by another dimension than content: known, not used.
  write('youtube', 'viewer-age.csv', ['Viewer age,Views (%),Average view duration,Average percentage viewed (%),Watch time (hours) (%)', '18–24 years,20.5,0:03:10,40.1,18.2', '25–34 years,45.1,0:04:02,44.0,47.3'].join('\n') + '\n');
  write('youtube', 'idade-do-espectador.csv', ['Idade do espectador,Visualizações (%)', '18 a 24 anos,35.1', '25 a 34 anos,64.9'].join('\n') + '\n');
  write('youtube', 'traffic-source.csv', ['Traffic source,Views,Watch time (hours),Average view duration', 'Total,1000,20,0:01:12', 'YouTube search,600,12,0:01:12'].join('\n') + '\n');
}

// ---------------------------------------------------------------- Meta insights files (UTF-16LE with BOM, as downloaded).
const utf16 = (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const metaDays = (from, values, time = 'T00:00:00') => values.map((v, i) => q([`${addDays(utc(`${from}T00:00:00`), i).toISOString().slice(0, 10)}${time}`, v]));
{
  // Overview download with a bare metric name: which network is not said.
  write('meta', 'Views.csv', utf16(['sep=,', q(['Views']), q(['Date', 'Primary']), ...metaDays('2026-10-01', [120, 95, '', 143])].join('\r\n') + '\r\n'));
  // Tab-separated: "sep=" then a TAB (older Page Insights files).
  write('meta', 'Reach.csv', utf16(['sep=\t', 'Facebook reach\t', 'Date\tPrimary', '2026-10-01T00:00:00\t300', '2026-10-02T00:00:00\t410'].join('\r\n') + '\r\n'));
  // Two blocks, older headers naming the metric instead of "Primary", the channel inside the name.
  write('meta', 'New likes and follows.csv', utf16(['sep=,', q(['Facebook Page new likes']), q(['Date', 'New Facebook Page likes']), ...metaDays('2026-10-01', [2, 0, 5], 'T01:00:00'),
    q(['New Instagram followers']), q(['Date', 'New Instagram followers']), ...metaDays('2026-10-01', [7, 9])].join('\r\n') + '\r\n'));
  // Re-saved by a European spreadsheet: no BOM, no sep= line, semicolons, the title line gains a trailing ';'.
  write('meta', 'Follows-resaved.csv', ['Facebook follows;', 'Date;Primary', '2026-10-01T00:00:00;4', '2026-10-02T00:00:00;2', '2026-10-03T01:00:00;3'].join('\r\n') + '\r\n');
  write('meta', 'Audience.csv', utf16(['sep=,', q(['Top cities']), q(['Lyon, France', 'Paris, France']), q(['12.5', '9.1']), '', q(['Age & gender']), q(['', 'Women', 'Men']), q(['18-24', '10.2', '8.4'])].join('\r\n') + '\r\n'));
  write('meta', 'Top content formats.csv', ['Views;;;', 'Reels;Multi-photo;Links;Photos', '5200;860;790;220', ';;;', 'Content interactions;;;', 'Reels;Photos;Stories;Links', '46;30;13;2'].join('\r\n') + '\r\n');
}

// ---------------------------------------------------------------- Meta Business Suite post exports, other vintages.
{
  const head38 = ['Post ID', 'Page ID', 'Page name', 'Title', 'Description', 'Duration (sec)', 'Publish time', 'Caption type', 'Permalink', 'Is crosspost', 'Is share', 'Post type', 'Languages', 'Custom labels', 'Funded content status', 'Data comment', 'Date', 'Views', 'Reach', 'Reactions, Comments and Shares', 'Reactions', 'Comments', 'Shares', 'Total clicks', 'Views', 'Reach from Organic posts', 'Reach from Boosted posts', '3-second video views', '1-minute video views', '3-Second viewers', '1-minute viewers', '3-second video views from Boosted posts', '3-second video views from Organic posts', 'Negative feedback from users', 'Unique negative feedback from users', 'Other Clicks', 'Matched Audience Targeting Consumption (Photo Click)', 'Link Clicks'];
  const row38 = (id, title, time, views, reach, r, c, s, clicks, other) => [id, '100000000000001', 'Lumen Coffee Roasters', title, '', 0, time, 'N/A', `https://www.facebook.com/lumencoffee/posts/${id}`, 0, 0, 'Photos', '', '', '', '', 'Lifetime', views, reach, r + c + s, r, c, s, clicks, views, reach, 0, 0, 0, 0, 0, 0, 0, 0, 0, other, other, ''];
  const csv = (rows) => BOM + rows.map((r) => r.map((v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : v)).join(',')).join('\n') + '\n';
  write('facebook', 'posts-38-columns-duplicated-views.csv', csv([head38,
    row38('122300000000000001', 'Monday roast notes', '03/02/2026 08:15', 1200, 800, 30, 4, 2, 25, 10),
    row38('122300000000000002', 'Spring blend,\nnow in store', '03/09/2026 17:40', 950, 610, 12, 1, 0, 8, 8),
    row38('122300000000000003', 'Open house Saturday', '3/14/2026 9:05', 0, 37, 2, 0, 0, 2, 1),
  ]));
  // 2026 vintage: columns in another order, Views beside Impressions, Viewers for reach, Interactions, Saves.
  const head26 = ['Post ID', 'Page ID', 'Page name', 'Title', 'Duration (sec)', 'Publish time', 'Permalink', 'Post type', 'Data comment', 'Date', 'Comments', 'Distribution', 'Approximate earnings (USD)', 'Stars (USD)', 'Impressions', 'Interactions', 'Reactions', 'Saves', 'Shares', 'Viewers', 'Views', 'Average Seconds viewed', 'Seconds viewed'];
  write('facebook', 'posts-2026-columns.csv', csv([head26,
    ['122400000000000001', '100000000000001', 'Lumen Coffee Roasters', 'Reel: latte art in 20 s', 20, '08/03/2026 12:00', 'https://www.facebook.com/reel/122400000000000001', 'Reel', '', 'Lifetime', 5, '+4x', '', '', 9100, 140, 120, 9, 6, 4100, 8800, 7.5, 66000],
    ['122400000000000002', '100000000000001', 'Lumen Coffee Roasters', 'New mugs are in', 0, '08/05/2026 09:30', 'https://www.facebook.com/lumencoffee/posts/122400000000000002', 'Photo', '', 'Lifetime', 1, '--', '', '', 700, 20, 18, 0, 1, 520, 650, '', ''],
  ]));
  // 2023–24 vintage: Impressions (no Views); a row Meta failed to export (no Post ID, an error in Data comment).
  const head24 = ['Post ID', 'Page ID', 'Page name', 'Title', 'Description', 'Duration (sec)', 'Publish time', 'Caption type', 'Permalink', 'Is crosspost', 'Is share', 'Post type', 'Languages', 'Custom labels', 'Funded content status', 'Data comment', 'Date', 'IMPRESSION:UNIQUE_USERS', 'Reach', 'Impressions', 'Reactions, Comments and Shares', 'Reactions', 'Comments', 'Shares', 'Total clicks', 'Matched Audience Targeting Consumption (Photo Click)', 'Other Clicks', 'Link Clicks', 'Negative feedback from users: Hide all'];
  write('facebook', 'posts-2024-failed-row.csv', csv([head24,
    ['122500000000000001', '100000000000001', 'Lumen Coffee Roasters', '', 'Holiday hours ☕', 0, '12/12/2023 01:12', 'N/A', 'https://www.facebook.com/lumencoffee/posts/122500000000000001', 0, 0, 'Photo', '', '', '', '', 'Lifetime', '', 5969, 6970, 309, 236, 9, 64, 142, 32, 110, '', ''],
    ['', '', '', '', '', '', '', '', '', '', '', '', '', '', '', 'An error occurred while computing metadata for content with ID 990000000000001.', 'Lifetime', 51, '', '', '', '', '', '', '', '', '', '', ''],
    ['122500000000000003', '100000000000001', 'Lumen Coffee Roasters', '', 'New year, new beans', 0, '01/02/2024 10:00', 'N/A', 'https://www.facebook.com/lumencoffee/posts/122500000000000003', 0, 0, 'Photo', '', '', '', '', 'Lifetime', '', 1000, 1200, 40, 30, 6, 4, 20, 5, 15, '', ''],
  ]));
  // Wide, user-chosen column sets: 230 columns, the ones we read scattered among per-country and per-interval ones.
  const extra = [];
  for (let i = 0; i < 41; i++) extra.push(`Percentage of total views at interval ${i}`);
  for (let i = 0; i < 41; i++) extra.push(`Percentage of 15-second views at interval ${i}`);
  for (let i = 0; i < 130; i++) extra.push(`3-second video views by country (Country ${i} (C${i}))`);
  const core = ['Post ID', 'Publish time', 'Views', 'Reach', 'Reactions', 'Comments', 'Shares', 'Title', 'Page ID', 'Page name', 'Permalink', 'Post type', 'Date', 'Total clicks', 'Other clicks', 'Views', 'Data comment', 'Description'];
  const header = [];
  extra.forEach((name, i) => { header.push(name); if (i % 12 === 5 && core.length) header.push(core.shift()); });
  header.push(...core);
  const value = (name, post) => ({ 'Post ID': post.id, 'Publish time': post.time, Views: post.views, Reach: post.reach, Reactions: post.reactions, Comments: post.comments, Shares: post.shares, Title: post.title, 'Page ID': '100000000000001', 'Page name': 'Lumen Coffee Roasters', Permalink: `https://www.facebook.com/lumencoffee/posts/${post.id}`, 'Post type': 'Videos', Date: 'Lifetime', 'Total clicks': post.clicks, 'Other clicks': post.other, 'Data comment': '', Description: '' }[name] ?? (name.startsWith('Percentage') ? '0.5' : '3'));
  const posts = [
    { id: '122600000000000001', time: '10/05/2026 18:00', views: 4000, reach: 3000, reactions: 90, comments: 12, shares: 7, title: 'Roast profile, live', clicks: 60, other: 20 },
    { id: '122600000000000002', time: '10/12/2026 18:00', views: 2500, reach: 1900, reactions: 40, comments: 3, shares: 1, title: 'Grinder shoot-out', clicks: 30, other: 30 },
  ];
  write('facebook', 'posts-230-columns.csv', csv([header, ...posts.map((p) => header.map((h) => value(h, p)))]));
  // The per-video export (Video asset ID): each video is also a post in the posts export.
  write('facebook', 'video-assets.csv', csv([['Video asset ID', 'Universal video ID', 'Page ID', 'Page name', 'Title', 'Duration (sec)', 'Publish time', 'Custom labels', 'Data comment', 'Date', 'Reach', '3-second video views'],
    ['990000000000010', '', '100000000000001', 'Lumen Coffee Roasters', 'Latte art', 20, '10/01/2026 11:04', '', '', 'Lifetime', 2222, 1488]]));
}

// ---------------------------------------------------------------- Meta Business Suite post exports in Swedish.
// As real Swedish exports (docs/exports.md): Swedish headers, then English twins of some columns at the end; each row
// fills one of the twins (row 2 only the English Post ID, Views, Link Clicks); publish times still MM/DD/YYYY; post
// types in both languages; a post on two rows, its views on the first and its reach and interactions on the second.
{
  const csv = (rows) => BOM + rows.map((r) => r.map((v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : v)).join(',')).join('\n') + '\n';
  const fbHead = ['Publicerings-id', 'Sid-id', 'Sidnamn', 'Titel', 'Beskrivning', 'Varaktighet (sek)', 'Publiceringstid', 'Permalänk', 'Är korspublicering', 'Delat', 'Inläggstyp', 'Datakommentar', 'Datum', 'Visningar', 'Räckvidd', 'Reaktioner, kommentarer och delningar', 'Reaktioner', 'Kommentarer', 'Delningar', 'Totalt antal klick', 'Övriga klick', 'Länkklick', 'Sekunder visad', 'Post ID', 'Views', 'Link Clicks'];
  const page = ['100000000000002', 'Lumen Kaffe'];
  const fbLink = (id) => `https://www.facebook.com/lumenkaffe/posts/${id}`;
  write('facebook', 'posts-swedish.csv', csv([fbHead,
    ['122700000000000001', ...page, 'Måndagsrostning', '', 0, '02/02/2026 08:15', fbLink('122700000000000001'), 0, 0, 'Foton', '', 'Livstid', 1200, 800, 36, 30, 4, 2, 25, 10, 15, '', '', '', ''],
    ['', ...page, 'Vårblandning,\nnu i butik', '', 0, '02/14/2026 17:40', fbLink('122700000000000002'), 0, 0, 'Photos', '', 'Livstid', '', 610, 13, 12, 1, 0, 8, 0, '', '', '122700000000000002', 950, 8],
    ['122700000000000003', ...page, 'Rostning live', '', 95, '02/20/2026 12:00', fbLink('122700000000000003'), 0, 0, 'Videor', '', 'Livstid', 5000, '', '', '', '', '', '', '', '', 41000, '', '', ''],
    ['122700000000000004', ...page, 'Läs om vår nya kaffebonde', '', 0, '02/23/2026 10:05', fbLink('122700000000000004'), 0, 0, 'Länkar', '', 'Livstid', '', 0, 0, 0, 0, 0, 3, 1, 2, 0, '', '', ''],
    ['122700000000000003', ...page, 'Rostning live', '', 95, '02/20/2026 12:00', fbLink('122700000000000003'), 0, 0, 'Videor', '', 'Livstid', '', 3100, 135, 120, 9, 6, 40, 12, 28, 41000, '', '', ''],
  ]));
  const igHead = ['Publicerings-id', 'Konto-id', 'Kontots användarnamn', 'Kontonamn', 'Beskrivning', 'Varaktighet (sek)', 'Publiceringstid', 'Permalänk', 'Inläggstyp', 'Datakommentar', 'Datum', 'Visningar', 'Räckvidd', 'Gilla-markeringar', 'Delningar', 'Följer', 'Kommentarer', 'Sparade objekt', 'Account ID', 'Account username', 'Account name'];
  const account = ['17800000000000002', 'lumenkaffe', 'Lumen Kaffe'];
  write('instagram', 'posts-swedish.csv', csv([igHead,
    ['17900000000000001', ...account, 'Bryggtips ☕', 0, '02/03/2026 07:30', 'https://www.instagram.com/p/LumenA1/', 'IG-bild', '', 'Livstid', 900, 700, 40, 1, 0, 2, 3, '', '', ''],
    ['17900000000000002', '', '', '', 'Latte art på 20 sekunder', 20, '02/16/2026 18:00', 'https://www.instagram.com/reel/LumenB2/', 'IG-reel', '', 'Livstid', 4000, 2600, 150, 12, 3, 8, 20, ...account],
    ['17900000000000003', ...account, 'Tre bönor, tre länder', 0, '02/25/2026 09:00', 'https://www.instagram.com/p/LumenC3/', 'IG carousel', '', 'Livstid', 1500, 1100, 60, 2, 1, 4, 9, '', '', ''],
    ['17900000000000002', '', '', '', 'Latte art på 20 sekunder', 20, '02/16/2026 18:00', 'https://www.instagram.com/reel/LumenB2/', 'IG-reel', '', 'Livstid', 4001, 2600, 150, 12, 3, 8, 20, ...account],
  ]));
}

// ---------------------------------------------------------------- Meta Business Suite Instagram posts in Portuguese.
// The header as code reading real Brazilian exports quotes it (no whole file seen): quoted names with spaces, Data
// "Total", MM/DD/YYYY publish times quoted, post type "Reel do Instagram".
{
  const head = '"Identificação do post","Identificação da conta","Nome de usuário da conta","Nome da conta",Descrição,"Duração (s)",'
    + '"Horário de publicação","Link permanente","Tipo de post","Comentário de dados",Data,Visualizações,Alcance,Curtidas,Compartilhamentos,Seguimentos,Comentários,Salvamentos';
  const row = (id, text, seconds, time, link, type, views, reach, likes, shares, follows, comments, saves) =>
    [id, '17800000000000003', 'lumencafe', 'Lumen Café', `"${text}"`, seconds, `"${time}"`, link, `"${type}"`, '', 'Total', views, reach, likes, shares, follows, comments, saves].join(',');
  write('instagram', 'posts-portuguese.csv', BOM + [head,
    row('17910000000000001', 'Arte no café ☕', 22, '01/17/2026 10:29', 'https://www.instagram.com/reel/LumenP1/', 'Reel do Instagram', 2750, 1730, 150, 7, 0, 8, 2),
    row('17910000000000002', 'Grãos novos', 0, '01/09/2026 08:16', 'https://www.instagram.com/p/LumenP2/', 'Reel do Instagram', 1850, 1420, 140, 15, 1, 2, 1),
  ].join('\n') + '\n');
}

// ---------------------------------------------------------------- X Premium, 2025 vintage headers and dates.
{
  write('x', 'premium-content-2025.csv', [
    'Post id,Date,Post text,Link,Impressions,Likes,Engagements,Bookmarks,Share,New follows,Replies,Reposts,Profile visits,Detail expands,Url clicks,Hashtag clicks,Permalink clicks',
    `${(BigInt(Date.UTC(2025, 1, 17, 9, 30) - 1288834974657) << 22n).toString()},Mon Feb 17 2025,Tip Tuesday came early,https://x.com/lumencoffee/status/1,900,20,45,3,1,0,2,4,1,6,5,0,0`,
    `${(BigInt(Date.UTC(2025, 1, 18, 16, 5) - 1288834974657) << 22n).toString()},Tue Feb 18 2025,"Roasting, again",https://x.com/lumencoffee/status/2,400,8,15,1,0,0,1,2,0,3,1,0,0`,
  ].join('\n') + '\n');
  write('x', 'premium-overview-2025.csv', [
    'Date,Impressions,Likes,Engagements,Bookmarks,Share,New follows,Unfollows,Replies,Reposts,Profile visits,Create Post,Video views,Media views',
    'Mon Feb 17 2025,1500,30,70,4,1,2,0,3,5,9,1,0,40',
    '"Sat, Aug 15, 2026",800,10,25,1,0,1,1,1,2,3,1,20,15',
  ].join('\n') + '\n');
}

// ---------------------------------------------------------------- GA4 Reports snapshot, and a CSV wrapped one record per cell.
{
  write('ga4', 'reports-snapshot.csv', ['# ----------------------------------------', '# Reports snapshot', '# Account: Lumen Coffee Roasters', '# Property: lumencoffee.com - GA4',
    '# ----------------------------------------', '#', '# Start date: 20261001', '# End date: 20261031', 'Nth day,Active users', '0000,120', '0001,98', '', '#', 'Page title and screen class,Views', 'Home,900', 'Shop,300'].join('\n') + '\n');
  write('common', 'wrapped-lines.csv', BOM + ['"Post ID,""Account ID"",""Account username"",Description,""Publish time"",Views"', '"17900000000000001,17841400000000001,lumencoffee,""Morning brew"",""10/01/2026 08:00"",1200"'].join('\n') + '\n');
}

// ---------------------------------------------------------------- GA4 as real downloads have it (docs/exports.md).
// The preamble GA4 writes above every report (dashed lines, report name, account, property, "All Users", the dates), CRLF
// as in most real downloads. pages-repeated-path: one page listed twice, once with a trailing space in the path (a
// mistyped link), as in a real 684-row report. pages-german: the German UI's column names and date labels (GA4's
// translations from guides and others' parsers; no German download was found). events and landing-page: two of the other
// reports people download, which hold no page views.
{
  const ga4 = (report, dimension, from, to, header, rows) => ['# ----------------------------------------', `# ${report}: ${dimension}`,
    '# Account: Lumen Coffee Roasters', '# Property: lumencoffee.com - GA4', '# ----------------------------------------', '# ', '# All Users',
    `# ${from[0]}: ${from[1]}`, `# ${to[0]}: ${to[1]}`, header, ...rows].join('\r\n') + '\r\n';
  const pagesHeader = 'Page path and screen class,Views,Active users,Views per active user,Average engagement time per active user,Event count,Key events,Total revenue';
  write('ga4', 'pages-repeated-path.csv', ga4('Pages and screens', 'Page path and screen class', ['Start date', '20261001'], ['End date', '20261031'], pagesHeader, [
    '/blog/pour-over-guide ,430,120,3.5833333333333335,61.25,1290,0,0',
    '/,400,300,1.3333333333333333,20.5,1500,2,0',
    '/blog/pour-over-guide,45,30,1.5,40,160,0,0',
  ]));
  write('ga4', 'pages-german.csv', ga4('Seiten und Bildschirme', 'Seitenpfad und Bildschirmklasse', ['Startdatum', '20261001'], ['Enddatum', '20261031'],
    'Seitenpfad und Bildschirmklasse,Aufrufe,Aktive Nutzer,Aufrufe pro aktivem Nutzer,Durchschnittliche Interaktionsdauer pro aktivem Nutzer,Ereignisanzahl,Schlüsselereignisse,Gesamtumsatz', [
      '/blog/kaffee-mahlen,812,301,2.697674418604651,55.5,2100,1,0',
      '/,640,512,1.25,12.75,1800,0,0',
    ]));
  write('ga4', 'events.csv', ga4('Events', 'Event name', ['Start date', '20261001'], ['End date', '20261031'],
    'Event name,Event count,Total users,Event count per active user,Total revenue', ['page_view,1040,480,2.1666666666666665,0', 'session_start,620,470,1.3191489361702127,0']));
  write('ga4', 'landing-page.csv', ga4('Landing page', 'Landing page', ['Start date', '20261001'], ['End date', '20261031'],
    'Landing page,Sessions,Active users,New users,Average engagement time per session,Key events,Total revenue,Session key event rate', ['/blog/pour-over-guide,210,190,150,48.5,2,0,0.009523809523809525', '(not set),12,9,0,3.25,0,0,0']));
}

// ---------------------------------------------------------------- X video overview (the Video tab's download).
// Its shape as two other projects' parsers describe it (a title line, then the daily table); no download was found.
{
  write('x', 'video_overview_analytics.csv', ['Video overview,,,,,', 'Date,Views,Watch Time (ms),Completion Rate,Average Watch Time (ms),Estimated Revenue',
    '"Sat, Aug 15, 2026",1200,3600000,0.31,3000,0', '"Fri, Aug 14, 2026",800,2100000,0.28,2625,0'].join('\n') + '\n');
}

// ---------------------------------------------------------------- Pinterest overview with a rate as the daily metric.
// A real account's export set (seen described, not downloaded) held one file per metric, "engagement-rate" among them.
{
  write('pinterest', 'engagement-rate.csv', ['Analytics overview', '"Oct 1, 2026 - Oct 3, 2026"', 'Claimed accounts,All Pins', 'Content type,All', '',
    'Date,Engagement rate', '2026-10-01,0.046', '2026-10-02,0.051', '2026-10-03,', 'Data starting from today is an estimate.'].join('\n') + '\n');
}

// ---------------------------------------------------------------- X legacy analytics, "By day" export.
// As downloaded from analytics.twitter.com (daily_tweet_activity_metrics_<user>_<from>_<to>_en.csv): every field
// quoted, no BOM, LF, ISO dates, the engagement rate a full-precision float ("0.0" on a day without engagements), and
// the promoted twins of every metric "-" on days without paid activity. Day 3 has promoted figures, larger than its
// organic ones, as in a real promoted account's file. Each stored column holds a different number on day 1.
{
  const metrics = ['impressions', 'engagements', 'engagement rate', 'retweets', 'replies', 'likes', 'user profile clicks', 'url clicks',
    'hashtag clicks', 'detail expands', 'permalink clicks', 'app opens', 'app installs', 'follows', 'email tweet', 'dial phone', 'media views', 'media engagements'];
  const header = ['Date', 'Tweets published', ...metrics, ...metrics.map((m) => `promoted ${m}`)];
  const rate = (imp, eng) => (eng === 0 ? '0.0' : String(eng / imp));
  // tweets, impressions, engagements, retweets, replies, likes, profile clicks, url clicks, hashtag clicks, detail expands,
  // permalink clicks, app opens, app installs, follows, email, dial, media views, media engagements
  const organic = (tweets, imp, eng, ...rest) => [tweets, imp, eng, rate(imp, eng), ...rest];
  const dashes = metrics.map(() => '-');
  const promoted = (imp, eng, ...rest) => [imp, eng, rate(imp, eng), ...rest];
  const days = [
    ['2026-10-01', ...organic(3, 2140, 96, 4, 2, 31, 9, 12, 1, 28, 3, 0, 0, 1, 0, 0, 57, 6), ...dashes],
    ['2026-10-02', ...organic(0, 815, 11, 0, 0, 5, 2, 1, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0), ...dashes],
    ['2026-10-03', ...organic(2, 3905, 188, 9, 6, 70, 15, 35, 2, 41, 4, 0, 0, 2, 0, 0, 120, 8), ...promoted(5120, 230, 3, 1, 12, 6, 190, 0, 11, 1, 0, 0, 4, 0, 0, 300, 2)],
    ['2026-10-04', ...organic(0, 140, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), ...dashes],
    ['2026-10-05', ...organic(4, 2560, 77, 3, 5, 28, 6, 9, 0, 20, 1, 0, 0, 0, 0, 0, 44, 5), ...dashes],
  ];
  write('x', 'daily_tweet_activity_metrics_lumencoffee_20261001_20261006_en.csv', [header, ...days].map(q).join('\n') + '\n');
}
