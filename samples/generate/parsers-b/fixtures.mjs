// Writes the binary parser fixtures (xls, xlsx, zip) under tests/TestData/{linkedin,youtube}/. Small and
// hand-specified: the tests assert their exact values. Text fixtures beside them are written by hand.
// Run: (cd samples/generate && node parsers-b/fixtures.mjs)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import XLSX from 'xlsx';
import { zip } from './common.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const testData = path.resolve(here, '../../../tests/TestData');
const write = (channel, name, data) => {
  fs.mkdirSync(path.join(testData, channel), { recursive: true });
  fs.writeFileSync(path.join(testData, channel, name), data);
  console.log(`wrote tests/TestData/${channel}/${name}`);
};

const link = (n) => `https://www.linkedin.com/feed/update/urn:li:activity:724000000000000000${n}`;
const postsHeader = ['Post title', 'Post link', 'Post type', 'Campaign name', 'Posted by', 'Created date', 'Campaign start date', 'Campaign end date', 'Audience', 'Impressions', 'Views', 'Offsite Views', 'Clicks', 'Click through rate (CTR)', 'Likes', 'Comments', 'Reposts', 'Follows', 'Engagement rate', 'Content Type'];
const post = (title, n, type, created, impressions, clicks, likes, comments, reposts, contentType, views = '') =>
  [title, link(n), type, type === 'Organic' ? '' : 'Boost', 'Camille Roux', created, '', '', 'All followers', impressions, views, '', clicks, 0.025, likes, comments, reposts, 1, 0.0691, contentType];

// content.xls: as downloaded (note rows, text dates); a boosted post three times; two bad rows; a multi-line title.
{
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([
    ['Aggregated metrics from 10/01/2026 to 10/03/2026 (UTC).'],
    ['Date', 'Impressions (organic)', 'Impressions (sponsored)', 'Impressions (total)', 'Unique impressions (organic)', 'Clicks (total)', 'Reactions (total)', 'Comments (total)', 'Reposts (total)', 'Engagement rate (total)'],
    ['10/01/2026', 100, 50, 150, 80, 7, 12, 2, 1, 0.146],
    ['10/02/2026', 200, 0, 200, 120, 3, 9, 0, 0, 0.06],
    ['10/03/2026', 300, 0, 300, 100, 'n/a', 5, 1, 0, 0.02],
  ]), 'Metrics');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([
    ['All posts created from 10/01/2026 to 10/31/2026.'],
    postsHeader,
    post('Tip: grind size matters ☕', 1, 'Organic', '10/07/2026', 1200, 30, 45, 5, 3, 'Image'),
    post('Our café crème, boosted', 2, 'Organic', '10/14/2026', 500, 5, 10, 1, 0, 'Video', 300),
    post('Our café crème, boosted', 2, 'Sponsored', '10/14/2026', 1500, 40, 20, 2, 1, 'Video', 900),
    post('Our café crème, boosted', 2, 'Total', '10/14/2026', 2000, 45, 30, 3, 1, 'Video', 1200),
    post('Behind the Scenes: roast day', 3, 'Organic', '10/21/2026', 900, 12, 'abc', 2, 1, 'Image'),
    post('Wrong date', 4, 'Organic', '2026/13/45', 100, 1, 1, 0, 0, 'Text'),
    post('We are hiring ☕\nBased in Lyon.', 5, 'Organic', '10/30/2026', 700, 9, 20, 0, 0, 'Article'),
  ]), 'All posts');
  write('linkedin', 'content.xls', XLSX.write(book, { type: 'buffer', bookType: 'biff8' }));
}

// content-resaved.xlsx: re-saved by a spreadsheet: no note rows, typed dates, older "Shares" header, organic-only metrics.
{
  const day = (d) => new Date(Date.UTC(2026, 9, d, 12));
  const header = postsHeader.map((h) => (h === 'Reposts' ? 'Shares' : h));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([
    ['Date', 'Impressions (organic)', 'Unique impressions (organic)', 'Clicks (organic)', 'Reactions (organic)', 'Comments (organic)', 'Reposts (organic)'],
    [day(1), 100, 80, 7, 12, 2, 1],
  ], { cellDates: true }), 'Metrics');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([
    header,
    post('Tip: grind size matters ☕', 1, 'Organic', day(7), 1300, 31, 47, 6, 4, 'Image'),
    post('Our café crème, boosted', 2, 'Organic', day(14), 520, 5, 10, 1, 0, 'Video'),
    post('Our café crème, boosted', 2, 'Sponsored', day(14), 1600, 40, 20, 2, 1, 'Video'),
    post('Our café crème, boosted', 2, 'Total', day(14), 2120, 45, 30, 3, 1, 'Video'),
  ], { cellDates: true }), 'All posts');
  write('linkedin', 'content-resaved.xlsx', XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
}

// renamed-created-date-header.xlsx: the required "Created date" column renamed.
{
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([
    postsHeader.map((h) => (h === 'Created date' ? 'Publish date' : h)),
    post('Tip: grind size matters ☕', 1, 'Organic', '10/07/2026', 1200, 30, 45, 5, 3, 'Image'),
  ]), 'All posts');
  write('linkedin', 'renamed-created-date-header.xlsx', XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
}

// not-a-spreadsheet.xlsx: a zip without xl/workbook.xml.
write('linkedin', 'not-a-spreadsheet.xlsx', zip([{ name: 'readme.txt', data: 'This is not a workbook.\n' }]));

// TikTok fixtures: see ../ingest/fixtures.mjs.

// YouTube Studio advanced-mode zip with the range in its name.
const table = [
  'Content,Video title,Video publish time,Duration,Views,Watch time (hours),Subscribers,Estimated revenue (USD),Impressions,Impressions click-through rate (%)',
  'Total,,,,1500,25.5,12,3.2,20000,4.1',
  'dQ3kLm9xP2A,How to dial in espresso,"Sep 29, 2026",300,1000,20.25,10,2.1,15000,4.5',
  ' -fR8tYu1ZqE,Pour-over in 4 minutes,"Oct 2, 2026",58,500,5.25,2,1.1,5000,3.2',
].join('\n') + '\n';
write('youtube', 'Content 2026-09-01_2026-10-31 Lumen Coffee.zip', zip([
  { name: 'Table data.csv', data: table },
  { name: 'Chart data.csv', data: 'Date,Content,Video title,Video publish time,Duration,Views\n2026-09-29,dQ3kLm9xP2A,How to dial in espresso,"Sep 29, 2026",300,40\n' },
  { name: 'Totals.csv', data: 'Date,Views\n2026-09-29,40\n' },
]));
