import { h, clear } from '../../assets/dom.js';
import { t } from '../../assets/i18n.js';
import { won, time } from '../../assets/format.js';
import { get, post, ApiError } from '../api.js';
import { section, table, statusBadge, badge, message, failure, loadInto, confirmStep, field, facts } from '../ui.js';

export default async function payment(main, { params: [orderId] }) {
  const path = `/payments/${encodeURIComponent(orderId)}`;
  const head = h('div');
  const amounts = h('div');
  const cancels = h('div');
  const chain = h('div', { test: 'chain' });
  const toss = h('div', { test: 'toss' });
  const actions = h('div', { test: 'actions' });
  const timeline = h('div', { test: 'timeline' });
  clear(main, h('a', { href: '#/payments', class: 'back' }, t('payment.back')), head,
    h('div', { class: 'grid' }, section(t('payment.amounts'), amounts), section(t('payment.actions'), actions)),
    h('div', { class: 'grid' }, section(t('payment.chain'), chain), section(t('payment.toss'), toss)),
    section(t('payment.cancels'), cancels), section(t('payment.timeline'), timeline));

  let view;
  try {
    view = await get(path);
  } catch (error) {
    clear(head, error instanceof ApiError && error.code === 'PAYMENT_NOT_FOUND'
      ? message('error', t('payment.notFound', { orderId }), 'not-found') : failure(error));
    return;
  }

  const refresh = async () => {
    view = await get(path);
    showView();
    await Promise.all([showTimeline(), showChain()]);
  };

  function showView() {
    clear(head, h('div', { class: 'title-row' }, h('h1', { test: 'order-id' }, view.orderId), statusBadge(view.status),
      view.needsAttention ? badge(t('payment.flagged'), 'bad') : null,
      view.cancelInProgress ? badge(t('payment.cancelInProgress'), 'info') : null));
    clear(amounts, facts([
      [t('payment.orderName'), view.orderName],
      [t('payment.total'), won(view.totalAmount), 'total'],
      [t('payment.balance'), won(view.balanceAmount), 'balance'],
      [t('payment.method'), view.method],
      view.card && [t('payment.card'), [view.card.maskedNumber, view.card.cardType, view.card.issuerCode && `(${view.card.issuerCode})`]
        .filter(Boolean).join(' ')],
      [t('payment.member'), view.memberId],
      [t('payment.paymentKey'), view.paymentKey],
      [t('payment.requestedAt'), time(view.requestedAt)],
      [t('payment.approvedAt'), time(view.approvedAt)],
      view.failure && [t('payment.failure'), `${view.failure.code}: ${view.failure.message}`],
    ]));
    clear(cancels, table([
      { title: t('payment.canceledAt'), cell: c => time(c.canceledAt) },
      { title: t('payment.cancelAmount'), numeric: true, cell: c => won(c.cancelAmount) },
      { title: t('payment.cancelReason'), cell: c => c.cancelReason },
      { title: t('payment.transactionKey'), cell: c => h('code', {}, c.transactionKey || '–') },
    ], view.cancels, { test: 'cancels', empty: t('common.none') }));
    clear(actions, refundForm(), lookupButton(), view.needsAttention ? resolveForm() : null);
  }

  const showTimeline = () => loadInto(timeline, async () => {
    const events = await get(`${path}/events`);
    return h('ol', { class: 'timeline', test: 'events' }, events.map(event => {
      const meta = event.metadata || {};
      return h('li', { test: 'event' },
        h('div', { class: 'event-head' },
          h('span', { class: 'seq' }, `#${event.sequence}`), h('strong', {}, event.type),
          h('span', { class: 'muted' }, time(event.occurredAt))),
        h('div', { class: 'event-meta' },
          h('span', {}, `${t('payment.who')}: `, h('b', { test: 'who' }, meta.memberId || '–')),
          meta.traceId && h('span', {}, `${t('payment.trace')}: `, h('code', {}, meta.traceId)),
          meta.requestPath && h('span', {}, `${t('payment.request')}: ${meta.requestMethod || ''} ${meta.requestPath}`)),
        h('details', {}, h('summary', {}, t('payment.payload')), h('pre', {}, JSON.stringify(event.payload, null, 2))));
    }));
  });

  const showChain = () => loadInto(chain, async () => {
    try {
      const verdict = await get(`/admin${path}/verify`);
      return message('ok', t('payment.chainValid', { events: verdict.events }), 'chain-valid');
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        return message('error', t('payment.chainBroken', {
          sequence: error.problem.firstBrokenSequence, detail: error.problem.detail }), 'chain-broken');
      }
      throw error;
    }
  });

  function refundForm() {
    const result = h('div');
    const amount = h('input', { type: 'number', min: 1, max: view.balanceAmount, step: 1, name: 'cancelAmount', test: 'refund-amount' });
    const reason = h('input', { name: 'cancelReason', maxlength: 200, required: true, test: 'refund-reason' });
    const partial = h('input', { type: 'radio', name: 'refundKind', value: 'partial', checked: true, test: 'refund-partial' });
    const full = h('input', { type: 'radio', name: 'refundKind', value: 'full', test: 'refund-full' });
    const sync = () => { amount.disabled = full.checked; };
    partial.addEventListener('change', sync);
    full.addEventListener('change', sync);
    const form = h('form', { class: 'stack', test: 'refund' },
      h('h3', {}, t('payment.refund')),
      h('div', { class: 'row' }, h('label', { class: 'check' }, partial, t('payment.refundPartial')),
        h('label', { class: 'check' }, full, t('payment.refundFull'))),
      field(t('payment.refundAmount'), amount), field(t('payment.refundReason'), reason),
      h('button', { type: 'submit', class: 'danger', test: 'refund-submit',
        disabled: view.balanceAmount <= 0 || !['DONE', 'PARTIAL_CANCELED'].includes(view.status) }, t('payment.refund')),
      result);
    form.addEventListener('submit', event => {
      event.preventDefault();
      if (!reason.value.trim()) { clear(result, message('error', t('payment.required'))); return; }
      const cancelAmount = full.checked || !amount.value ? undefined : Number(amount.value);
      const shown = won(cancelAmount ?? view.balanceAmount);
      clear(result, confirmStep(t('payment.refundConfirm', { amount: shown }), async box => {
        try {
          const answer = await post(`${path}/cancel`, { cancelReason: reason.value.trim(), cancelAmount });
          await refresh();
          actions.append(answer.status === 200
            ? message('ok', t('payment.refunded'), 'refunded')
            : message('info', t('payment.refundPending', { status: t(`status.${answer.body.status}`) }), 'refund-pending'));
        } catch (error) {
          clear(box, failure(error));
        }
      }, 'refund-confirm'));
    });
    return form;
  }

  function lookupButton() {
    const result = h('div');
    return h('div', { class: 'stack' },
      h('button', { type: 'button', test: 'lookup', onclick: async () => {
        clear(result, message('info', t('common.loading')));
        try {
          const answer = await post(`/admin${path}/lookup`);
          const record = tossRecord(answer.body);
          clear(result, message('ok', t('payment.lookupRequested'), 'lookup-requested'));
          await refresh();
          if (record) clear(toss, comparison(view, record));
        } catch (error) {
          clear(result, failure(error));
        }
      } }, t('payment.lookup')), result);
  }

  function resolveForm() {
    const result = h('div');
    const note = h('textarea', { name: 'note', rows: 2, maxlength: 500, required: true, test: 'resolve-note' });
    const form = h('form', { class: 'stack', test: 'resolve' }, h('h3', {}, t('payment.resolve')),
      field(t('payment.resolveNote'), note),
      h('button', { type: 'submit', class: 'primary', test: 'resolve-submit' }, t('payment.resolve')), result);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      if (!note.value.trim()) { clear(result, message('error', t('payment.required'))); return; }
      try {
        await post(`/admin${path}/resolve`, { note: note.value.trim() });
        await refresh();
        actions.append(message('ok', t('payment.resolved'), 'resolved'));
      } catch (error) {
        clear(result, failure(error));
      }
    });
    return form;
  }

  showView();
  clear(toss, h('p', { class: 'muted' }, t('payment.tossHint')));
  await Promise.all([showTimeline(), showChain()]);
}

// Toss's record in a look-up's answer, if it carries one (as {toss: {...}} or Toss's Payment itself).
function tossRecord(body) {
  if (!body || typeof body !== 'object') return null;
  if (body.toss && typeof body.toss === 'object') return body.toss;
  if (body.mId || body.lastTransactionKey) return body;
  return null;
}

// Ours beside Toss's, field by field; what differs is marked.
function comparison(ours, theirs) {
  const sum = cancels => (cancels || []).reduce((total, c) => total + (c.cancelAmount || 0), 0);
  const same = (a, b) => (a instanceof Date || b instanceof Date) ? String(a) === String(b) : String(a ?? '') === String(b ?? '');
  const instant = value => (value ? new Date(value).toISOString() : '');
  const rows = [
    ['status', ours.status, theirs.status, v => v],
    ['paymentKey', ours.paymentKey, theirs.paymentKey, v => v],
    ['totalAmount', ours.totalAmount, theirs.totalAmount, won],
    ['balanceAmount', ours.balanceAmount, theirs.balanceAmount, won],
    ['cancels', sum(ours.cancels), sum(theirs.cancels), won],
    ['method', ours.method, theirs.method, v => v],
    ['approvedAt', instant(ours.approvedAt), instant(theirs.approvedAt), time],
  ].map(([name, a, b, show]) => ({ name, a, b, show, __class: same(a, b) ? undefined : 'differs' }));
  return table([
    { title: t('payment.field'), cell: r => r.name },
    { title: t('payment.ours'), cell: r => r.show(r.a) ?? '–' },
    { title: t('payment.theirs'), cell: r => [r.show(r.b) ?? '–', r.__class ? badge(t('payment.differs'), 'bad') : null] },
  ], rows, { test: 'toss-comparison' });
}
