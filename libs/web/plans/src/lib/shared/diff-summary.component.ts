import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NzTagModule } from 'ng-zorro-antd/tag';
import type { PlanDiffEntry, PlanDiffResponse } from '@luoshi/contracts';
import { TranslatePipe, type TranslationKey } from '@luoshi/web/core';

type DiffKind = 'added' | 'changed' | 'moved' | 'removed';

const KINDS: readonly { kind: DiffKind; color: string; label: TranslationKey; count: TranslationKey }[] = [
  { kind: 'added', color: 'green', label: 'planImport.diffAdded', count: 'versions.added' },
  { kind: 'changed', color: 'blue', label: 'planImport.diffChanged', count: 'versions.changed' },
  { kind: 'moved', color: 'orange', label: 'planImport.diffMoved', count: 'versions.moved' },
  { kind: 'removed', color: 'red', label: 'planImport.diffRemoved', count: 'versions.removed' },
];

/** A version diff: coloured counts (compact) or the lists of added/changed/moved/removed items. */
@Component({
  selector: 'luoshi-diff-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzTagModule, TranslatePipe],
  template: `
    @if (compact()) {
      <span class="counts" data-testid="diff-counts">
        @for (group of groups(); track group.kind) {
          @if (group.entries.length > 0) {
            <nz-tag [nzColor]="group.color">{{ group.count | t: { n: group.entries.length } }}</nz-tag>
          }
        }
        <span class="muted">{{ 'versions.unchanged' | t: { n: diff().unchanged } }}</span>
      </span>
    } @else {
      @if (total() === 0) {
        <p class="muted" data-testid="diff-none">{{ 'planImport.diffNone' | t }}</p>
      }
      @for (group of groups(); track group.kind) {
        @if (group.entries.length > 0) {
          <section class="group" [attr.data-testid]="'diff-' + group.kind">
            <h4 class="group__title">
              <nz-tag [nzColor]="group.color">{{ group.label | t }}</nz-tag>
              <span class="muted">{{ group.entries.length }}</span>
            </h4>
            <ul [class]="'entries entries--' + group.kind">
              @for (entry of group.entries; track entry.code + entry.title) {
                <li>
                  <span class="code">{{ entry.code }}</span>
                  <span>{{ entry.title }}</span>
                  @if (entry.previousCode) {
                    <span class="muted">（{{ 'planImport.previousCode' | t: { code: entry.previousCode } }}）</span>
                  }
                </li>
              }
            </ul>
          </section>
        }
      }
      <p class="muted">{{ 'planImport.diffUnchanged' | t: { n: diff().unchanged } }}</p>
    }
  `,
  styles: `
    .counts { display: inline-flex; flex-wrap: wrap; align-items: center; gap: 4px 0; }
    .muted { color: rgba(0, 0, 0, 0.6); }
    .group { margin-bottom: 12px; }
    .group__title { margin: 0 0 6px; font-size: 14px; font-weight: 500; }
    .entries { margin: 0; padding: 0 0 0 12px; list-style: none; border-left: 3px solid #d9d9d9; }
    .entries li { padding: 2px 0; display: flex; gap: 8px; }
    .entries--added { border-color: #52c41a; }
    .entries--changed { border-color: #1677ff; }
    .entries--moved { border-color: #fa8c16; }
    .entries--removed { border-color: #ff4d4f; }
    .entries--removed li { text-decoration: line-through; color: rgba(0, 0, 0, 0.6); }
    .code { flex: none; min-width: 56px; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: rgba(0, 0, 0, 0.6); }
  `,
})
export class DiffSummaryComponent {
  readonly diff = input.required<PlanDiffResponse>();
  readonly compact = input(false);
  protected readonly groups = computed(() => KINDS.map((k) => ({ ...k, entries: this.diff()[k.kind] as PlanDiffEntry[] })));
  protected readonly total = computed(() => this.groups().reduce((n, g) => n + g.entries.length, 0));
}
