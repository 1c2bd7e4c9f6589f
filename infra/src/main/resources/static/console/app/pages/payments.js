import { h, clear } from '../../assets/dom.js';
import { t } from '../../assets/i18n.js';
import { won, time, startOfSeoulDay, nextDay } from '../../assets/format.js';
import { get, query, ApiError } from '../api.js';
import { table, statusBadge, badge, loadInto, pager, field } from '../ui.js';

const STATUSES = ['READY', 'IN_PROGRESS', 'WAITING_FOR_DEPOSIT', 'DONE', 'PARTIAL_CANCELED', 'CANCELED', 'ABORTED',
  'EXPIRED', 'UNKNOWN'];
const FIELDS = ['orderId', 'paymentKey', 'memberId', 'status', 'from', 'to', 'needsAttention'];

export default async function payments(main, { query: q, go }) {
  const values = Object.fromEntries(FIELDS.map(name => [name, q.get(name) || '']));
  const page = Number(q.get('page') || 0);
  const input = (name, attrs = {}) => h('input', { name, value: values[name], test: `search-${name}`, ...attrs });
  const form = h('form', { class: 'search', test: 'search' },
    field(t('payments.orderId'), input('orderId', { autocomplete: 'off' })),
    field(t('payments.paymentKey'), input('paymentKey', { autocomplete: 'off' })),
    field(t('payments.memberId'), input('memberId', { autocomplete: 'off' })),
    field(t('payments.status'), h('select', { name: 'status', test: 'search-status' },
      h('option', { value: '' }, t('common.any')),
      STATUSES.map(s => h('option', { value: s, selected: values.status === s }, t(`status.${s}`))))),
    field(t('payments.from'), input('from', { type: 'date' })),
    field(t('payments.to'), input('to', { type: 'date' })),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'needsAttention', value: 'true',
      checked: values.needsAttention === 'true', test: 'search-needsAttention' }), t('payments.needsAttention')),
    h('div', { class: 'row' },
      h('button', { type: 'submit', class: 'primary', test: 'search-submit' }, t('common.search')),
      h('button', { type: 'button', onclick: () => go('/payments') }, t('common.reset'))));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const data = new FormData(form);
    go('/payments', Object.fromEntries(FIELDS.map(name => [name, (data.get(name) || '').toString().trim()])));
  });
  const results = h('div', { test: 'results' });
  clear(main, h('h1', {}, t('payments.title')), h('section', { class: 'card' }, form), h('section', { class: 'card' }, results));

  loadInto(results, async () => {
    if (values.orderId) {
      // an order id names one payment: its own page, or "not found"
      try {
        const one = await get(`/payments/${encodeURIComponent(values.orderId)}`);
        return list({ content: [one], page: 0, size: 1, totalElements: 1 });
      } catch (error) {
        if (error instanceof ApiError && error.code === 'PAYMENT_NOT_FOUND') return list({ content: [], page: 0, size: 1, totalElements: 0 });
        throw error;
      }
    }
    const found = await get(`/payments${query({
      paymentKey: values.paymentKey, memberId: values.memberId, status: values.status,
      from: values.from && startOfSeoulDay(values.from), to: values.to && startOfSeoulDay(nextDay(values.to)),
      needsAttention: values.needsAttention === 'true', page, size: 20,
    })}`);
    return list(found);
  });

  function list(found) {
    return [table([
      { title: t('payments.orderId'), cell: p => h('a', { href: `#/payments/${encodeURIComponent(p.orderId)}`, test: 'order-link' }, p.orderId) },
      { title: t('payments.orderName'), cell: p => p.orderName },
      { title: t('payments.memberId'), cell: p => p.memberId },
      { title: t('payments.status'), cell: p => [statusBadge(p.status), p.needsAttention ? badge(t('payment.flagged'), 'bad') : null] },
      { title: t('payments.amount'), numeric: true, cell: p => won(p.totalAmount) },
      { title: t('payments.balance'), numeric: true, cell: p => won(p.balanceAmount) },
      { title: t('payments.requestedAt'), cell: p => time(p.requestedAt) },
    ], found.content, { test: 'payments', rowTest: p => `payment-${p.orderId}` }),
    found.totalElements > found.size ? pager(found, next => go('/payments', { ...values, page: next })) : null];
  }
}
