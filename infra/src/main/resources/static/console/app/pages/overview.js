import { h, clear, svg } from '../../assets/dom.js';
import { t } from '../../assets/i18n.js';
import { won, count, percent, seoulDate, startOfSeoulDay, nextDay } from '../../assets/format.js';
import { get, query } from '../api.js';
import { section, table, loadInto, failure } from '../ui.js';

const STATUSES = ['READY', 'IN_PROGRESS', 'WAITING_FOR_DEPOSIT', 'DONE', 'PARTIAL_CANCELED', 'CANCELED', 'ABORTED',
  'EXPIRED', 'UNKNOWN'];
const APPROVED = ['DONE', 'PARTIAL_CANCELED', 'CANCELED'];
const DECLINED = ['ABORTED', 'EXPIRED'];

// How many payments a filter finds: the list's total, read with a page of one.
const total = params => get(`/payments${query({ ...params, size: 1 })}`).then(page => page.totalElements);

export default async function overview(main) {
  const tiles = h('div', { class: 'tiles', test: 'tiles' });
  const byStatus = h('div');
  const perDay = h('div');
  const lag = h('div');
  const ledger = h('div');
  clear(main, h('h1', {}, t('overview.title')), tiles,
    h('div', { class: 'grid' }, section(t('overview.byStatus'), byStatus), section(t('overview.perDay'), perDay)),
    h('div', { class: 'grid' }, section(t('overview.lag'), lag), section(t('overview.ledger'), ledger)));

  loadInto(tiles, async () => {
    const counts = Object.fromEntries(await Promise.all(STATUSES.map(async s => [s, await total({ status: s })])));
    const attention = await total({ needsAttention: true });
    const all = await total({});
    const approved = APPROVED.reduce((sum, s) => sum + counts[s], 0);
    const decided = approved + DECLINED.reduce((sum, s) => sum + counts[s], 0);
    clear(byStatus, barChart(STATUSES.map(s => [t(`status.${s}`), counts[s]]), 'status-chart'));
    return [
      tile(t('overview.approvalRate'), percent(decided ? approved / decided : null), 'approval-rate'),
      tile(t('overview.total'), count(all), 'total'),
      tile(t('overview.needsAttention'), count(attention), 'needs-attention', attention > 0, '#/payments?needsAttention=true'),
      tile(t('overview.unresolved'), count(counts.UNKNOWN), 'unresolved', counts.UNKNOWN > 0, '#/payments?status=UNKNOWN'),
    ];
  });
  loadInto(perDay, async () => {
    const days = Array.from({ length: 7 }, (_, i) => seoulDate(i - 6));
    const values = await Promise.all(days.map(day =>
      total({ from: startOfSeoulDay(day), to: startOfSeoulDay(nextDay(day)) })));
    return barChart(days.map((day, i) => [day.slice(5), values[i]]), 'day-chart', true);
  });
  loadInto(lag, async () => {
    const processors = await get('/admin/projections');
    return table([
      { title: t('overview.processor'), cell: p => p.name },
      { title: t('proj.lag'), numeric: true, cell: p => lagBar(p.lag, processors.head) },
    ], processors.processors, { test: 'lag' });
  });
  loadInto(ledger, async () => {
    const balances = await get('/ledger/balances');
    return table([
      { title: t('overview.account'), cell: a => a.account },
      { title: t('overview.debit'), numeric: true, cell: a => won(a.debit) },
      { title: t('overview.credit'), numeric: true, cell: a => won(a.credit) },
      { title: t('overview.balance'), numeric: true, cell: a => won(a.balance) },
    ], balances.accounts, { test: 'ledger' });
  }).catch(error => clear(ledger, failure(error)));
}

function tile(label, value, test, alert = false, href) {
  const body = [h('span', { class: 'label' }, label), h('strong', { test }, value)];
  return href ? h('a', { class: `tile${alert ? ' alert' : ''}`, href }, body) : h('div', { class: 'tile' }, body);
}

// Horizontal bars (columns when vertical): a count per label, scaled to the largest.
function barChart(pairs, test, vertical = false) {
  const max = Math.max(1, ...pairs.map(([, value]) => value));
  if (vertical) {
    const width = 40 * pairs.length;
    return svg('svg', { viewBox: `0 0 ${width} 150`, class: 'chart', role: 'img', 'data-test': test },
      pairs.map(([label, value], i) => {
        const height = Math.round((value / max) * 100);
        return svg('g', {},
          svg('rect', { x: i * 40 + 8, y: 120 - height, width: 24, height, class: 'bar' }),
          svg('text', { x: i * 40 + 20, y: 114 - height, 'text-anchor': 'middle', class: 'value' }, count(value)),
          svg('text', { x: i * 40 + 20, y: 140, 'text-anchor': 'middle', class: 'axis' }, label));
      }));
  }
  return h('div', { class: 'bars', test }, pairs.map(([label, value]) => {
    const bar = h('span', { class: 'bar' });
    bar.style.width = `${(value / max) * 100}%`;
    return h('div', { class: 'bar-row' }, h('span', { class: 'bar-label' }, label),
      h('span', { class: 'bar-track' }, bar), h('span', { class: 'num' }, count(value)));
  }));
}

function lagBar(lag, head) {
  if (lag === null || lag === undefined) return '–';
  const bar = h('span', { class: `bar${lag > 100 ? ' hot' : ''}` });
  bar.style.width = `${head > 0 ? Math.min(100, (lag / Math.max(head, 1)) * 100) : 0}%`;
  return h('span', { class: 'lag' }, h('span', { class: 'bar-track' }, bar), count(lag));
}
