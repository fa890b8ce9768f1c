// Upload: drop (or choose) one or many export files; each uploads on its own with a progress bar, then shows what was
// read — format, channel, covered dates, rows, warnings and the exact errors (line, column, message).
import { api, upload } from './api.js';
import { h, fill, announce, badge } from './ui.js';
import { t, channelName, formatDate, formatDateTime, formatNumber, formatBytes } from './i18n.js';

const PARALLEL = 2;

function statusBadge(file) {
  if (file.duplicate) return badge(t('statusDuplicate'), 'neutral');
  return badge(t('status_' + file.status), { accepted: 'good', partial: 'warn', rejected: 'bad' }[file.status] || 'neutral');
}

function range(from, to) {
  if (!from && !to) return t('noDates');
  return from === to ? formatDate(from) : `${formatDate(from)} – ${formatDate(to)}`;
}

/** What the API said about one file, as people read it. */
export function outcome(file) {
  const facts = h('dl', { class: 'facts' },
    h('dt', {}, t('format')), h('dd', {}, file.format ? h('code', {}, file.format) : t('unknownFormat')),
    h('dt', {}, t('channel')), h('dd', {}, file.channel ? channelName(file.channel) : '—'),
    h('dt', {}, t('dates')), h('dd', {}, range(file.from, file.to)),
    h('dt', {}, t('rows')), h('dd', {}, t('rowsValue', { accepted: formatNumber(file.rowsAccepted), rejected: formatNumber(file.rowsRejected) })),
    h('dt', {}, t('stored')), h('dd', {}, formatNumber(file.entitiesStored)));
  const warnings = file.warnings?.length
    ? h('div', { class: 'notice notice-warn' }, h('p', { class: 'notice-title' }, t('warnings')), h('ul', {}, file.warnings.map((w) => h('li', {}, w))))
    : null;
  const errors = file.errors?.length
    ? h('div', { class: 'errors' },
      h('table', {},
        h('caption', {}, t('errorsCaption', { n: file.errors.length })),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('line')), h('th', { scope: 'col' }, t('column')), h('th', { scope: 'col' }, t('message')))),
        h('tbody', {}, file.errors.map((e) => h('tr', {}, h('td', { class: 'num' }, e.line ?? '—'), h('td', { class: 'num' }, e.column ?? '—'), h('td', {}, e.message))))))
    : null;
  return h('div', { class: 'outcome' }, file.duplicate ? h('p', {}, t('duplicateNote')) : null, facts, warnings, errors);
}

export function render(container, { brand }) {
  const controller = new AbortController();
  const base = `brands/${encodeURIComponent(brand.brand)}`;
  // The button opens the file chooser; the input itself stays out of the tab order and of the accessibility tree.
  const input = h('input', { type: 'file', id: 'file-input', multiple: true, class: 'visually-hidden', tabindex: '-1', 'aria-hidden': 'true' });
  const exportedOn = h('input', { type: 'date', id: 'exported-on', 'aria-describedby': 'exported-on-hint' });
  const channel = h('select', { id: 'channel-hint', 'aria-describedby': 'channel-hint-hint' },
    h('option', { value: '' }, t('channelFromFile')),
    ['facebook', 'instagram'].map((c) => h('option', { value: c }, channelName(c))));
  const list = h('ol', { class: 'uploads', 'aria-label': t('thisSession') });
  const history = h('div', { class: 'history' });
  const queue = [];
  let running = 0;
  let batch = null;

  const drop = h('div', { class: 'dropzone', id: 'dropzone' },
    h('p', { class: 'drop-title' }, t('dropTitle')),
    h('p', {}, t('dropOr'), ' ', h('button', { type: 'button', id: 'choose-files', onclick: () => input.click() }, t('chooseFiles'))),
    h('p', { class: 'hint' }, t('dropHint')),
    input);

  for (const type of ['dragenter', 'dragover']) {
    drop.addEventListener(type, (e) => { e.preventDefault(); drop.classList.add('dragging'); });
  }
  for (const type of ['dragleave', 'drop']) drop.addEventListener(type, () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', (e) => { e.preventDefault(); add([...e.dataTransfer.files]); });
  input.addEventListener('change', () => { add([...input.files]); input.value = ''; });

  function add(files) {
    if (!files.length) return;
    batch = { total: files.length, done: 0, accepted: 0, partial: 0, rejected: 0 };
    announce(t('uploadingN', { n: files.length }));
    for (const file of files) {
      const progress = h('progress', { max: 100, value: 0, 'aria-label': t('progressOf', { name: file.name }) });
      const state = h('p', { class: 'upload-state' }, t('waiting'));
      const detail = h('div', {});
      const item = h('li', { class: 'upload' },
        h('div', { class: 'upload-head' }, h('h3', {}, file.name), h('span', { class: 'muted' }, formatBytes(file.size))),
        progress, state, detail);
      list.prepend(item);
      queue.push({ file, progress, state, detail, item, batch });
    }
    pump();
  }

  function pump() {
    while (running < PARALLEL && queue.length) {
      running += 1;
      send(queue.shift()).finally(() => { running -= 1; pump(); });
    }
  }

  async function send(job) {
    const { file, progress, state, detail, item } = job;
    fill(state, t('uploading'));
    try {
      const answer = await upload(`${base}/exports`, file, {
        query: { filename: file.name, exportedOn: exportedOn.value || undefined, channel: channel.value || undefined },
        signal: controller.signal,
        onProgress: (loaded, total) => {
          progress.value = Math.round((loaded / total) * 100);
          if (loaded === total) fill(state, t('reading'));
        },
      });
      progress.value = 100;
      progress.hidden = true;
      const result = answer.body?.files?.[0];
      if (result) {
        item.classList.add(`upload-${result.duplicate ? 'duplicate' : result.status}`);
        fill(state, statusBadge(result), ' ', result.duplicate ? t('duplicateShort') : t('resultShort_' + result.status));
        fill(detail, outcome(result));
        job.batch[result.status] = (job.batch[result.status] || 0) + 1;
      } else {
        item.classList.add('upload-rejected');
        fill(state, badge(t('status_rejected'), 'bad'), ' ', answer.body?.title || `HTTP ${answer.status}`);
        fill(detail, h('p', { class: 'field-error' }, answer.body?.detail || ''));
        job.batch.rejected += 1;
      }
    } catch (error) {
      if (error.name === 'AbortError') return;
      progress.hidden = true;
      fill(state, badge(t('status_rejected'), 'bad'), ' ', t('uploadFailed'));
      job.batch.rejected += 1;
    }
    job.batch.done += 1;
    if (job.batch.done === job.batch.total) {
      announce(t('batchDone', { n: job.batch.total, accepted: job.batch.accepted, partial: job.batch.partial, rejected: job.batch.rejected }));
      loadHistory();
    }
  }

  async function loadHistory() {
    try {
      const answer = await api(`${base}/uploads`, { query: { top: 20 }, signal: controller.signal });
      if (!answer.uploads.length) return fill(history, h('p', { class: 'muted' }, t('noUploadsYet')));
      fill(history, h('table', { class: 'table' },
        h('caption', {}, t('historyCaption', { shown: answer.uploads.length, total: answer.total })),
        h('thead', {}, h('tr', {}, [t('received'), t('file'), t('status'), t('channel'), t('dates'), t('rows')].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, answer.uploads.map((u) => h('tr', {},
          h('td', {}, formatDateTime(u.receivedAt, brand.timeZone)),
          h('td', { class: 'file-name' }, u.fileName),
          h('td', {}, statusBadge(u)),
          h('td', {}, u.channel ? channelName(u.channel) : '—'),
          h('td', {}, range(u.from, u.to)),
          h('td', { class: 'num' }, t('rowsValue', { accepted: formatNumber(u.rowsAccepted), rejected: formatNumber(u.rowsRejected) })))))));
    } catch (error) {
      if (error.name !== 'AbortError') fill(history, h('p', { class: 'field-error' }, error.message));
    }
  }

  fill(container,
    h('h1', { tabindex: '-1' }, t('uploadTitle')),
    h('p', { class: 'lead' }, t('uploadLead')),
    drop,
    h('details', { class: 'hints' },
      h('summary', {}, t('uploadOptions')),
      h('div', { class: 'grid-2' },
        h('div', { class: 'field' }, h('label', { for: 'exported-on' }, t('exportedOn')), h('p', { class: 'hint', id: 'exported-on-hint' }, t('exportedOnHint')), exportedOn),
        h('div', { class: 'field' }, h('label', { for: 'channel-hint' }, t('channelHint')), h('p', { class: 'hint', id: 'channel-hint-hint' }, t('channelHintHint')), channel))),
    h('section', { 'aria-labelledby': 'u-session' }, h('h2', { id: 'u-session' }, t('thisSession')), list),
    h('section', { 'aria-labelledby': 'u-history' }, h('h2', { id: 'u-history' }, t('recentUploads')), history));
  loadHistory();
  return () => controller.abort();
}
