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
  // export's Unix time (1773500000 = 2026-03-14 15:33:20 UTC), as TikTok names its downloads.
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
