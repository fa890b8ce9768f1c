// Coverage: per channel, a timeline of the days the uploaded exports cover and the gaps, with "export due" hints.
// The picture is decorative for screen readers: the same facts are written out beside it.
import { api } from './api.js';
import { h, fill, badge, errorBox } from './ui.js';
import { t, channelName, formatDate, formatDateTime, formatMonth, formatNumber } from './i18n.js';

const DAY = 86400000;
const dayNumber = (text) => Date.parse(text + 'T00:00:00Z') / DAY;

function rangeText(r) {
  return r.from === r.to ? formatDate(r.from) : `${formatDate(r.from)} – ${formatDate(r.to)}`;
}

function timeline(overview, channel) {
  const start = dayNumber(overview.from);
  const days = dayNumber(overview.to) - start + 1;
  const svg = h('svg:svg', { viewBox: `0 0 ${days} 10`, preserveAspectRatio: 'none', class: 'timeline', 'aria-hidden': 'true', focusable: 'false' });
  svg.append(h('svg:rect', { x: 0, y: 0, width: days, height: 10, class: 'tl-gap' }));
  for (const r of channel.covered) {
    svg.append(h('svg:rect', { x: dayNumber(r.from) - start, y: 0, width: dayNumber(r.to) - dayNumber(r.from) + 1, height: 10, class: 'tl-covered' }));
  }
  // Month boundaries as thin lines, so the eye can place a gap.
  const months = [];
  for (let d = new Date(overview.from + 'T00:00:00Z'); d <= new Date(overview.to + 'T00:00:00Z'); d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) {
    const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
    const x = Math.max(0, first.getTime() / DAY - start);
    if (x > 0) svg.append(h('svg:line', { x1: x, x2: x, y1: 0, y2: 10, class: 'tl-month' }));
    // A month that starts in the last few days of the window gets its line but no label (it would overflow).
    if (days - x >= 7) months.push({ x, label: formatMonth(first.toISOString().slice(0, 7), true) });
  }
  const axis = h('div', { class: 'tl-axis', 'aria-hidden': 'true' }, months.map((m) => {
    const label = h('span', {}, m.label);
    label.style.left = `${(m.x / days) * 100}%`;
    return label;
  }));
  return h('div', { class: 'tl-wrap' }, svg, axis);
}

export function render(container, { brand, go }) {
  const controller = new AbortController();
  const body = h('div', { 'aria-busy': 'true' }, h('p', { class: 'muted' }, t('loading')));
  fill(container, h('h1', { tabindex: '-1' }, t('coverageTitle')), h('p', { class: 'lead' }, t('coverageLead')), body);

  api(`brands/${encodeURIComponent(brand.brand)}/coverage`, { signal: controller.signal }).then((overview) => {
    body.removeAttribute('aria-busy');
    if (!overview.channels.length) {
      return fill(body, h('p', {}, t('coverageEmpty')), h('p', {}, h('a', { href: `#/${brand.brand}/upload` }, t('goUpload'))));
    }
    const due = overview.channels.filter((c) => c.exportDue);
    fill(body,
      h('p', {}, t('coverageWindow', { from: formatDate(overview.from), to: formatDate(overview.to), month: formatMonth(overview.reportMonth) })),
      due.length ? h('div', { class: 'notice notice-warn' }, h('p', { class: 'notice-title' }, t('exportsDue', { n: due.length })), h('p', {}, due.map((c) => channelName(c.channel)).join(', '))) : h('p', { class: 'notice notice-good' }, t('allCurrent')),
      h('div', { class: 'legend', 'aria-hidden': 'true' }, h('span', { class: 'key key-covered' }), t('legendCovered'), h('span', { class: 'key key-gap' }), t('legendGap')),
      h('ul', { class: 'coverage' }, overview.channels.map((c) => {
        const facts = [
          t('coveredDays', { n: formatNumber(c.coveredDays), total: formatNumber(dayNumber(overview.to) - dayNumber(overview.from) + 1) }),
          c.lastCoveredDay ? t('lastDay', { date: formatDate(c.lastCoveredDay) }) : t('noDay'),
          c.lastUploadAt ? t('lastUpload', { when: formatDateTime(c.lastUploadAt, brand.timeZone) }) : null,
        ].filter(Boolean).join(' · ');
        const dueReason = c.exportDue
          ? (c.reportMonthGaps.length
            ? t('dueGaps', { month: formatMonth(overview.reportMonth), gaps: c.reportMonthGaps.map(rangeText).join(', ') })
            : t('dueStale', { date: c.lastCoveredDay ? formatDate(c.lastCoveredDay) : '—' }))
          : null;
        return h('li', { class: 'coverage-row' },
          h('div', { class: 'coverage-head' },
            h('h2', {}, channelName(c.channel)),
            c.exportDue ? badge(t('exportDue'), 'warn') : badge(t('upToDate'), 'good')),
          timeline(overview, c),
          h('p', { class: 'muted' }, facts),
          dueReason ? h('p', { class: 'due' }, dueReason) : null,
          c.gaps.length ? h('details', {}, h('summary', {}, t('gapsN', { n: c.gaps.length })), h('ul', {}, c.gaps.map((g) => h('li', {}, rangeText(g))))) : h('p', {}, t('noGaps')));
      })));
  }).catch((error) => {
    if (error.name !== 'AbortError') fill(body, errorBox(t('loadFailed'), error.message));
  });
  return () => controller.abort();
}
