// The page's shell: which brand and section are shown (from the URL hash, #/{brand}/{section}), the brand picker,
// the language (the brand's locale), and moving focus to each new view's heading.
import { api, ApiError } from './api.js';
import { h, fill, announce, errorBox } from './ui.js';
import { t, setLanguage, language, applyStaticText, initialLanguage } from './i18n.js';
import * as settingsView from './settings.js';
import * as uploadView from './upload.js';
import * as coverageView from './coverage.js';
import * as seriesView from './series.js';
import * as reportsView from './reports.js';

const views = { settings: settingsView, upload: uploadView, coverage: coverageView, series: seriesView, reports: reportsView };
const main = document.getElementById('main');
const picker = document.getElementById('brand-select');
const nav = document.getElementById('sections');

const state = { brands: [], brand: null, brandName: null, cleanup: null, rendered: '' };

/** Navigation for views: go('lumen-coffee', 'reports'), go(null, 'new') for the create form, go() for the start page. */
export function go(brand, section) {
  const hash = brand ? `#/${brand}/${section || 'upload'}` : section === 'new' ? '#/new' : '#/';
  if (location.hash === hash) route();
  else location.hash = hash;
}

/** Re-reads the brand list (after a brand was created or renamed). */
export async function refreshBrands() {
  try {
    state.brands = (await api('brands')).brands;
  } catch {
    state.brands = [];
  }
  renderPicker();
}

/** Views call this after saving settings, so language and names follow at once. */
export function brandSaved(document) {
  state.brand = document;
  state.brandName = document.brand;
  setLanguage(document.locale);
  applyStaticText();
  refreshBrands();
}

function renderPicker() {
  const options = [h('option', { value: '' }, t('chooseBrand'))];
  for (const b of state.brands) options.push(h('option', { value: b.brand }, b.displayName === b.brand ? b.brand : `${b.displayName} (${b.brand})`));
  fill(picker, options);
  picker.value = state.brandName && state.brands.some((b) => b.brand === state.brandName) ? state.brandName : '';
}

function parseHash() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'new') return { brand: null, section: 'new' };
  if (!parts[0]) return { brand: null, section: null };
  return { brand: parts[0], section: views[parts[1]] ? parts[1] : 'upload' };
}

async function loadBrand(name) {
  if (state.brandName === name && state.brand) return state.brand;
  state.brandName = name;
  try {
    state.brand = await api(`brands/${encodeURIComponent(name)}`);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    state.brand = null;
  }
  if (state.brand) setLanguage(state.brand.locale);
  return state.brand;
}

async function route() {
  const { brand, section } = parseHash();
  state.cleanup?.();
  state.cleanup = null;
  let view;
  let title;
  try {
    if (!brand) {
      state.brand = null;
      state.brandName = null;
      setLanguage(initialLanguage());
      if (section === 'new') {
        view = (container) => settingsView.render(container, { brand: null, go, brandSaved });
        title = t('newBrandTitle');
      } else {
        view = renderStart;
        title = t('startTitle');
      }
    } else {
      const document = await loadBrand(brand);
      if (!document) {
        view = (container) => settingsView.render(container, { brand: null, suggestedName: brand, go, brandSaved });
        title = t('newBrandTitle');
      } else {
        const active = views[section];
        view = (container) => active.render(container, { brand: document, go, brandSaved });
        title = `${t('nav_' + section)} · ${document.displayName || document.brand}`;
      }
    }
  } catch (error) {
    view = (container) => fill(container, errorBox(t('loadFailed'), error.message));
    title = t('loadFailed');
  }

  applyStaticText();
  renderPicker();
  nav.hidden = !(brand && state.brand);
  for (const link of nav.querySelectorAll('a[data-section]')) {
    link.href = brand ? `#/${encodeURIComponent(brand)}/${link.dataset.section}` : '#/';
    if (link.dataset.section === section && state.brand) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = `${title} — SocialFunctions`;
  const container = h('div', { class: 'view' });
  fill(main, container);
  state.cleanup = view(container) || null;
  // Focus the new view's heading so keyboard and screen-reader users start there, except on the first load.
  const key = location.hash;
  if (state.rendered) main.querySelector('h1')?.focus();
  state.rendered = key;
}

function renderStart(container) {
  const list = state.brands.length
    ? h('ul', { class: 'brand-list' }, state.brands.map((b) => h('li', {}, h('a', { href: `#/${encodeURIComponent(b.brand)}/upload` }, b.displayName), h('span', { class: 'muted' }, ` ${b.brand} · ${b.timeZone}`))))
    : h('p', {}, t('noBrandsYet'));
  fill(container,
    h('h1', { tabindex: '-1' }, t('startTitle')),
    h('p', { class: 'lead' }, t('startLead')),
    h('ol', { class: 'steps' }, [t('step1'), t('step2'), t('step3'), t('step4')].map((s) => h('li', {}, s))),
    h('h2', {}, t('yourBrands')),
    list,
    h('p', {}, h('a', { class: 'button', href: '#/new' }, t('createBrand'))));
}

picker.addEventListener('change', () => {
  if (picker.value) go(picker.value, parseHash().section && parseHash().brand ? parseHash().section : 'upload');
  else go();
});
document.getElementById('new-brand').addEventListener('click', () => go(null, 'new'));
// The URL hash holds the route, so the skip link moves focus itself instead of changing the hash.
document.querySelector('.skip-link').addEventListener('click', (event) => { event.preventDefault(); main.focus(); });
window.addEventListener('hashchange', route);

setLanguage(initialLanguage());
applyStaticText();
await refreshBrands();
await route();
announce('');
export { language };
