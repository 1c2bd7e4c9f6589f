// The console calls the service's public REST API with the operator's session: the same
// endpoints, rules and answers as every other client. The CSRF token lives only in memory.
const SAFE = new Set(['GET', 'HEAD']);
let csrf = null;

export class ApiError extends Error {
  constructor(status, problem, path) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.path = path;
    this.code = this.problem.code;
  }

  // 404 for a path the service does not serve (not a missing payment): the endpoint is not there yet.
  get notAvailable() {
    return (this.status === 404 && (this.code === 'NOT_FOUND' || !this.code)) || this.status === 405;
  }
}

export async function loadSession() {
  const response = await fetch('/console/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.status === 401 || response.redirected) {
    signIn();
    return null;
  }
  const session = await response.json();
  csrf = session.csrf;
  return session;
}

export function csrfField() {
  return csrf;
}

function signIn() {
  window.location.assign('/console/sign-in');
}

function idempotencyKey() {
  if (window.crypto?.randomUUID) return window.crypto.randomUUID();
  const bytes = window.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

export async function call(method, path, body, { accept = 'application/json' } = {}) {
  const headers = { Accept: accept };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (!SAFE.has(method)) {
    headers[csrf.headerName] = csrf.token;
    headers['Idempotency-Key'] = idempotencyKey();
  }
  const response = await fetch(`/api/v1${path}`, {
    method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    signIn();
    throw new ApiError(401, { detail: 'signed out' }, path);
  }
  const type = response.headers.get('Content-Type') || '';
  if (!response.ok) {
    const problem = type.includes('json') ? await response.json().catch(() => null) : null;
    throw new ApiError(response.status, problem, path);
  }
  if (accept !== 'application/json') return { status: response.status, blob: await response.blob() };
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

export const get = path => call('GET', path).then(answer => answer.body);
export const post = (path, body) => call('POST', path, body === undefined ? {} : body);

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '' && value !== false) search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
