// Brand settings: create a brand or edit one. Series rules preview, while they are typed, the stored posts each takes.
// A saved Teams webhook is only ever shown masked; it is kept unless the user replaces or removes it.
import { api, ApiError } from './api.js';
import { h, fill, announce, uid, debounce, errorBox } from './ui.js';
import { t, channelName, CHANNELS, formatDate, formatNumber } from './i18n.js';

const FOCUSES = ['awareness', 'consideration', 'conversion'];

function slug(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
}

function lines(text) {
  return text.split(/[\n,;]+/).map((s) => s.trim()).filter(Boolean);
}

/** A labelled field with its hint and its error slot; `input` gets the id and aria links. */
function field(id, label, input, hint) {
  const hintId = hint ? `${id}-hint` : null;
  input.id = id;
  if (hintId) input.setAttribute('aria-describedby', `${hintId} ${id}-error`);
  else input.setAttribute('aria-describedby', `${id}-error`);
  return h('div', { class: 'field', 'data-field': id },
    h('label', { for: id }, label),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    h('p', { class: 'field-error', id: `${id}-error` }),
    input);
}

export function render(container, { brand, suggestedName, go, brandSaved }) {
  const creating = !brand;
  const data = brand || { brand: suggestedName || '', locale: document.documentElement.lang === 'fr' ? 'fr' : 'en', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', funnelFocus: 'consideration', reportDayOfMonth: 1, reportTime: '07:00', paperSize: 'A4', recipients: [], teamRecipients: [], postingTargets: {}, seriesRules: [] };
  const controller = new AbortController();
  let nameTouched = !!suggestedName;

  const summary = h('div', { class: 'error-summary', role: 'alert', tabindex: '-1', hidden: true });
  const displayName = h('input', { type: 'text', value: data.displayName || '', autocomplete: 'organization', maxlength: 200 });
  const brandId = h('input', { type: 'text', value: data.brand, required: true, pattern: '[a-z0-9-]{1,40}', maxlength: 40, spellcheck: 'false', readOnly: !creating });
  displayName.addEventListener('input', () => { if (creating && !nameTouched) brandId.value = slug(displayName.value); });
  brandId.addEventListener('input', () => { nameTouched = true; });

  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const zoneList = h('datalist', { id: 'time-zones' }, ['UTC', ...zones].map((z) => h('option', { value: z })));
  const timeZone = h('input', { type: 'text', value: data.timeZone || 'UTC', list: 'time-zones', spellcheck: 'false', autocomplete: 'off' });
  const locale = h('select', {}, h('option', { value: 'en' }, 'English'), h('option', { value: 'fr' }, 'Français'));
  locale.value = data.locale || 'en';
  const focus = h('select', {}, FOCUSES.map((f) => h('option', { value: f }, t('focus_' + f))));
  focus.value = data.funnelFocus || 'consideration';
  const reportDay = h('input', { type: 'number', min: 1, max: 28, step: 1, value: data.reportDayOfMonth ?? 1, inputmode: 'numeric' });
  const reportTime = h('input', { type: 'time', value: data.reportTime || '07:00' });
  const paper = h('select', {}, h('option', { value: 'A4' }, 'A4'), h('option', { value: 'Letter' }, 'Letter'));
  paper.value = data.paperSize || 'A4';
  const recipients = h('textarea', { rows: 3, spellcheck: 'false' });
  recipients.value = (data.recipients || []).join('\n');
  const sender = h('input', { type: 'email', value: data.sender || '', autocomplete: 'email', spellcheck: 'false' });
  const teamRecipients = h('textarea', { rows: 2, spellcheck: 'false' });
  teamRecipients.value = (data.teamRecipients || []).join('\n');

  // Webhook: masked when stored; the masked value sent back means "keep it".
  let webhookMode = data.teamsWebhookUrl ? 'keep' : 'edit';
  const webhookInput = h('input', { type: 'url', value: '', spellcheck: 'false', autocomplete: 'off', placeholder: 'https://…' });
  const webhookBox = h('div', { class: 'webhook' });
  function renderWebhook() {
    if (webhookMode === 'keep') {
      fill(webhookBox,
        h('p', { class: 'masked', id: 'f-webhook-masked' }, h('span', { class: 'visually-hidden' }, t('webhookSavedAs') + ' '), h('code', {}, data.teamsWebhookUrl)),
        h('div', { class: 'row' },
          h('button', { type: 'button', class: 'button-secondary', onclick: () => { webhookMode = 'edit'; renderWebhook(); webhookInput.focus(); } }, t('replace')),
          h('button', { type: 'button', class: 'button-secondary', onclick: () => { webhookMode = 'remove'; renderWebhook(); } }, t('remove'))));
    } else if (webhookMode === 'remove') {
      fill(webhookBox, h('p', {}, t('webhookWillBeRemoved')),
        h('button', { type: 'button', class: 'button-secondary', onclick: () => { webhookMode = 'keep'; renderWebhook(); } }, t('undo')));
    } else {
      fill(webhookBox, webhookInput);
    }
  }
  renderWebhook();
  webhookInput.id = 'f-teamsWebhookUrl';

  const targets = h('div', { class: 'targets' }, CHANNELS.map((channel) => {
    const input = h('input', { type: 'number', min: 0, max: 1000, step: 'any', inputmode: 'decimal', value: data.postingTargets?.[channel] ?? '', 'data-channel': channel });
    return field(`f-postingTargets-${channel}`, channelName(channel), input);
  }));

  // Series rules with their live preview.
  const rules = (data.seriesRules || []).map((r) => ({ ...r }));
  const rulesList = h('ol', { class: 'rules' });
  const previewNote = h('p', { class: 'hint', 'aria-live': 'polite' });
  const previewResults = new Map();

  function ruleKind(rule) {
    return rule.pattern !== undefined && rule.pattern !== null ? 'pattern' : rule.prefix !== undefined && rule.prefix !== null ? 'prefix' : 'hashtag';
  }

  function ruleBody(rule) {
    const kind = rule.kind || ruleKind(rule);
    const value = rule[kind] ?? '';
    const result = { name: rule.name || '', [kind]: value };
    if (rule.channels?.length) result.channels = rule.channels;
    return result;
  }

  function renderRules() {
    fill(rulesList, rules.map((rule, index) => {
      rule.kind ||= ruleKind(rule);
      const base = `f-rule-${index}`;
      const name = h('input', { type: 'text', value: rule.name || '', maxlength: 200 });
      name.addEventListener('input', () => { rule.name = name.value; schedulePreview(); });
      const kind = h('select', {}, ['hashtag', 'prefix', 'pattern'].map((k) => h('option', { value: k }, t('rule_' + k))));
      kind.value = rule.kind;
      const value = h('input', { type: 'text', value: rule[rule.kind] ?? '', spellcheck: 'false' });
      kind.addEventListener('change', () => { const v = rule[rule.kind]; delete rule[rule.kind]; rule.kind = kind.value; rule[rule.kind] = v; schedulePreview(); });
      value.addEventListener('input', () => { rule[rule.kind] = value.value; schedulePreview(); });
      const channelBoxes = CHANNELS.map((c) => {
        const id = `${base}-ch-${c}`;
        const box = h('input', { type: 'checkbox', id, checked: rule.channels?.includes(c) || false });
        box.addEventListener('change', () => { rule.channels = CHANNELS.filter((x) => document.getElementById(`${base}-ch-${x}`).checked); schedulePreview(); });
        return h('span', { class: 'check' }, box, h('label', { for: id }, channelName(c)));
      });
      const preview = h('div', { class: 'rule-preview', id: `${base}-preview` });
      renderPreview(preview, previewResults.get(index));
      return h('li', { class: 'rule' },
        h('fieldset', {},
          h('legend', {}, t('ruleN', { n: index + 1 })),
          h('div', { class: 'rule-grid' },
            field(`${base}-name`, t('ruleName'), name),
            field(`${base}-kind`, t('ruleMatchBy'), kind),
            field(`${base}-value`, t('ruleValue'), value, t('ruleValueHint'))),
          h('fieldset', { class: 'channels', id: `${base}-channels` }, h('legend', {}, t('ruleChannels')), h('p', { class: 'field-error', id: `${base}-channels-error` }), channelBoxes),
          preview,
          h('button', { type: 'button', class: 'button-link', onclick: () => { rules.splice(index, 1); previewResults.clear(); renderRules(); schedulePreview(); document.getElementById('add-rule').focus(); } }, t('removeRule', { n: index + 1 }))));
    }));
  }

  function renderPreview(element, result) {
    if (!result) return fill(element);
    if (result.problems?.length) return fill(element, h('p', { class: 'preview-problem' }, t('previewNotValid'), ' ', result.problems.join(' ')));
    const channels = Object.entries(result.channels || {}).map(([c, n]) => `${channelName(c)} ${formatNumber(n)}`).join(', ');
    return fill(element,
      h('p', { class: 'preview-count' }, result.posts === 0 ? t('previewNone') : t('previewTakes', { n: formatNumber(result.posts) }), channels ? ` (${channels})` : ''),
      result.examples?.length ? h('ul', { class: 'examples' }, result.examples.map((e) => h('li', {}, h('span', { class: 'muted' }, `${formatDate(e.publishedAt.slice(0, 10))} · ${channelName(e.channel)} · `), (e.text || e.postId).slice(0, 140)))) : null);
  }

  const runPreview = debounce(async () => {
    if (creating || rules.length === 0) { previewNote.textContent = creating ? t('previewAfterCreate') : ''; return; }
    try {
      const answer = await api(`brands/${encodeURIComponent(data.brand)}/series/preview`, { method: 'POST', json: { seriesRules: rules.map(ruleBody) }, signal: controller.signal });
      previewResults.clear();
      for (const r of answer.rules) previewResults.set(r.index, r);
      rules.forEach((_, i) => { const el = document.getElementById(`f-rule-${i}-preview`); if (el) renderPreview(el, previewResults.get(i)); });
      previewNote.textContent = t('previewScanned', { n: formatNumber(answer.postsScanned) });
    } catch (error) {
      if (error.name !== 'AbortError') previewNote.textContent = t('previewFailed', { message: error.message });
    }
  }, 350);
  const schedulePreview = () => runPreview();

  renderRules();
  schedulePreview();
  const addRule = h('button', { type: 'button', id: 'add-rule', class: 'button-secondary', onclick: () => { rules.push({ name: '', kind: 'hashtag', hashtag: '' }); renderRules(); document.getElementById(`f-rule-${rules.length - 1}-name`).focus(); } }, t('addRule'));

  const saveButton = h('button', { type: 'submit' }, creating ? t('createBrand') : t('saveSettings'));
  const saved = h('p', { class: 'saved', 'aria-live': 'polite' });

  function clearErrors(form) {
    for (const el of form.querySelectorAll('.field-error')) el.textContent = '';
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    summary.hidden = true;
  }

  function fieldFor(key) {
    let m;
    if ((m = key.match(/^seriesRules\[(\d+)\]\.(hashtag|prefix|pattern)$/))) return `f-rule-${m[1]}-value`;
    if ((m = key.match(/^seriesRules\[(\d+)\]\.name$/))) return `f-rule-${m[1]}-name`;
    if ((m = key.match(/^seriesRules\[(\d+)\]\.channels/))) return `f-rule-${m[1]}-channels`;
    if ((m = key.match(/^seriesRules\[(\d+)\]$/))) return `f-rule-${m[1]}-value`;
    if ((m = key.match(/^postingTargets\.(.+)$/))) return `f-postingTargets-${m[1]}`;
    if ((m = key.match(/^(recipients|teamRecipients)\[\d+\]$/))) return `f-${m[1]}`;
    if (key === 'brand') return 'f-brand';
    return `f-${key}`;
  }

  function showErrors(form, errors) {
    const items = [];
    for (const [key, messages] of Object.entries(errors)) {
      const id = fieldFor(key);
      const slot = document.getElementById(`${id}-error`);
      const message = messages.join(' ');
      if (slot) slot.textContent = (slot.textContent ? slot.textContent + ' ' : '') + message;
      document.getElementById(id)?.setAttribute('aria-invalid', 'true');
      items.push(h('li', {}, h('a', { href: `#${id}`, onclick: (e) => { e.preventDefault(); document.getElementById(id)?.focus(); } }, `${labelOf(id) || key}: ${message}`)));
    }
    fill(summary, h('h2', {}, t('fixErrors', { n: items.length })), h('ul', {}, items));
    summary.hidden = false;
    summary.focus();
  }

  function labelOf(id) {
    const label = document.querySelector(`label[for="${id}"]`) || document.getElementById(id)?.querySelector('legend');
    const rule = id.match(/^f-rule-(\d+)-/);
    return label ? (rule ? `${t('ruleN', { n: Number(rule[1]) + 1 })} · ` : '') + label.textContent : null;
  }

  async function save(event) {
    event.preventDefault();
    const form = event.currentTarget;
    clearErrors(form);
    const name = brandId.value.trim();
    if (!/^[a-z0-9-]{1,40}$/.test(name)) {
      showErrors(form, { brand: [t('brandIdRule')] });
      return;
    }
    const postingTargets = {};
    for (const input of targets.querySelectorAll('input[data-channel]')) {
      if (input.value !== '') postingTargets[input.dataset.channel] = Number(input.value);
    }
    const body = {
      brand: name,
      displayName: displayName.value.trim() || null,
      timeZone: timeZone.value.trim() || 'UTC',
      locale: locale.value,
      funnelFocus: focus.value,
      reportDayOfMonth: Number(reportDay.value),
      reportTime: reportTime.value,
      paperSize: paper.value,
      recipients: lines(recipients.value),
      sender: sender.value.trim() || null,
      teamRecipients: lines(teamRecipients.value),
      postingTargets,
      seriesRules: rules.map(ruleBody),
      teamsWebhookUrl: webhookMode === 'keep' ? data.teamsWebhookUrl : webhookMode === 'remove' ? null : webhookInput.value.trim() || null,
    };
    saveButton.disabled = true;
    saved.textContent = t('saving');
    try {
      if (creating) {
        const { brands } = await api('brands');
        if (brands.some((b) => b.brand === name)) {
          showErrors(form, { brand: [t('brandExists', { name })] });
          saved.textContent = '';
          return;
        }
      }
      const answer = await api(`brands/${encodeURIComponent(name)}`, { method: 'PUT', json: body });
      brandSaved(answer);
      const moved = answer.postsReassigned ? ' ' + t('postsReassigned', { n: formatNumber(answer.postsReassigned) }) : '';
      if (creating) {
        announce(t('brandCreated', { name: answer.displayName || answer.brand }));
        go(answer.brand, 'upload');
      } else {
        saved.textContent = t('settingsSaved') + moved;
        announce(t('settingsSaved') + moved);
        Object.assign(data, answer);
        webhookMode = answer.teamsWebhookUrl ? 'keep' : 'edit';
        webhookInput.value = '';
        renderWebhook();
      }
    } catch (error) {
      saved.textContent = '';
      if (error instanceof ApiError && error.problem?.errors) showErrors(form, error.problem.errors);
      else fill(summary, h('h2', {}, t('saveFailed')), h('p', {}, error.message)), summary.hidden = false, summary.focus();
    } finally {
      saveButton.disabled = false;
    }
  }

  fill(container,
    h('h1', { tabindex: '-1' }, creating ? t('newBrandTitle') : t('settingsTitle', { name: data.displayName || data.brand })),
    creating ? h('p', { class: 'lead' }, t('newBrandLead')) : null,
    h('form', { class: 'settings', novalidate: true, onsubmit: save },
      summary,
      h('section', { 'aria-labelledby': 's-identity' },
        h('h2', { id: 's-identity' }, t('identity')),
        h('div', { class: 'grid-2' },
          field('f-displayName', t('displayName'), displayName, t('displayNameHint')),
          field('f-brand', t('brandId'), brandId, creating ? t('brandIdHint') : t('brandIdFixed'))),
        h('div', { class: 'grid-3' },
          field('f-timeZone', t('timeZone'), timeZone, t('timeZoneHint')),
          field('f-locale', t('language'), locale, t('languageHint')),
          field('f-funnelFocus', t('funnelFocus'), focus, t('funnelFocusHint'))),
        zoneList),
      h('section', { 'aria-labelledby': 's-report' },
        h('h2', { id: 's-report' }, t('reportAndMail')),
        h('div', { class: 'grid-3' },
          field('f-reportDayOfMonth', t('reportDay'), reportDay, t('reportDayHint')),
          field('f-reportTime', t('reportTime'), reportTime, t('reportTimeHint')),
          field('f-paperSize', t('paperSize'), paper)),
        h('div', { class: 'grid-2' },
          field('f-recipients', t('recipients'), recipients, t('addressesHint')),
          field('f-sender', t('sender'), sender, t('senderHint')))),
      h('section', { 'aria-labelledby': 's-team' },
        h('h2', { id: 's-team' }, t('alerts')),
        h('div', { class: 'grid-2' },
          field('f-teamRecipients', t('teamRecipients'), teamRecipients, t('teamRecipientsHint')),
          h('div', { class: 'field', 'data-field': 'f-teamsWebhookUrl' },
            h('label', { for: 'f-teamsWebhookUrl', id: 'f-teamsWebhookUrl-label' }, t('webhook')),
            h('p', { class: 'hint', id: 'f-teamsWebhookUrl-hint' }, t('webhookHint')),
            h('p', { class: 'field-error', id: 'f-teamsWebhookUrl-error' }),
            webhookBox))),
      h('section', { 'aria-labelledby': 's-targets' },
        h('h2', { id: 's-targets' }, t('postingTargets')),
        h('p', { class: 'hint' }, t('postingTargetsHint')),
        targets),
      h('section', { 'aria-labelledby': 's-rules' },
        h('h2', { id: 's-rules' }, t('seriesRules')),
        h('p', { class: 'hint' }, t('seriesRulesHint')),
        previewNote,
        rulesList,
        addRule),
      h('div', { class: 'actions' }, saveButton, saved)));
  webhookInput.setAttribute('aria-describedby', 'f-teamsWebhookUrl-hint f-teamsWebhookUrl-error');
  return () => controller.abort();
}
