import { h, clear } from '../../assets/dom.js';
import { t } from '../../assets/i18n.js';
import { won, time, count, seoulDate } from '../../assets/format.js';
import { get, post, call, query } from '../api.js';
import { section, table, badge, message, failure, loadInto, field, facts } from '../ui.js';

const ITEM_STATUSES = ['MATCHED', 'MISMATCHED', 'MISSING_HERE', 'MISSING_AT_TOSS'];
const KIND = { DONE: 'ok', RUNNING: 'info', FAILED: 'bad', MATCHED: 'ok', MISMATCHED: 'bad', MISSING_HERE: 'bad', MISSING_AT_TOSS: 'warn' };

export default async function reconciliation(main, { params: [runId], query: q, go }) {
  if (runId) return run(main, runId, q.get('status') || '', go);
  const list = h('div', { test: 'runs' });
  const result = h('div');
  const from = h('input', { type: 'date', name: 'from', value: seoulDate(-1), required: true, test: 'recon-from' });
  const to = h('input', { type: 'date', name: 'to', value: seoulDate(-1), required: true, test: 'recon-to' });
  const form = h('form', { class: 'search', test: 'recon-start' }, field(t('recon.from'), from), field(t('recon.to'), to),
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, t('recon.start'))), result);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      const started = await post('/admin/reconciliation/runs', { from: from.value, to: to.value });
      clear(result, message('ok', t('recon.started')));
      go(`/reconciliation/${encodeURIComponent(started.body.runId)}`);
    } catch (error) {
      clear(result, failure(error));
    }
  });
  clear(main, h('h1', {}, t('recon.title')), h('section', { class: 'card' }, form), section(t('recon.runs'), list));
  await loadInto(list, async () => {
    const runs = await get('/admin/reconciliation/runs');
    return table([
      { title: 'runId', cell: r => h('a', { href: `#/reconciliation/${encodeURIComponent(r.runId)}` }, r.runId) },
      { title: t('recon.from'), cell: r => r.from }, { title: t('recon.to'), cell: r => r.to },
      { title: t('recon.status'), cell: r => badge(r.status, KIND[r.status]) },
      { title: t('recon.startedAt'), cell: r => time(r.startedAt) },
      { title: t('recon.mismatched'), numeric: true, cell: r => count(r.counts?.mismatched) },
    ], runs.content || [], { test: 'runs-table' });
  });
}

async function run(main, runId, status, go) {
  const path = `/admin/reconciliation/runs/${encodeURIComponent(runId)}`;
  const summary = h('div');
  const items = h('div', { test: 'items' });
  const filter = h('select', { name: 'status', test: 'item-status', onchange: event => go(`/reconciliation/${runId}`, { status: event.target.value }) },
    h('option', { value: '' }, t('common.any')), ITEM_STATUSES.map(s => h('option', { value: s, selected: s === status }, s)));
  const download = h('button', { type: 'button', test: 'csv', onclick: async () => {
    try {
      const answer = await call('GET', `${path}/items${query({ status })}`, undefined, { accept: 'text/csv' });
      const link = h('a', { href: URL.createObjectURL(answer.blob), download: `reconciliation-${runId}.csv` });
      document.body.append(link);
      link.click();
      link.remove();
    } catch (error) {
      items.prepend(failure(error));
    }
  } }, t('recon.csv'));
  clear(main, h('a', { href: '#/reconciliation', class: 'back' }, t('recon.back')), h('h1', {}, runId), summary,
    section(t('recon.items'), h('div', { class: 'row' }, field(t('recon.status'), filter), download), items));
  await loadInto(summary, async () => {
    const r = await get(path);
    return h('div', { class: 'grid' },
      section(t('recon.status'), facts([
        [t('recon.status'), badge(r.status, KIND[r.status])], [t('recon.from'), r.from], [t('recon.to'), r.to],
        [t('recon.startedAt'), time(r.startedAt)], [t('recon.finishedAt'), time(r.finishedAt)],
        [t('recon.matched'), count(r.counts?.matched)], [t('recon.mismatched'), count(r.counts?.mismatched)],
        [t('recon.missingHere'), count(r.counts?.missingHere)], [t('recon.missingAtToss'), count(r.counts?.missingAtToss)],
      ])),
      section(t('recon.settlements'), facts([
        [t('common.open'), count(r.settlements?.count)], [t('recon.fees'), won(r.settlements?.fees)],
        [t('recon.payOut'), won(r.settlements?.payOut)],
      ])));
  });
  await loadInto(items, async () => {
    const found = await get(`${path}/items${query({ status })}`);
    return table([
      { title: 'transactionKey', cell: i => h('code', {}, i.transactionKey || '–') },
      { title: t('payments.orderId'), cell: i => (i.orderId ? h('a', { href: `#/payments/${encodeURIComponent(i.orderId)}` }, i.orderId) : '–') },
      { title: t('recon.kind'), cell: i => i.kind },
      { title: t('recon.tossAmount'), numeric: true, cell: i => won(i.tossAmount) },
      { title: t('recon.ourAmount'), numeric: true, cell: i => won(i.ourAmount) },
      { title: t('recon.tossStatus'), cell: i => i.tossStatus || '–' },
      { title: t('recon.ourStatus'), cell: i => i.ourStatus || '–' },
      { title: t('recon.status'), cell: i => badge(i.status, KIND[i.status]) },
      { title: t('recon.action'), cell: i => i.action || '' },
    ], found.content || [], { test: 'items-table' });
  });
}
