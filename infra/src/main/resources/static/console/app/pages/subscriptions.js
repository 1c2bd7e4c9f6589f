import { h, clear } from '../../assets/dom.js';
import { t } from '../../assets/i18n.js';
import { won, time, count } from '../../assets/format.js';
import { get, post, ApiError } from '../api.js';
import { section, table, badge, message, failure, loadInto, confirmStep, field, facts } from '../ui.js';

const KIND = { ACTIVE: 'ok', PAST_DUE: 'warn', SUSPENDED: 'bad', CANCELED: 'muted' };

export default async function subscriptions(main, { query: q, go }) {
  const id = q.get('id') || '';
  const input = h('input', { name: 'id', value: id, required: true, autocomplete: 'off', test: 'subscription-id' });
  const form = h('form', { class: 'search', test: 'subscription-search' }, field(t('subs.id'), input),
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, t('subs.find'))));
  form.addEventListener('submit', event => { event.preventDefault(); go('/subscriptions', { id: input.value.trim() }); });
  const body = h('div', { test: 'subscription' });
  clear(main, h('h1', {}, t('subs.title')), h('section', { class: 'card' }, h('p', { class: 'muted' }, t('subs.hint')), form), body);
  if (!id) return;

  const path = `/subscriptions/${encodeURIComponent(id)}`;
  const show = () => loadInto(body, async () => {
    let view;
    try {
      view = await get(path);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'SUBSCRIPTION_NOT_FOUND') return message('error', t('subs.notFound', { id }));
      throw error;
    }
    const result = h('div');
    const reason = h('input', { name: 'reason', maxlength: 200, test: 'cancel-reason' });
    const act = (label, kind, test, run) => h('button', { type: 'button', class: kind, test, onclick: run }, label);
    const resume = act(t('subs.resume'), 'primary', 'resume', async () => {
      try {
        await post(`${path}/resume`);
        await show();
        body.prepend(message('ok', t('subs.resumed'), 'resumed'));
      } catch (error) {
        clear(result, failure(error));
      }
    });
    const cancel = act(t('subs.cancel'), 'danger', 'cancel-subscription', () => clear(result,
      confirmStep(t('subs.cancelConfirm'), async box => {
        try {
          await post(`${path}/cancel`, reason.value.trim() ? { reason: reason.value.trim() } : {});
          await show();
          body.prepend(message('ok', t('subs.canceled'), 'canceled'));
        } catch (error) {
          clear(box, failure(error));
        }
      })));
    return [
      h('div', { class: 'grid' },
        section(view.subscriptionId, h('div', { class: 'title-row' },
          badge(t(`subStatus.${view.status}`), KIND[view.status], 'subscription-status')),
        facts([
          [t('subs.member'), view.memberId], [t('subs.plan'), view.planId], [t('payments.orderName'), view.orderName],
          [t('subs.cycle'), view.cycle], [t('subs.amount'), won(view.amount)],
          [t('subs.nextChargeAt'), time(view.nextChargeAt)], [t('subs.failedAttempts'), count(view.failedAttempts)],
          [t('subs.billingKey'), view.billingKeyId],
        ])),
        section(t('payment.actions'),
          h('div', { class: 'stack' },
            ['PAST_DUE', 'SUSPENDED'].includes(view.status) ? resume : null,
            view.status !== 'CANCELED' ? [field(t('subs.cancelReason'), reason), cancel] : null,
            result))),
      section(t('subs.charges'), table([
        { title: t('subs.cycleNo'), numeric: true, cell: c => c.cycleNo },
        { title: t('payments.orderId'), cell: c => h('a', { href: `#/payments/${encodeURIComponent(c.orderId)}` }, c.orderId) },
        { title: t('payments.status'), cell: c => c.status },
        { title: t('subs.amount'), numeric: true, cell: c => won(c.amount) },
        { title: t('subs.chargedAt'), cell: c => time(c.chargedAt) },
        { title: t('payment.failure'), cell: c => (c.failure ? `${c.failure.code}: ${c.failure.message}` : '') },
      ], view.charges, { test: 'charges', empty: t('common.none') })),
    ];
  });
  await show();
}
