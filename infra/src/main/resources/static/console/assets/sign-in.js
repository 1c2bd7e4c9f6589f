import { h, clear } from './dom.js';
import { t, lang, toggleLang } from './i18n.js';

async function render() {
  document.documentElement.lang = lang();
  document.title = t('app.title');
  const root = document.getElementById('sign-in');
  const options = await fetch('/console/sign-in/options', { credentials: 'same-origin' }).then(r => r.json());
  const params = new URLSearchParams(window.location.search);
  const notice = params.has('error') ? ['error', t('signIn.error')]
    : params.has('denied') ? ['error', t('signIn.denied')]
      : params.has('signed-out') ? ['info', t('signIn.signedOut')] : null;
  const ways = [];
  for (const provider of options.providers) {
    ways.push(h('a', { class: 'button primary', href: provider.url, test: 'oidc' }, t('signIn.with', { name: provider.name })));
  }
  if (options.devSignIn) {
    ways.push(h('form', { method: 'post', action: options.devSignInUrl, class: 'stack', test: 'dev-sign-in' },
      h('h2', {}, t('signIn.dev')),
      h('input', { type: 'hidden', name: options.csrf.parameterName, value: options.csrf.token }),
      h('label', { class: 'field' }, h('span', {}, t('signIn.operator')),
        h('input', { name: 'operator', value: 'operator', required: true, pattern: '[A-Za-z0-9._@-]{1,64}', autocomplete: 'username', test: 'operator-name' })),
      h('button', { type: 'submit', class: 'primary', test: 'submit' }, t('signIn.devSubmit'))));
  }
  clear(root,
    h('div', { class: 'row spread' }, h('h1', {}, t('signIn.title')),
      h('button', { type: 'button', onclick: () => { toggleLang(); render(); } }, t('lang.other'))),
    notice && h('p', { class: `message ${notice[0]}` }, notice[1]),
    ways.length ? ways : h('p', { class: 'muted' }, t('signIn.none')));
}

render();
