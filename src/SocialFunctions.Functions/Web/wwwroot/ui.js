// Small DOM helpers: elements built with h() (text is always set as text, never as HTML), the polite status region.

/** h('p', { class: 'x', onclick: fn }, 'text', child…): an element; null/false children are skipped. */
export function h(tag, attributes = {}, ...children) {
  const svg = tag.startsWith('svg:');
  const element = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4)) : document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.setAttribute('class', value);
    else if (name in element && !svg && typeof value !== 'string') element[name] = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** Says something to screen-reader users (and shows it in the status line). */
let clearTimer;
export function announce(message) {
  const region = document.getElementById('status');
  region.textContent = '';
  clearTimeout(clearTimer);
  // A fresh text node in a later task makes screen readers read the same message twice in a row too; the line
  // clears itself after a while so an old message never sits over the page.
  setTimeout(() => { region.textContent = message; }, 50);
  if (message) clearTimer = setTimeout(() => { region.textContent = ''; }, 12000);
}

let uniqueId = 0;
/** A unique id for label/aria links. */
export function uid(prefix = 'id') {
  uniqueId += 1;
  return `${prefix}-${uniqueId}`;
}

/** Waits for `ms` of quiet before calling `fn` with the latest arguments. */
export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/** A status badge: text first (never colour alone), a class for the colour. */
export function badge(text, kind) {
  return h('span', { class: `badge badge-${kind}` }, text);
}

/** A message box for an error the user should read: role=alert so it is announced when it appears. */
export function errorBox(title, detail) {
  return h('div', { class: 'notice notice-error', role: 'alert' }, h('p', { class: 'notice-title' }, title), detail ? h('p', {}, detail) : null);
}
