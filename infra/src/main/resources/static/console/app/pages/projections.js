import { h, clear } from '../../assets/dom.js';
import { t } from '../../assets/i18n.js';
import { count } from '../../assets/format.js';
import { get, post } from '../api.js';
import { table, badge, message, failure, loadInto, confirmStep } from '../ui.js';

export default async function projections(main) {
  const list = h('div', { test: 'projections' });
  const notice = h('div');
  const head = h('span', { class: 'muted' });
  clear(main, h('div', { class: 'title-row' }, h('h1', {}, t('proj.title')), head,
    h('button', { type: 'button', onclick: () => show() }, t('common.refresh'))), notice, h('section', { class: 'card' }, list));
  const show = () => loadInto(list, async () => {
    const processors = await get('/admin/projections');
    head.textContent = t('proj.head', { head: processors.head < 0 ? '–' : count(processors.head) });
    return table([
      { title: t('proj.name'), cell: p => h('code', {}, p.name) },
      { title: t('proj.running'), cell: p => badge(p.running ? t('common.yes') : t('common.no'), p.running ? 'ok' : 'bad') },
      { title: t('proj.replaying'), cell: p => (p.replaying ? badge(t('proj.replaying'), 'info') : '') },
      { title: t('proj.position'), numeric: true, cell: p => (p.position === null || p.position < 0 ? '–' : count(p.position)) },
      { title: t('proj.lag'), numeric: true, cell: p => h('span', { class: p.lag > 100 ? 'hot' : undefined }, count(p.lag)) },
      { title: '', cell: p => (p.replayable
        ? h('button', { type: 'button', test: `replay-${p.name}`, onclick: event => {
          event.currentTarget.after(confirmStep(t('proj.replayConfirm', { name: p.name }), async () => {
            try {
              await post(`/admin/projections/${encodeURIComponent(p.name)}/replay`);
              clear(notice, message('ok', t('proj.replayStarted', { name: p.name }), 'replay-started'));
              await show();
            } catch (error) {
              clear(notice, failure(error));
              await show();
            }
          }, 'replay-confirm'));
        } }, t('proj.replay'))
        : h('span', { class: 'muted' }, t('proj.notReplayable'))) },
    ], processors.processors, { test: 'projections-table', rowTest: p => `projection-${p.name}` });
  });
  await show();
}
