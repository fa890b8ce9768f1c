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

// Content_2026-10-01_2026-10-07_Camille Roux.xlsx: a member's creator analytics, shaped on the real downloads
// (docs/exports.md): DISCOVERY totals, ENGAGEMENT days as text M/D/YYYY in no date order with one negative engagements
// value, TOP POSTS as two side-by-side top lists under a note (one right-hand row with a link only), FOLLOWERS with the
// "Total followers on" line above its header, DEMOGRAPHICS shares as fractions.
{
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([
    ['Overall Performance', '10/1/2026 - 10/7/2026'],
    ['Impressions', 2100],
    ['Members reached', 900],
  ]), 'DISCOVERY');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([
    ['Date', 'Impressions', 'Engagements'],
    ['10/3/2026', 0, 0],
    ['10/1/2026', 120, 4],
    ['10/7/2026', 95, 2],
    ['10/2/2026', 640, 31],
    ['10/4/2026', 410, -6],
    ['10/5/2026', 505, 12],
    ['10/6/2026', 330, 'x9'],
  ]), 'ENGAGEMENT');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([
    ['Maximum of 50 posts available to include in this list'],
    [],
    ['Post URL', 'Post publish date', 'Engagements', null, 'Post URL', 'Post publish date', 'Impressions'],
    [link(1), '10/2/2026', 30, null, link(1), '10/2/2026', 1100],
    [link(2), '9/28/2026', 9, null, link(3), '10/5/2026', 600],
    [null, null, null, null, link(2), null, null],
  ]), 'TOP POSTS');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([
    ['Total followers on 10/7/2026:', 1250],
    [],
    ['Date', 'New followers'],
    ['10/1/2026', 3],
    ['10/2/2026', 11],
    ['10/3/2026', 0],
    ['10/4/2026', 5],
    ['10/5/2026', 4],
    ['10/6/2026', 2],
    ['10/7/2026', 1],
  ]), 'FOLLOWERS');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([
    ['Top Demographics', 'Value', 'Percentage'],
    ['Job titles', 'Barista', 0.12],
    ['Locations', 'Lyon', 0.3],
  ]), 'DEMOGRAPHICS');
  write('linkedin', 'Content_2026-10-01_2026-10-07_Camille Roux.xlsx', XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
}

// updates-2020.xls: the Page export's 2020 vintage (sheets "Update metrics (aggregated)" and "Update engagement", a note
// above each header, "Update title/link/type", "Video views", "Shares"), as a 2020 dashboard's datasource files mirror it.
{
  const header = ['Update link', 'Update title', 'Update type', 'Campaign name', 'Posted by', 'Created date', 'Campaign start date', 'Campaign end date', 'Audience', 'Impressions', 'Video views', 'Clicks', 'Click through rate (CTR)', 'Likes', 'Comments', 'Shares', 'Follows', 'Engagement rate'];
  const update = (title, n, type, created, impressions, clicks, likes, comments, shares) =>
    [link(n), title, type, type === 'Organic' ? '' : 'Boost', 'Camille Roux', created, '', '', 'All followers', impressions, '', clicks, 0.02, likes, comments, shares, 0, 0.05];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([
    ['Aggregated metrics from 07/01/2020 to 07/02/2020.'],
    ['Date', 'Impressions (organic)', 'Impressions (sponsored)', 'Impressions (total)', 'Unique impressions (organic)', 'Clicks (organic)', 'Clicks (sponsored)', 'Clicks (total)', 'Reactions (organic)', 'Reactions (sponsored)', 'Reactions (total)', 'Comments (organic)', 'Comments (sponsored)', 'Comments (total)', 'Shares (organic)', 'Shares (sponsored)', 'Shares (total)', 'Engagement rate (organic)', 'Engagement rate (sponsored)', 'Engagement rate (total)'],
    ['07/01/2020', 300, 0, 300, 210, 9, 0, 9, 14, 0, 14, 2, 0, 2, 1, 0, 1, 0.087, 0, 0.087],
    ['07/02/2020', 180, 40, 220, 150, 4, 1, 5, 6, 1, 7, 0, 0, 0, 2, 0, 2, 0.064, 0.05, 0.064],
  ]), 'Update metrics (aggregated)');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([
    ['All updates created from 07/01/2020 to 07/31/2020.'],
    header,
    update('New roast: Ethiopia Guji', 6, 'Organic', '07/01/2020', 800, 20, 31, 4, 2),
    update('Summer menu', 7, 'Organic', '07/02/2020', 300, 4, 9, 1, 0),
    update('Summer menu', 7, 'Sponsored', '07/02/2020', 900, 12, 6, 0, 1),
    update('Summer menu', 7, 'Total', '07/02/2020', 1200, 16, 15, 1, 1),
  ]), 'Update engagement');
  write('linkedin', 'updates-2020.xls', XLSX.write(book, { type: 'buffer', bookType: 'biff8' }));
}

// followers.xls and visitors.xls: the Page's Followers and Visitors exports (daily counts, then one sheet per
// demographic), headers as the same 2020 datasource files mirror them; the report does not use them.
{
  const demographics = (book, metric) => {
    for (const [name, value] of [['Location', 'Lyon'], ['Job function', 'Operations'], ['Seniority', 'Senior'], ['Industry', 'Food and Beverage Services'], ['Company size', '11-50']]) {
      XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([[name, metric], [value, 12]]), name);
    }
  };
  const followers = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(followers, XLSX.utils.aoa_to_sheet([
    ['Date', 'Sponsored followers', 'Organic followers', 'Total followers'],
    ['07/01/2020', 0, 4, 4],
    ['07/02/2020', 1, 2, 3],
  ]), 'New followers');
  demographics(followers, 'Total followers');
  write('linkedin', 'followers.xls', XLSX.write(followers, { type: 'buffer', bookType: 'biff8' }));
  const visitors = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(visitors, XLSX.utils.aoa_to_sheet([
    ['Date', 'Overview page views (desktop)', 'Overview page views (mobile)', 'Overview page views (total)', 'Overview unique visitors (desktop)', 'Overview unique visitors (mobile)', 'Overview unique visitors (total)', 'Total page views (desktop)', 'Total page views (mobile)', 'Total page views (total)', 'Total unique visitors (desktop)', 'Total unique visitors (mobile)', 'Total unique visitors (total)'],
    ['07/01/2020', 10, 6, 16, 8, 5, 13, 14, 9, 23, 10, 7, 17],
  ]), 'Visitor metrics');
  demographics(visitors, 'Total views');
  write('linkedin', 'visitors.xls', XLSX.write(visitors, { type: 'buffer', bookType: 'biff8' }));
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
