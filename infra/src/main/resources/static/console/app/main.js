import { h, clear } from '../assets/dom.js';
import { t, lang, toggleLang } from '../assets/i18n.js';
import { loadSession } from './api.js';
import { failure } from './ui.js';
import overview from './pages/overview.js';
import payments from './pages/payments.js';
import payment from './pages/payment.js';
import subscriptions from './pages/subscriptions.js';
import reconciliation from './pages/reconciliation.js';
import deadLetters from './pages/dead-letters.js';
import projections from './pages/projections.js';

// Hash routes: #/payments/ord_1?x=y → the page, its path parameters and its query.
const routes = [
  { pattern: /^\/$/, page: overview, nav: 'overview' },
  { pattern: /^\/payments$/, page: payments, nav: 'payments' },
  { pattern: /^\/payments\/([^/]+)$/, page: payment, nav: 'payments' },
  { pattern: /^\/subscriptions$/, page: subscriptions, nav: 'subscriptions' },
  { pattern: /^\/reconciliation$/, page: reconciliation, nav: 'reconciliation' },
  { pattern: /^\/reconciliation\/([^/]+)$/, page: reconciliation, nav: 'reconciliation' },
  { pattern: /^\/dead-letters$/, page: deadLetters, nav: 'deadLetters' },
  { pattern: /^\/projections$/, page: projections, nav: 'projections' },
];

const NAV = [
  ['overview', '#/'], ['payments', '#/payments'], ['subscriptions', '#/subscriptions'],
  ['reconciliation', '#/reconciliation'], ['deadLetters', '#/dead-letters'], ['projections', '#/projections'],
];

let session = null;

function current() {
  const hash = window.location.hash.replace(/^#/, '') || '/';
  const [path, search = ''] = hash.split('?');
  for (const route of routes) {
    const match = path.match(route.pattern);
    if (match) {
      return { route, params: match.slice(1).map(decodeURIComponent), query: new URLSearchParams(search) };
    }
  }
  return { route: routes[0], params: [], query: new URLSearchParams() };
}

// Changes the hash; the page renders on hashchange.
export function go(path, query = {}) {
  const search = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== '' && v !== null && v !== undefined && v !== false));
  const text = search.toString();
  const hash = `#${path}${text ? `?${text}` : ''}`;
  if (window.location.hash === hash) render();
  else window.location.hash = hash;
}

function shell(active) {
  document.documentElement.lang = lang();
  document.title = t('app.title');
  clear(document.getElementById('nav'), NAV.map(([key, href]) =>
    h('a', { href, class: key === active ? 'active' : undefined, test: `nav-${key}` }, t(`nav.${key}`))));
  document.getElementById('operator').textContent = t('session.operator', { name: session.operator });
  document.getElementById('lang').textContent = t('lang.other');
  document.getElementById('sign-out-button').textContent = t('session.signOut');
  const hidden = document.getElementById('sign-out-csrf');
  hidden.name = session.csrf.parameterName;
  hidden.value = session.csrf.token;
}

async function render() {
  const { route, params, query } = current();
  shell(route.nav);
  document.getElementById('nav').classList.remove('open');
  const main = document.getElementById('page');
  try {
    await route.page(main, { params, query, go, session });
  } catch (error) {
    clear(main, failure(error));
  }
}

async function start() {
  session = await loadSession();
  if (!session) return;
  document.getElementById('lang').addEventListener('click', () => { toggleLang(); render(); });
  document.getElementById('menu').addEventListener('click', event => {
    const open = document.getElementById('nav').classList.toggle('open');
    event.currentTarget.setAttribute('aria-expanded', String(open));
  });
  window.addEventListener('hashchange', render);
  await render();
}

start();
