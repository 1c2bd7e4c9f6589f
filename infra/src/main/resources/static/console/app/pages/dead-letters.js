import { h, clear } from '../../assets/dom.js';
import { t } from '../../assets/i18n.js';
import { time, count } from '../../assets/format.js';
import { get, post } from '../api.js';
import { table, message, failure, loadInto } from '../ui.js';

export default async function deadLetters(main) {
  const list = h('div', { test: 'dead-letters' });
  const notice = h('div');
  clear(main, h('div', { class: 'title-row' }, h('h1', {}, t('dead.title')),
    h('button', { type: 'button', onclick: () => show() }, t('common.refresh'))), notice, h('section', { class: 'card' }, list));
  const show = () => loadInto(list, async () => {
    const letters = await get('/admin/dead-letters');
    return table([
      { title: t('dead.processor'), cell: d => d.processor },
      { title: t('dead.sequenceId'), cell: d => h('code', {}, d.sequenceId) },
      { title: t('dead.eventType'), cell: d => d.eventType },
      { title: t('dead.aggregateId'), cell: d => (d.aggregateId ? h('a', { href: `#/payments/${encodeURIComponent(d.aggregateId)}` }, d.aggregateId) : '–') },
      { title: t('dead.cause'), cell: d => h('span', { class: 'cause' }, d.cause || '') },
      { title: t('dead.firstFailedAt'), cell: d => time(d.firstFailedAt) },
      { title: t('dead.attempts'), numeric: true, cell: d => count(d.attempts) },
      { title: '', cell: d => h('button', { type: 'button', class: 'primary', test: 'retry', onclick: async () => {
        try {
          await post(`/admin/dead-letters/${encodeURIComponent(d.processor)}/${encodeURIComponent(d.sequenceId)}/retry`);
          clear(notice, message('ok', t('dead.retried'), 'retried'));
          await show();
        } catch (error) {
          clear(notice, failure(error));
        }
      } }, t('dead.retry')) },
    ], letters.content || [], { test: 'dead-letters-table', empty: t('dead.empty'), rowTest: d => `dead-letter-${d.sequenceId}` });
  });
  await show();
}
