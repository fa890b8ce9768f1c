// Reports: the months available with their insights, the PDF inline and as a download, the pivot-plan editor for the
// coming report, "send now" with the delivery state (sent, when, to whom), and the history of runs.
import { api, apiUrl, ApiError } from './api.js';
import { h, fill, announce, badge, errorBox } from './ui.js';
import { t, formatMonth, formatDateTime, formatNumber } from './i18n.js';

const MAX_PLAN = 20000;

function runBadge(entry) {
  const run = entry.run;
  if (!entry.complete) return badge(t('run_open'), 'neutral');
  if (!run) return badge(t('run_notSent'), 'neutral');
  if (run.status === 'sent') return badge(t('run_sent'), 'good');
  if (run.status === 'rendered' && run.listedIn) return badge(t('run_listed'), 'good');
  return badge(t('run_' + run.status), run.status === 'failed' ? 'bad' : 'warn');
}

export function render(container, { brand }) {
  const controller = new AbortController();
  const base = `brands/${encodeURIComponent(brand.brand)}/reports`;
  const months = h('nav', { class: 'months', 'aria-label': t('reportMonths') });
  const panel = h('div', { class: 'month-panel' });
  const history = h('div', {});
  let catalog = null;
  let selected = null;

  async function load(keep) {
    try {
      catalog = await api(base, { signal: controller.signal });
    } catch (error) {
      if (error.name === 'AbortError') return;
      return fill(panel, errorBox(t('loadFailed'), error.message));
    }
    const initial = keep || (location.hash.split('?month=')[1]) || catalog.coming;
    renderMonths();
    renderHistory();
    select(catalog.months.some((m) => m.month === initial) ? initial : catalog.coming, false);
  }

  function renderMonths() {
    fill(months, h('ul', {}, catalog.months.map((m) => h('li', {},
      h('button', { type: 'button', class: 'month', 'data-month': m.month, 'aria-current': m.month === selected ? 'true' : null, onclick: () => select(m.month, true) },
        h('span', { class: 'month-name' }, formatMonth(m.month)),
        m.month === catalog.coming ? h('span', { class: 'muted small' }, t('comingReport')) : null,
        runBadge(m))))));
  }

  function renderHistory() {
    const runs = catalog.months.filter((m) => m.run);
    if (!runs.length) return fill(history, h('p', { class: 'muted' }, t('noRunsYet')));
    fill(history, h('div', { class: 'table-scroll' }, h('table', { class: 'table' },
      h('caption', {}, t('historyRuns')),
      h('thead', {}, h('tr', {}, [t('month'), t('status'), t('sentAt'), t('sentTo'), t('delivery'), t('attempts')].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, runs.map((m) => h('tr', {},
        h('th', { scope: 'row' }, formatMonth(m.month)),
        h('td', {}, runBadge(m), m.run.failureReason ? h('span', { class: 'block small' }, m.run.failureReason) : null),
        h('td', {}, m.run.sentAt ? formatDateTime(m.run.sentAt, brand.timeZone) : '—'),
        h('td', {}, m.run.recipients?.length ? m.run.recipients.join(', ') : '—'),
        h('td', { class: 'small' }, m.run.delivery || (m.run.listedIn ? t('listedIn', { month: formatMonth(m.run.listedIn) }) : '—')),
        h('td', { class: 'num' }, formatNumber(m.run.attempts))))))));
  }

  function select(month, focus) {
    selected = month;
    for (const b of months.querySelectorAll('button.month')) {
      if (b.dataset.month === month) b.setAttribute('aria-current', 'true');
      else b.removeAttribute('aria-current');
    }
    renderPanel(catalog.months.find((m) => m.month === month));
    if (focus) panel.querySelector('h2')?.focus();
  }

  function deliveryState(entry) {
    const run = entry.run;
    if (!entry.complete) return h('p', {}, t('monthOpen', { date: formatDateTime(entry.dueAt, brand.timeZone) }));
    if (!run) return h('p', {}, t('notSentYet', { date: formatDateTime(entry.dueAt, brand.timeZone) }));
    if (run.status === 'sent') {
      return h('p', { class: 'delivery delivery-sent' }, badge(t('run_sent'), 'good'), ' ',
        t('sentLine', { when: formatDateTime(run.sentAt, brand.timeZone), to: run.recipients?.length ? run.recipients.join(', ') : t('recipientsUnknown') }),
        run.delivery ? h('span', { class: 'block small muted' }, t('deliveredVia', { where: run.delivery })) : null);
    }
    if (run.status === 'failed') {
      return h('div', { class: 'notice notice-error' }, h('p', { class: 'notice-title' }, t('sendFailedAt', { when: formatDateTime(run.failedAt, brand.timeZone) })), h('p', {}, run.failureReason || ''));
    }
    if (run.listedIn) return h('p', {}, t('listedIn', { month: formatMonth(run.listedIn) }));
    return h('p', {}, t('run_' + run.status));
  }

  function renderPanel(entry) {
    const month = entry.month;
    const monthBase = `${base}/${month}`;
    const insights = h('div', { 'aria-busy': entry.complete ? 'true' : null });
    const plan = h('textarea', { id: 'pivot-plan', rows: 8, maxlength: MAX_PLAN, 'aria-describedby': 'pivot-plan-hint pivot-plan-count' });
    const count = h('p', { class: 'hint', id: 'pivot-plan-count', 'aria-live': 'off' });
    const planState = h('p', { class: 'saved', 'aria-live': 'polite' });
    const updateCount = () => { count.textContent = t('charsUsed', { n: formatNumber(plan.value.length), max: formatNumber(MAX_PLAN) }); };
    plan.addEventListener('input', () => { updateCount(); planState.textContent = t('unsaved'); });
    const savePlan = h('button', { type: 'submit' }, t('savePlan'));
    const pdfBox = h('div', { class: 'pdf' });
    const sendBox = h('div', { class: 'send' });

    async function loadModel() {
      try {
        const model = await api(`${monthBase}.json`, { signal: controller.signal });
        plan.value = model.commentary || '';
        updateCount();
        insights.removeAttribute('aria-busy');
        fill(insights, model.insights.length
          ? h('ol', { class: 'insights' }, model.insights.map((i) => h('li', {}, i.localizedText || i.text)))
          : h('p', { class: 'muted' }, t('noInsights')));
      } catch (error) {
        if (error.name !== 'AbortError') fill(insights, errorBox(t('loadFailed'), error.message));
      }
    }

    async function save(event) {
      event.preventDefault();
      savePlan.disabled = true;
      planState.textContent = t('saving');
      try {
        await api(`${monthBase}/commentary`, { method: 'PUT', text: plan.value, signal: controller.signal });
        planState.textContent = t('planSaved', { month: formatMonth(month) });
        if (pdfBox.querySelector('iframe')) showPdf();
      } catch (error) {
        if (error.name !== 'AbortError') planState.textContent = t('planSaveFailed', { message: error.message });
      }
      savePlan.disabled = false;
    }

    function showPdf() {
      const src = apiUrl(`${monthBase}/preview`, { v: Date.now() });
      fill(pdfBox,
        h('p', { class: 'hint' }, t('previewNote')),
        h('iframe', { src, title: t('pdfFrameTitle', { month: formatMonth(month) }), class: 'pdf-frame' }),
        pdfLinks());
    }

    function pdfLinks() {
      return h('p', { class: 'row' },
        h('a', { class: 'button-secondary button', href: apiUrl(`${monthBase}/preview`, { download: 'true' }), download: `${brand.brand}-${month}.pdf`, id: 'download-pdf' }, t('downloadPdf')),
        entry.run?.status === 'sent' ? h('a', { href: apiUrl(`${monthBase}.pdf`), download: `${brand.brand}-${month}-sent.pdf` }, t('downloadSent')) : null);
    }

    function renderSend() {
      const run = entry.run;
      const sentAlready = run && (run.status === 'sent' || run.listedIn);
      const to = catalog.recipients.length ? catalog.recipients.join(', ') : null;
      if (!to || !catalog.sender) {
        return fill(sendBox, h('div', { class: 'notice notice-warn' }, h('p', {}, !to ? t('needRecipients') : t('needSender')), h('a', { href: `#/${brand.brand}/settings` }, t('openSettings'))));
      }
      const confirmBox = h('div', { class: 'confirm', hidden: true, role: 'group', 'aria-labelledby': 'confirm-text' },
        h('p', { id: 'confirm-text' }, t(sentAlready ? 'confirmResend' : 'confirmSend', { month: formatMonth(month), to })),
        h('div', { class: 'row' },
          h('button', { type: 'button', id: 'confirm-send', onclick: () => send(!!sentAlready) }, sentAlready ? t('resendNow') : t('sendNow')),
          h('button', { type: 'button', class: 'button-secondary', onclick: () => { confirmBox.hidden = true; open.hidden = false; open.focus(); } }, t('cancel'))));
      const open = h('button', { type: 'button', id: 'send-report', class: sentAlready ? 'button-secondary' : null, onclick: () => { open.hidden = true; confirmBox.hidden = false; confirmBox.querySelector('#confirm-send').focus(); } }, sentAlready ? t('sendAgain') : t('sendNowTo', { to }));
      fill(sendBox, open, confirmBox);
    }

    async function send(force) {
      fill(sendBox, h('p', { class: 'muted', role: 'status' }, t('sending')));
      try {
        const answer = await api(`${monthBase}/send`, { method: 'POST', query: force ? { force: 'true' } : undefined, signal: controller.signal });
        announce(answer.outcome === 'AlreadyDelivered' ? t('alreadySent') : t('sentAnnounce', { month: formatMonth(month) }));
      } catch (error) {
        if (error.name === 'AbortError') return;
        announce(t('sendFailed', { message: error.message }));
        await load(month);
        panel.querySelector('.notice-error, h2')?.focus();
        return;
      }
      await load(month);
      panel.querySelector('.delivery')?.setAttribute('tabindex', '-1');
      panel.querySelector('.delivery')?.focus();
    }

    fill(panel,
      h('h2', { tabindex: '-1' }, t('reportOf', { month: formatMonth(month) })),
      deliveryState(entry),
      entry.complete ? h('section', { 'aria-labelledby': 'r-insights' }, h('h3', { id: 'r-insights' }, t('insights')), insights) : null,
      h('section', { 'aria-labelledby': 'r-plan' },
        h('h3', { id: 'r-plan' }, t('pivotPlan')),
        h('form', { onsubmit: save },
          h('label', { for: 'pivot-plan' }, t('pivotPlanLabel', { month: formatMonth(month) })),
          h('p', { class: 'hint', id: 'pivot-plan-hint' }, t('pivotPlanHint')),
          plan, count,
          h('div', { class: 'actions' }, savePlan, planState))),
      entry.complete ? h('section', { 'aria-labelledby': 'r-pdf' },
        h('h3', { id: 'r-pdf' }, t('pdf')),
        h('p', { class: 'row' }, h('button', { type: 'button', class: 'button-secondary', id: 'show-pdf', onclick: showPdf }, t('showPdf'))),
        pdfBox) : null,
      entry.complete ? h('section', { 'aria-labelledby': 'r-send' }, h('h3', { id: 'r-send' }, t('send')), sendBox) : null);
    if (entry.complete) {
      fill(pdfBox, pdfLinks());
      renderSend();
      loadModel();
    } else {
      // An open month has no model yet; its pivot plan can still be written ahead.
      api(`${monthBase}.json`, { signal: controller.signal }).then((m) => { plan.value = m.commentary || ''; updateCount(); }).catch(() => updateCount());
    }
    updateCount();
  }

  fill(container,
    h('h1', { tabindex: '-1' }, t('reportsTitle')),
    h('p', { class: 'lead' }, t('reportsLead')),
    h('div', { class: 'reports-layout' }, months, panel),
    h('section', { 'aria-labelledby': 'r-history' }, h('h2', { id: 'r-history' }, t('history')), history));
  load();
  return () => controller.abort();
}
