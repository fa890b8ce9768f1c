// Series: the health table (status, recent vs baseline ER, the evidence in one sentence, a sparkline of the recent
// posts' ER against the baseline) and suggested series with one click to add a rule.
import { api } from './api.js';
import { h, fill, announce, badge, errorBox } from './ui.js';
import { t, channelName, formatPercent, formatSignedPercent, formatDate, formatNumber } from './i18n.js';

const STATUS_KIND = { healthy: 'good', 'at-risk': 'warn', underperforming: 'bad', 'insufficient-data': 'neutral' };

function sparkline(series) {
  const points = series.trend || [];
  if (points.length < 2) return h('span', { class: 'muted' }, '—');
  const values = points.map((p) => p.engagementRate);
  const baseline = series.baselineEngagementRate;
  const max = Math.max(...values, baseline ?? 0) * 1.1 || 1;
  const width = 120;
  const height = 32;
  const x = (i) => (i / (points.length - 1)) * (width - 4) + 2;
  const y = (v) => height - 2 - (v / max) * (height - 4);
  const label = t('sparklineLabel', { n: points.length, first: formatPercent(values[0]), last: formatPercent(values[values.length - 1]), baseline: formatPercent(baseline) });
  return h('svg:svg', { viewBox: `0 0 ${width} ${height}`, width, height, class: `spark spark-${STATUS_KIND[series.status] || 'neutral'}`, role: 'img', 'aria-label': label },
    h('svg:title', {}, label),
    baseline != null ? h('svg:line', { x1: 0, x2: width, y1: y(baseline), y2: y(baseline), class: 'spark-base' }) : null,
    h('svg:polyline', { points: values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' '), class: 'spark-line' }),
    h('svg:circle', { cx: x(values.length - 1), cy: y(values[values.length - 1]), r: 2.5, class: 'spark-dot' }));
}

export function render(container, { brand }) {
  const controller = new AbortController();
  const base = `brands/${encodeURIComponent(brand.brand)}`;
  const health = h('div', { 'aria-busy': 'true' }, h('p', { class: 'muted' }, t('loading')));
  const suggestions = h('div', {}, h('p', { class: 'muted' }, t('loading')));
  const check = h('button', { type: 'button', class: 'button-secondary', onclick: runCheck }, t('checkNow'));

  async function loadHealth() {
    try {
      const answer = await api(`${base}/series`, { signal: controller.signal });
      health.removeAttribute('aria-busy');
      if (!answer.series.length) return fill(health, h('p', {}, brand.seriesRules?.length ? t('noSeriesPosts') : t('noSeriesRules')));
      const order = { underperforming: 0, 'at-risk': 1, healthy: 2, 'insufficient-data': 3 };
      const rows = [...answer.series].sort((a, b) => (order[a.status] ?? 3) - (order[b.status] ?? 3) || a.series.localeCompare(b.series));
      fill(health, h('div', { class: 'table-scroll' }, h('table', { class: 'table series-table' },
        h('caption', {}, t('seriesCaption', { n: rows.length })),
        h('thead', {}, h('tr', {}, [t('series'), t('status'), t('recentEr'), t('baselineEr'), t('gap'), t('evidence'), t('trend')].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, rows.map((s) => h('tr', {},
          h('th', { scope: 'row' }, s.series, h('span', { class: 'muted block' }, channelName(s.channel))),
          h('td', {}, badge(t('series_' + s.status), STATUS_KIND[s.status] || 'neutral'), s.since ? h('span', { class: 'muted block' }, t('since', { date: formatDate(s.since.slice(0, 10)) })) : null),
          h('td', { class: 'num' }, formatPercent(s.recentEngagementRate)),
          h('td', { class: 'num' }, formatPercent(s.baselineEngagementRate)),
          h('td', { class: 'num' }, formatSignedPercent(s.relativeGap)),
          h('td', { class: 'evidence' }, s.evidence),
          h('td', {}, sparkline(s))))))));
    } catch (error) {
      if (error.name !== 'AbortError') fill(health, errorBox(t('loadFailed'), error.message));
    }
  }

  async function loadSuggestions() {
    try {
      const answer = await api(`${base}/series/suggestions`, { signal: controller.signal });
      if (!answer.suggestions.length) return fill(suggestions, h('p', {}, t('noSuggestions')));
      fill(suggestions, h('ul', { class: 'suggestions' }, answer.suggestions.map((s) => {
        const button = h('button', { type: 'button', class: 'button-secondary', 'aria-label': t('addRuleFor', { name: s.name }) }, t('addAsRule'));
        button.addEventListener('click', () => addRule(s, button));
        return h('li', { class: 'suggestion' },
          h('div', {}, h('p', { class: 'suggestion-name' }, s.name),
            h('p', { class: 'muted' }, (s.hashtag ? t('byHashtag', { value: s.hashtag }) : t('byPrefix', { value: s.prefix })), ' · ', t('inPosts', { n: formatNumber(s.posts) }), ' · ', s.channels.map(channelName).join(', '))),
          button);
      })));
    } catch (error) {
      if (error.name !== 'AbortError') fill(suggestions, errorBox(t('loadFailed'), error.message));
    }
  }

  async function addRule(suggestion, button) {
    button.disabled = true;
    try {
      // Read the stored settings first so nothing else changes; the masked webhook sent back means "keep it".
      const settings = await api(base, { signal: controller.signal });
      const rule = { name: suggestion.name, ...(suggestion.hashtag ? { hashtag: suggestion.hashtag } : { prefix: suggestion.prefix }) };
      if (suggestion.channels.length === 1) rule.channels = suggestion.channels;
      const saved = await api(base, { method: 'PUT', json: { ...settings, postsReassigned: undefined, seriesRules: [...(settings.seriesRules || []), rule] }, signal: controller.signal });
      brand.seriesRules = saved.seriesRules;
      announce(t('ruleAdded', { name: suggestion.name, n: formatNumber(saved.postsReassigned || 0) }));
      await Promise.all([loadSuggestions(), loadHealth()]);
      container.querySelector('h1')?.focus();
    } catch (error) {
      button.disabled = false;
      announce(t('ruleAddFailed', { message: error.message }));
    }
  }

  async function runCheck() {
    check.disabled = true;
    fill(health, h('p', { class: 'muted' }, t('checking')));
    try {
      const answer = await api(`${base}/series/check`, { method: 'POST', signal: controller.signal });
      const sent = answer.sent.filter((s) => s.delivered).length;
      announce(t('checkDone', { n: answer.series.length, sent }));
    } catch (error) {
      if (error.name !== 'AbortError') announce(t('loadFailed') + ' ' + error.message);
    }
    check.disabled = false;
    await loadHealth();
  }

  fill(container,
    h('h1', { tabindex: '-1' }, t('seriesTitle')),
    h('p', { class: 'lead' }, t('seriesLead')),
    h('section', { 'aria-labelledby': 's-health' }, h('div', { class: 'section-head' }, h('h2', { id: 's-health' }, t('seriesHealth')), check), health),
    h('section', { 'aria-labelledby': 's-suggest' }, h('h2', { id: 's-suggest' }, t('suggestedSeries')), h('p', { class: 'hint' }, t('suggestedLead')), suggestions));
  loadHealth();
  loadSuggestions();
  return () => controller.abort();
}
