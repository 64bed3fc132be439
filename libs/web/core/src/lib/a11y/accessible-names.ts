import { DOCUMENT } from '@angular/common';
import { effect, type EnvironmentProviders, inject, provideAppInitializer } from '@angular/core';
import { I18nService } from '../i18n/i18n.service';
import type { TranslationKey } from '../i18n/translation-key';

/**
 * ng-zorro renders the focusable part of several controls inside its host element, where a
 * template cannot reach it: the search input of nz-select, the inputs of nz-checkbox, nz-radio and
 * nz-input-number, the button of nz-switch, the row expand button of nz-table, the hidden input of
 * nz-tree. Screen readers then announce an unnamed control (axe: label, button-name), and
 * nz-segmented puts aria-selected on a plain div (axe: aria-allowed-attr).
 *
 * Templates write the name where they can: `aria-label` on the ng-zorro host (as ng-zorro's own
 * nzLabel does for table checkboxes). This watcher moves it onto the inner control (a host
 * without a role may not carry aria-label) and, where the template gave none, names the control
 * from what the user sees: the select's placeholder, the table row, the expand state.
 */
const HOSTS: ReadonlyArray<{ host: string; control: string }> = [
  { host: 'nz-select', control: 'input.ant-select-selection-search-input' },
  { host: 'nz-input-number', control: 'input.ant-input-number-input' },
  { host: 'nz-switch', control: 'button.ant-switch' },
  { host: '[nz-checkbox]', control: 'input.ant-checkbox-input' },
  { host: '[nz-radio]', control: 'input.ant-radio-input' },
];
/** Marks a name this watcher made up (re-made when the language changes), not one a template wrote. */
const AUTO = 'data-a11y-auto';
const ALL_HOSTS = HOSTS.map((h) => h.host).join(',');
const FIXED = `${ALL_HOSTS},button.ant-table-row-expand-icon,.ant-segmented-item-label[aria-selected],nz-tree input`;

type Translate = (key: TranslationKey) => string;

function hasName(control: Element): boolean {
  if (control.getAttribute('aria-label')?.trim() || control.getAttribute('aria-labelledby')) return true;
  if (control.closest('label')?.textContent?.trim()) return true;
  const id = control.getAttribute('id');
  return !!id && !!control.ownerDocument.querySelector(`label[for="${CSS.escape(id)}"]`);
}

/** Writes only what changes: every write is a mutation the watcher would see again. */
function setAttribute(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

function removeAttribute(element: Element, name: string): void {
  if (element.hasAttribute(name)) element.removeAttribute(name);
}

function setAuto(control: Element, name: string | undefined): void {
  if (!name) return;
  setAttribute(control, 'aria-label', name);
  setAttribute(control, AUTO, '');
}

/** The text of the row a table checkbox selects, shortened: "选择：2.1.1 加快推进…". */
function rowName(cell: Element, t: Translate): string {
  const row = cell.closest('tr');
  if (!row) return t('a11y.select');
  if (row.closest('thead')) return t('a11y.selectAll');
  const text = Array.from(row.children)
    .filter((c) => !c.classList.contains('ant-table-selection-column'))
    .map((c) => c.textContent?.trim() ?? '')
    .filter(Boolean)
    .join(' ')
    .replace(/\s+/g, ' ');
  return `${t('a11y.select')}：${text.slice(0, 40)}`;
}

function fixHost(host: Element, control: Element, t: Translate): void {
  const given = host.getAttribute('aria-label')?.trim();
  if (given) {
    setAttribute(control, 'aria-label', given);
    removeAttribute(control, AUTO);
    removeAttribute(host, 'aria-label');
    return;
  }
  if (hasName(control) && !control.hasAttribute(AUTO)) return;
  if (host.closest('.ant-table-selection-column, .ant-table-selection')) return setAuto(control, rowName(host, t));
  const seen = host.matches('nz-select')
    ? host.querySelector('.ant-select-selection-placeholder')?.textContent
    : host.matches('nz-switch')
      ? host.nextElementSibling?.textContent
      : control.getAttribute('placeholder');
  const fallback: TranslationKey = host.matches('nz-select') ? 'a11y.choose' : host.matches('nz-switch') ? 'a11y.toggle' : host.matches('nz-input-number') ? 'a11y.number' : 'a11y.select';
  setAuto(control, columnName(host) || seen?.trim().slice(0, 30) || (control.hasAttribute(AUTO) ? control.getAttribute('aria-label') : null) || t(fallback));
}

/** In a table cell: the column's heading, as a screen reader reads it out for the cell. */
function columnName(host: Element): string | undefined {
  const cell = host.closest('td');
  const head = cell?.closest('table')?.tHead;
  if (!cell || !head || head.rows.length === 0) return undefined;
  return head.rows[head.rows.length - 1].cells[cell.cellIndex]?.textContent?.trim() || undefined;
}

function fix(element: Element, t: Translate): void {
  if (element.matches('.ant-segmented-item-label')) {
    // The radio input beside it already says which item is chosen.
    removeAttribute(element, 'aria-selected');
  } else if (element.matches('button.ant-table-row-expand-icon')) {
    const expanded = element.classList.contains('ant-table-row-expand-icon-expanded');
    setAttribute(element, 'aria-expanded', String(expanded));
    setAuto(element, t(expanded ? 'a11y.collapseRow' : 'a11y.expandRow'));
  } else if (element.matches('nz-tree input')) {
    if (!hasName(element) || element.hasAttribute(AUTO)) setAuto(element, t('a11y.tree'));
  } else {
    const rule = HOSTS.find((h) => element.matches(h.host));
    const control = rule && element.querySelector(rule.control);
    if (control) fixHost(element, control, t);
  }
}

function fixTree(root: ParentNode, t: Translate): void {
  if (root instanceof Element && root.matches(FIXED)) fix(root, t);
  root.querySelectorAll(FIXED).forEach((element) => fix(element, t));
}

/** Starts the watcher with the app; names made up here follow the UI language. */
export function provideAccessibleNames(): EnvironmentProviders {
  return provideAppInitializer(() => {
    const document = inject(DOCUMENT);
    const i18n = inject(I18nService);
    const view = document.defaultView;
    if (!view || typeof view.MutationObserver !== 'function') return;
    const t: Translate = (key) => i18n.t(key);
    let pending = new Set<Element>();
    let scheduled = false;
    const flush = () => {
      scheduled = false;
      const batch = pending;
      pending = new Set();
      for (const element of batch) if (element.isConnected) fixTree(element, t);
    };
    const observer = new view.MutationObserver((records) => {
      for (const record of records) {
        const target = record.target instanceof Element ? record.target : record.target.parentElement;
        if (!target) continue;
        // Of attribute changes only those on what is fixed here count (class: the expand state).
        if (record.type === 'attributes' && !target.matches(FIXED)) continue;
        // A new host's inner control arrives with the host's own view: look from the host down.
        pending.add(target.closest(ALL_HOSTS) ?? target);
      }
      if (!scheduled) {
        scheduled = true;
        view.queueMicrotask(flush);
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label', 'aria-selected', 'class'] });
    effect(() => {
      i18n.lang();
      document.querySelectorAll(`[${AUTO}]`).forEach((element) => {
        element.removeAttribute('aria-label');
        element.removeAttribute(AUTO);
      });
      fixTree(document.body, t);
    });
  });
}
