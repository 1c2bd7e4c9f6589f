// Pieces every page uses: sections, tables, badges, messages, the not-available state, paging.
import { h, clear } from '../assets/dom.js';
import { t } from '../assets/i18n.js';
import { count } from '../assets/format.js';

export function section(title, ...children) {
  return h('section', { class: 'card' }, h('h2', {}, title), ...children);
}

export function table(columns, rows, { test, rowTest, empty } = {}) {
  if (!rows.length) return h('p', { class: 'muted', test: test ? `${test}-empty` : undefined }, empty || t('common.noResults'));
  return h('div', { class: 'table-wrap' },
    h('table', { test },
      h('thead', {}, h('tr', {}, columns.map(column => h('th', { class: column.numeric ? 'num' : undefined }, column.title)))),
      h('tbody', {}, rows.map((row, index) => h('tr', { test: rowTest ? rowTest(row, index) : undefined, class: row.__class },
        columns.map(column => h('td', { class: column.numeric ? 'num' : undefined, 'data-label': column.title },
          column.cell(row))))))));
}

export function badge(text, kind = '', test = undefined) {
  return h('span', { class: `badge ${kind || ''}`.trim(), test }, text);
}

export function statusBadge(status) {
  const kind = { DONE: 'ok', PARTIAL_CANCELED: 'warn', CANCELED: 'muted', ABORTED: 'bad', EXPIRED: 'muted',
    UNKNOWN: 'bad', IN_PROGRESS: 'info', WAITING_FOR_DEPOSIT: 'info', READY: 'info' }[status] || '';
  return h('span', { class: `badge ${kind}`, test: 'status' }, t(`status.${status}`));
}

export function message(kind, text, test) {
  return h('p', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : 'status', test }, text);
}

// What a failed call shows: "not available" for an endpoint this service does not have yet.
export function failure(error) {
  if (error?.notAvailable) return message('unavailable', t('common.notAvailable', { path: error.path }), 'not-available');
  return message('error', t('common.error', { message: error?.message || String(error) }), 'error');
}

export async function loadInto(container, load) {
  clear(container, message('info', t('common.loading')));
  try {
    clear(container, await load());
  } catch (error) {
    clear(container, failure(error));
  }
}

export function pager(page, onPage) {
  const pages = Math.max(1, Math.ceil(page.totalElements / page.size));
  return h('div', { class: 'pager', test: 'pager' },
    h('button', { type: 'button', disabled: page.page <= 0, onclick: () => onPage(page.page - 1), test: 'prev' }, t('common.prev')),
    h('span', {}, t('common.page', { page: page.page + 1, pages, total: count(page.totalElements) })),
    h('button', { type: 'button', disabled: page.page + 1 >= pages, onclick: () => onPage(page.page + 1), test: 'next' }, t('common.next')));
}

// A confirmation step in the page (no browser dialog): the action runs only on "confirm".
export function confirmStep(text, onConfirm, test) {
  const box = h('div', { class: 'confirm', role: 'alertdialog', test });
  const run = async () => {
    clear(box, message('info', t('common.loading')));
    await onConfirm(box);
  };
  clear(box, h('p', {}, text),
    h('div', { class: 'row' },
      h('button', { type: 'button', class: 'danger', onclick: run, test: 'confirm' }, t('common.confirm')),
      h('button', { type: 'button', onclick: () => box.remove(), test: 'cancel' }, t('common.cancel'))));
  return box;
}

export function field(label, input) {
  return h('label', { class: 'field' }, h('span', {}, label), input);
}

export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(Boolean).map(([term, value, test]) =>
    [h('dt', {}, term), h('dd', { test }, value ?? '–')]));
}
