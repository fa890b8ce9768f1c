// The ONE place the page talks to the API. Every call goes to a relative /api/… URL on the page's own origin, so the
// browser sends whatever sign-in the origin uses (App Service authentication's session cookie in Azure; nothing
// locally, where the server binds 127.0.0.1). How browser calls are authorized is decided here and only here: no key
// is ever put in the page.

const BASE = '/api/';

/**
 * Headers every API call carries. X-Requested-With makes App Service authentication answer an expired session with 401
 * instead of a redirect to the sign-in page, which a fetch cannot follow (SECURITY.md, "What the page does").
 */
function headers(extra = {}) {
  return { Accept: 'application/json, application/problem+json', 'X-Requested-With': 'XMLHttpRequest', ...extra };
}

/**
 * A 401 means the session is gone (App Service authentication's own answer, or the app's): sign in again and come back
 * to where the user was. Not when the deployment has no access configured at all: signing in cannot help there.
 */
function signInAgain(status, body) {
  if (status !== 401 || /no access configured/i.test(body?.detail || '')) return false;
  window.location.assign('/.auth/login/aad?post_login_redirect_uri=' + encodeURIComponent(window.location.pathname + window.location.hash));
  return true;
}

/** The URL of an API path, e.g. for an iframe or a download link. */
export function apiUrl(path, query) {
  const search = query ? new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== '')).toString() : '';
  return BASE + path + (search ? '?' + search : '');
}

/** An answer that was not a success: the HTTP status and the problem document (title, detail, errors) when there is one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

async function readBody(response) {
  const type = response.headers.get('Content-Type') || '';
  if (response.status === 204 || response.status === 304) return null;
  if (type.includes('json')) {
    try { return await response.json(); } catch { return null; }
  }
  const text = await response.text();
  return text ? { detail: text } : null;
}

/**
 * Calls the API. `json` sends a JSON body, `text` a text/plain one. Resolves with the parsed body; rejects with an
 * ApiError (status and problem) unless the status is in `accept` (then resolves with { status, body }).
 */
export async function api(path, { method = 'GET', query, json, text, signal, accept } = {}) {
  const init = { method, headers: headers(), credentials: 'same-origin', signal };
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  } else if (text !== undefined) {
    init.headers['Content-Type'] = 'text/plain; charset=utf-8';
    init.body = text;
  }
  let response;
  try {
    response = await fetch(apiUrl(path, query), init);
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, { title: 'offline' });
  }
  const body = await readBody(response);
  signInAgain(response.status, body);
  if (accept?.includes(response.status)) return { status: response.status, body };
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

/**
 * Uploads one file as the raw request body with upload progress (fetch cannot report it, so this uses
 * XMLHttpRequest, through the same URL and headers). Resolves with { status, body } for any HTTP answer.
 */
export function upload(path, file, { query, onProgress, signal } = {}) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', apiUrl(path, query));
    request.withCredentials = true;
    for (const [name, value] of Object.entries(headers({ 'Content-Type': 'application/octet-stream' }))) request.setRequestHeader(name, value);
    request.responseType = 'text';
    request.upload.onprogress = (e) => { if (e.lengthComputable) onProgress?.(e.loaded, e.total); };
    request.onload = () => {
      let body = null;
      try { body = request.responseText ? JSON.parse(request.responseText) : null; } catch { body = { detail: request.responseText }; }
      signInAgain(request.status, body);
      resolve({ status: request.status, body });
    };
    request.onerror = () => reject(new ApiError(0, { title: 'offline' }));
    request.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    signal?.addEventListener('abort', () => request.abort());
    request.send(file);
  });
}
