import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzPaginationModule } from 'ng-zorro-antd/pagination';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { INSTRUCTION_STATES, type InstructionState } from '@luoshi/contracts';
import { AuthService, TasksApi, TranslatePipe, type TranslationKey } from '@luoshi/web/core';
import { LoadErrorComponent, pagedList, PageHeaderComponent } from '@luoshi/web/ui';
import { TaskStatusTagComponent } from '../shared/task-status-tag.component';

const PAGE_SIZE = 20;
/** The tabs in order: what is still open first. */
const TABS: readonly InstructionState[] = ['open', 'answered', 'all'];
/** A typed map, so every state has a text and no text is left over. */
const TAB_LABELS: Readonly<Record<InstructionState, TranslationKey>> = {
  open: 'instructionsPage.open',
  answered: 'instructionsPage.answered',
  all: 'instructionsPage.all',
};

/**
 * /instructions?state=open|answered|all&page= — 领导批示: the instructions the leader gave (from a
 * task's page), the lead department's answers and what is still open; the tab lives in the URL.
 */

@Component({
  selector: 'luoshi-instructions-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, NzEmptyModule, NzPaginationModule, NzSpinModule, NzTabsModule, NzTagModule, TranslatePipe, LoadErrorComponent, PageHeaderComponent, TaskStatusTagComponent],
  template: `
    <luoshi-page-header [heading]="'instructionsPage.title' | t" [subtitle]="(mineOnly() ? 'instructionsPage.subtitle' : 'instructionsPage.subtitleAll') | t" testId="page-title" />
    <div class="panel">
      <nz-tabs [nzSelectedIndex]="tabIndex()" (nzSelectedIndexChange)="choose(tabs[$event])" data-testid="instruction-tabs">
        @for (tab of tabs; track tab) {
          <nz-tab [nzTitle]="tabTitle">
            <ng-template #tabTitle>
              <span [attr.data-testid]="'instruction-tab-' + tab">
                {{ tabLabel(tab) | t }}
                @if (count(tab); as n) {
                  <span class="count" [attr.data-testid]="'instruction-count-' + tab">{{ n }}</span>
                }
              </span>
            </ng-template>
          </nz-tab>
        }
      </nz-tabs>
      @if (list.error(); as error) {
        <luoshi-load-error [error]="error" (retry)="list.reload()" />
      }
      <nz-spin [nzSpinning]="list.loading()">
        <ul class="items" data-testid="instruction-list">
          @for (item of list.rows(); track item.id) {
            <li class="item" data-testid="instruction" [attr.data-state]="item.answer === null ? 'open' : 'answered'">
              <div class="item__task">
                <span class="item__plan">{{ item.task.planTitle }}</span>
                <a [routerLink]="['/tasks', item.task.id]" class="item__title" data-testid="instruction-task">{{ item.task.code }} {{ item.task.title }}</a>
                <luoshi-task-status-tag [status]="item.task.status" />
                <span class="muted">{{ item.task.leadDepartment?.name ?? '' }}</span>
              </div>
              <div class="item__text" data-testid="instruction-text">
                <span class="label">{{ 'instructionsPage.text' | t }}</span>{{ item.text }}
                <span class="muted when">{{ item.author.displayName }} · {{ item.createdAt | date: 'yyyy-MM-dd HH:mm' }}</span>
              </div>
              @if (item.answer !== null) {
                <div class="item__answer" data-testid="instruction-answer">
                  <span class="label">{{ 'instructionsPage.answer' | t }}</span>{{ item.answer }}
                  <span class="muted when">{{ 'instructionsPage.answeredBy' | t: { name: item.answeredBy?.displayName ?? '', at: (item.answeredAt | date: 'yyyy-MM-dd HH:mm') ?? '' } }}</span>
                </div>
              } @else {
                <nz-tag nzColor="orange" data-testid="instruction-open">{{ 'instructionsPage.noAnswer' | t }}</nz-tag>
              }
            </li>
          } @empty {
            @if (!list.loading()) {
              <li><nz-empty [nzNotFoundContent]="'instructionsPage.empty' | t" data-testid="instruction-empty" /></li>
            }
          }
        </ul>
      </nz-spin>
      @if (list.total() > pageSize) {
        <nz-pagination class="pager" [nzTotal]="list.total()" [nzPageIndex]="page()" [nzPageSize]="pageSize" (nzPageIndexChange)="goTo($event)" />
      }
    </div>
  `,
  styles: `
    .panel { background: #fff; border-radius: 8px; padding: 8px 20px 16px; }
    .count { margin-left: 6px; padding: 0 6px; border-radius: 10px; background: #f0f0f0; font-size: 12px; }
    .items { margin: 0; padding: 0; list-style: none; display: grid; gap: 10px; }
    .item { padding: 12px; border: 1px solid #f0f0f0; border-radius: 8px; }
    .item__task { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
    .item__plan { padding: 0 4px; border-radius: 3px; background: #f0f5ff; color: #1d39c4; font-size: 12px; }
    .item__title { font-weight: 500; overflow-wrap: anywhere; }
    .item__text, .item__answer { margin-top: 8px; white-space: pre-wrap; overflow-wrap: anywhere; }
    .item__answer { padding: 6px 10px; border-left: 3px solid #52c41a; background: #f6ffed; }
    .item nz-tag { margin-top: 8px; }
    .label { margin-right: 8px; color: rgba(0, 0, 0, 0.6); }
    .when { margin-left: 8px; font-size: 12px; }
    .muted { color: rgba(0, 0, 0, 0.6); }
    .pager { margin-top: 12px; text-align: right; }
  `,
})
export class InstructionsPage {
  private readonly api = inject(TasksApi);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthService);
  /** Query parameters (router input binding). */
  readonly state = input<string>();
  readonly pageParam = input<string>(undefined, { alias: 'page' });

  protected readonly tabs = TABS;
  protected readonly pageSize = PAGE_SIZE;
  protected readonly mineOnly = computed(() => this.auth.hasAnyRole(['leader']));
  protected readonly current = computed<InstructionState>(() => {
    const state = this.state();
    return state && (INSTRUCTION_STATES as readonly string[]).includes(state) ? (state as InstructionState) : 'open';
  });
  protected readonly page = computed(() => {
    const n = Number(this.pageParam());
    return Number.isInteger(n) && n >= 1 ? n : 1;
  });
  protected readonly tabIndex = computed(() => TABS.indexOf(this.current()));
  protected readonly list = pagedList({
    query: () => ({ state: this.current(), page: this.page(), pageSize: PAGE_SIZE }),
    load: (query) => this.api.instructions(query),
  });

  protected tabLabel(state: InstructionState): TranslationKey {
    return TAB_LABELS[state];
  }

  protected count(state: InstructionState): number {
    const result = this.list.result();
    if (!result) return 0;
    const { open, answered } = result.counts;
    return state === 'open' ? open : state === 'answered' ? answered : open + answered;
  }

  protected choose(state: InstructionState): void {
    if (state !== this.current()) void this.router.navigate([], { queryParams: { state, page: null }, queryParamsHandling: 'merge' });
  }

  protected goTo(page: number): void {
    void this.router.navigate([], { queryParams: { page: page > 1 ? page : null }, queryParamsHandling: 'merge' });
  }
}
