// Writes the workbook fixtures of the text formats (CSV exports downloaded or re-saved as .xlsx/.xls) under
// tests/TestData/, from the CSV fixtures beside them, so the tests can compare a workbook's rows with its CSV's.
// - As TikTok Studio writes its .xlsx (the real BossZY27/tiktok-analytics Overview.xlsx was written by SheetJS, one
//   sheet named after the section, every cell text: t="str"): SheetJS with its defaults, all cells text.
// - As a spreadsheet re-saves a CSV (YouTube's "Google Sheets" download, Excel): numbers and dates typed, and the
//   YouTube zip's chart and totals tables as further sheets.
// - An .xls (BIFF8) of a TikTok overview, workbooks with two readable sheets and with none.
// Every value is the invented data of the CSV fixtures. Run: (cd samples/generate && npm ci && node ingest/workbooks.mjs)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import XLSX from 'xlsx';

// Typed dates are stored as serial days computed in the process's zone: UTC, so a date is its own day at 00:00.
process.env.TZ = 'UTC';

const here = path.dirname(fileURLToPath(import.meta.url));
const testData = path.resolve(here, '../../../tests/TestData');
const write = (dir, name, data) => {
  fs.mkdirSync(path.join(testData, dir), { recursive: true });
  fs.writeFileSync(path.join(testData, dir, name), data);
  console.log(`wrote tests/TestData/${dir}/${name}`);
};

/** The records of a CSV fixture, every cell text as written (BOM dropped; quoted line breaks kept). */
const csvRows = (relative) => {
  const text = fs.readFileSync(path.join(testData, relative), 'utf8').replace(/^\uFEFF/, '');
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += c;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
};

const ENGLISH_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A cell as a spreadsheet re-saving the CSV types it: numbers, `Sep 29, 2026` and ISO days as dates, else text. */
const typed = (cell) => {
  if (cell === '') return null;
  if (/^-?\d+(\.\d+)?$/.test(cell)) return Number(cell);
  const english = /^([A-Z][a-z]{2}) (\d{1,2}), (\d{4})$/.exec(cell);
  if (english && ENGLISH_MONTHS.includes(english[1])) return new Date(Date.UTC(+english[3], ENGLISH_MONTHS.indexOf(english[1]), +english[2]));
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell);
  if (iso) return new Date(Date.UTC(+iso[1], +iso[2] - 1, +iso[3]));
  return cell;
};

const book = (sheets) => {
  const result = XLSX.utils.book_new();
  for (const [name, rows, options] of sheets) XLSX.utils.book_append_sheet(result, XLSX.utils.aoa_to_sheet(rows, options), name);
  return result;
};

// tiktok/overview-365-days.xlsx: the 365-day overview as TikTok Studio's .xlsx download writes it (text cells).
write('tiktok', 'overview-365-days.xlsx', XLSX.write(book([['Overview', csvRows('tiktok/overview-365-days.csv')]]), { type: 'buffer', bookType: 'xlsx' }));

// tiktok/TikTok_Overview_2026-02-10_1773500000.xls: the same kind of file as a legacy .xls (BIFF8), named like the CSV
// (the year comes from the Unix time in the name).
write('tiktok', 'TikTok_Overview_2026-02-10_1773500000.xls', XLSX.write(
  book([['Overview', csvRows('tiktok/TikTok_Overview_2026-02-10_1773500000.csv')]]),
  { type: 'buffer', bookType: 'biff8' }));

// youtube/Table data.xlsx: the table data re-saved by a spreadsheet (numbers typed, publish times typed dates; the
// row with "abc" views stays text and is rejected as in the CSV), with the chart and totals tables as further sheets, as
// YouTube Studio's Google Sheets download may hold them; the table is not the first sheet: only "Table data" is read.
{
  const retype = (rows) => rows.map((row, i) => (i === 0 ? row : row.map(typed)));
  write('youtube', 'Table data.xlsx', XLSX.write(book([
    ['Chart data', retype([['Date', 'Content', 'Video title', 'Video publish time', 'Duration', 'Views'], ['2026-09-29', 'dQ3kLm9xP2A', 'How to dial in espresso', 'Sep 29, 2026', '300', '40']]), { cellDates: true }],
    ['Table data', retype(csvRows('youtube/Table data.csv')), { cellDates: true }],
    ['Totals', retype([['Date', 'Views'], ['2026-09-29', '40']]), { cellDates: true }],
  ]), { type: 'buffer', bookType: 'xlsx' }));
}

// common/tiktok-content-and-overview.xlsx: two exports in one workbook (each sheet alone would be read): refused.
write('common', 'tiktok-content-and-overview.xlsx', XLSX.write(book([
  ['Content', csvRows('tiktok/content.csv')],
  ['Overview', csvRows('tiktok/overview-365-days.csv').slice(0, 8)],
]), { type: 'buffer', bookType: 'xlsx' }));

// common/budget.xlsx: a workbook that holds no export (a plan and an empty sheet): refused naming its sheets.
write('common', 'budget.xlsx', XLSX.write(book([
  ['Budget', [['Month', 'Channel', 'Spend (EUR)'], ['2026-10', 'TikTok', 1200], ['2026-10', 'YouTube', 800]]],
  ['Notes', [[]]],
]), { type: 'buffer', bookType: 'xlsx' }));

// common/overview-without-date.xlsx: one sheet, a TikTok overview whose Date column was deleted: unknown, the closest
// format named.
write('common', 'overview-without-date.xlsx', XLSX.write(book([
  ['Sheet1', csvRows('tiktok/overview-365-days.csv').slice(0, 4).map((row) => row.slice(1))],
]), { type: 'buffer', bookType: 'xlsx' }));

// tiktok/overview-at-b3.xlsx: a re-saved overview moved to B3, with a blank row and a bad cell: errors name the sheet row
// and column as the spreadsheet shows them.
{
  const sheet = XLSX.utils.aoa_to_sheet([
    ['Date', 'Video Views', 'Profile Views', 'Likes', 'Comments', 'Shares'],
    ['April 12', 1591, 7, 10, 1, 0],
    [],
    ['April 13', 'many', 1, 5, 0, 0],
  ], { origin: 'B3' });
  const result = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(result, sheet, 'Overview');
  write('tiktok', 'overview-at-b3.xlsx', XLSX.write(result, { type: 'buffer', bookType: 'xlsx' }));
}

// youtube/viewer-age.xlsx: a known export the report does not use, as a workbook: named, with its sheet.
write('youtube', 'viewer-age.xlsx', XLSX.write(book([['Table data', csvRows('youtube/viewer-age.csv')]]), { type: 'buffer', bookType: 'xlsx' }));
