import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { APPROVAL_INBOX_BOXES, type ApprovalInboxBox, type ApprovalInboxItem, type BulkApproveResponse } from '@luoshi/contracts';
import { ApprovalCounts, ApprovalsApi, AuthService, I18nService, TranslatePipe } from '@luoshi/web/core';
import { formDialogs, ListCardDirective, ListTableDirective, LoadErrorComponent, pagedList, PageHeaderComponent, ResponsiveListComponent } from '@luoshi/web/ui';
import { APPROVAL_BOX_LABELS } from '../shared/approval-box-labels';
import { ApprovalStatusTagComponent } from '../shared/approval-status-tag.component';
import { type BulkApproveData, BulkApproveDialog } from './bulk-approve.dialog';
import { APPROVAL_SUBJECT_LABELS } from '../shared/report-labels';

const PAGE_SIZE = 20;
const SUBJECT_COLORS: Record<ApprovalInboxItem['subjectType'], string> = {
  progress_report: 'blue',
  extension_request: 'orange',
  completion_request: 'green',
  change_request: 'cyan',
  special_action_plan: 'purple',
};

/**
 * /approvals (审批待办) — 待我审批 / 我已审批 / 抄送我 with their counts; the office reviewer (and
 * admin) can tick items awaiting them and approve them together.
 */
@Component({
  selector: 'luoshi-approval-inbox-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    RouterLink,
    NzBadgeModule,
    NzButtonModule,
    NzIconModule,
    NzModalModule,
    NzTableModule,
    NzTabsModule,
    NzTagModule,
    TranslatePipe,
    LoadErrorComponent,
    PageHeaderComponent,
    ResponsiveListComponent,
    ListCardDirective,
    ListTableDirective,
    ApprovalStatusTagComponent,
  ],
  template: `
    <luoshi-page-header [heading]="'approvals.title' | t" [subtitle]="'approvals.subtitle' | t" testId="page-title">
      <a nz-button routerLink="/approvals/delegations" data-testid="delegations-link"><nz-icon nzType="team" />{{ 'approvals.delegations' | t }}</a>
    </luoshi-page-header>

    <div class="panel">
      <nz-tabs [nzSelectedIndex]="boxIndex()" (nzSelectedIndexChange)="selectBox($event)" data-testid="approval-tabs">
        @for (b of boxes; track b) {
          <nz-tab [nzTitle]="tabTitle">
            <ng-template #tabTitle>
              <span [attr.data-testid]="'tab-' + b">
                {{ boxLabel(b) }}
                <nz-badge
                  class="tab-count"
                  nzShowZero
                  [nzCount]="counts()?.[b] ?? 0"
                  [nzOverflowCount]="999"
                  [nzStyle]="b === 'todo' && (counts()?.todo ?? 0) > 0 ? {} : { backgroundColor: '#d9d9d9', color: 'rgba(0,0,0,0.65)' }"
                  [attr.data-testid]="'count-' + b"
                />
              </span>
            </ng-template>
          </nz-tab>
        }
      </nz-tabs>

      @if (canBulk()) {
        <div class="bulk" data-testid="bulk-bar">
          <span class="muted">{{ 'approvals.selected' | t: { n: checked().size } }}</span>
          <button nz-button nzType="primary" [disabled]="checked().size === 0" (click)="bulkApprove()" data-testid="bulk-approve">
            <nz-icon nzType="check" />{{ 'approvals.bulkApprove' | t }}
          </button>
        </div>
      }

      @if (inbox.error(); as error) {
        <luoshi-load-error [error]="error" (retry)="inbox.reload()" />
      }
      <luoshi-responsive-list [items]="items()" [trackBy]="byId" [loading]="inbox.loading()" [emptyText]="emptyText()" cardsTestId="approval-cards">
        <!-- Phone: one card per approval; the title opens it. -->
        <ng-template luoshiListCard let-item>
          <div data-testid="approval-row" [attr.data-subject]="item.subjectType" [attr.data-title]="item.title">
            <div class="card__head">
              <nz-tag [nzColor]="subjectColor(item)">{{ subjectLabel(item) }}</nz-tag>
              <luoshi-approval-status-tag [status]="item.status" />
            </div>
            <a [routerLink]="['/approvals', item.id]" class="card__title" data-testid="approval-open">{{ item.title }}</a>
            @if (item.task; as task) {
              <div class="plan" data-testid="approval-plan">{{ task.planTitle }} · {{ task.code }}</div>
            }
            @if (item.onBehalfOf.length > 0) {
              <nz-tag nzColor="gold">{{ 'approvals.onBehalfOf' | t: { names: names(item.onBehalfOf) } }}</nz-tag>
            }
            <div class="card__facts muted">
              <span>{{ item.department?.name ?? '—' }} · {{ item.drafter.displayName }}</span>
              <span>{{ item.currentStep?.name ?? '—' }}</span>
              <span class="num">{{ item.updatedAt | date: 'yyyy-MM-dd HH:mm' }}</span>
            </div>
          </div>
        </ng-template>
        <ng-template luoshiListTable let-empty>
          <nz-table
            #table
            nzSize="middle"
            [nzData]="items()"
            [nzLoading]="inbox.loading()"
            [nzFrontPagination]="false"
            [nzTotal]="inbox.total()"
            [nzPageSize]="pageSize"
            [nzPageIndex]="page()"
            (nzPageIndexChange)="page.set($event)"
            [nzHideOnSinglePage]="true"
            [nzNoResult]="empty"
            data-testid="approval-table"
          >
            <thead>
              <tr>
                @if (canBulk()) {
                  <th nzWidth="44px" [nzChecked]="allChecked()" [nzIndeterminate]="someChecked()" (nzCheckedChange)="checkAll($event)" data-testid="check-all"></th>
                }
                <th nzWidth="100px">{{ 'approvals.type' | t }}</th>
                <th>{{ 'approvals.subject' | t }}</th>
                <th nzWidth="120px">{{ 'approvals.department' | t }}</th>
                <th nzWidth="110px">{{ 'approvals.drafter' | t }}</th>
                <th nzWidth="120px">{{ 'approvals.currentStep' | t }}</th>
                <th nzWidth="130px">{{ 'approvals.pending' | t }}</th>
                <th nzWidth="84px">{{ 'approvals.status' | t }}</th>
                <th nzWidth="130px">{{ 'approvals.updatedAt' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (item of table.data; track item.id) {
                <tr data-testid="approval-row" [attr.data-subject]="item.subjectType" [attr.data-title]="item.title">
                  @if (canBulk()) {
                    <td [nzChecked]="checked().has(item.id)" (nzCheckedChange)="check(item.id, $event)" data-testid="approval-check"></td>
                  }
                  <td><nz-tag [nzColor]="subjectColor(item)">{{ subjectLabel(item) }}</nz-tag></td>
                  <td>
                    <a [routerLink]="['/approvals', item.id]" class="title" data-testid="approval-open">{{ item.title }}</a>
                    @if (item.task; as task) {
                      <div class="plan" data-testid="approval-plan">{{ task.planTitle }} · {{ task.code }}</div>
                    }
                    @if (item.onBehalfOf.length > 0) {
                      <nz-tag nzColor="gold" class="behalf">{{ 'approvals.onBehalfOf' | t: { names: names(item.onBehalfOf) } }}</nz-tag>
                    }
                  </td>
                  <td>{{ item.department?.name ?? '—' }}</td>
                  <td>{{ item.drafter.displayName }}</td>
                  <td>{{ item.currentStep?.name ?? '—' }}</td>
                  <td class="muted">{{ names(item.pendingApprovers) || '—' }}</td>
                  <td><luoshi-approval-status-tag [status]="item.status" /></td>
                  <td class="num muted">{{ item.updatedAt | date: 'yyyy-MM-dd HH:mm' }}</td>
                </tr>
              }
            </tbody>
          </nz-table>
        </ng-template>
      </luoshi-responsive-list>
    </div>
  `,
  styles: `
    .panel { background: #fff; border-radius: 8px; padding: 8px 20px 16px; }
    .tab-count { margin-left: 6px; }
    .bulk { display: flex; justify-content: flex-end; align-items: center; gap: 12px; margin-bottom: 12px; }
    .title { font-weight: 500; }
    .plan { margin-top: 2px; font-size: 12px; color: rgba(0, 0, 0, 0.6); overflow-wrap: anywhere; }
    .behalf { margin-left: 6px; }
    .num { font-variant-numeric: tabular-nums; white-space: nowrap; }
    .muted { color: rgba(0, 0, 0, 0.6); }
    .card__head { display: flex; justify-content: space-between; align-items: center; gap: 6px; }
    .card__title { display: block; margin: 8px 0 4px; font-size: 15px; font-weight: 500; overflow-wrap: anywhere; }
    .card__facts { display: flex; flex-wrap: wrap; gap: 2px 12px; font-size: 13px; }
    @media (max-width: 767.98px) { .panel { padding: 4px 12px 12px; } }
  `,
})
export class ApprovalInboxPage {
  private readonly api = inject(ApprovalsApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly approvalCounts = inject(ApprovalCounts);
  private readonly i18n = inject(I18nService);
  private readonly dialogs = formDialogs();

  /** Query parameter ?box=done|cc. */
  readonly boxParam = input<string | undefined>(undefined, { alias: 'box' });

  protected readonly boxes = APPROVAL_INBOX_BOXES;
  protected readonly pageSize = PAGE_SIZE;
  protected readonly box = linkedSignal<ApprovalInboxBox>(() => {
    const box = this.boxParam();
    return (APPROVAL_INBOX_BOXES as readonly string[]).includes(box ?? '') ? (box as ApprovalInboxBox) : 'todo';
  });
  protected readonly boxIndex = computed(() => APPROVAL_INBOX_BOXES.indexOf(this.box()));
  protected readonly page = linkedSignal({ source: this.box, computation: () => 1 });
  protected readonly checked = signal<ReadonlySet<string>>(new Set());
  protected readonly byId = (item: ApprovalInboxItem) => item.id;

  protected readonly inbox = pagedList({
    query: () => ({ box: this.box(), page: this.page() }),
    load: (query) => this.api.inbox(query.box, query.page, PAGE_SIZE),
  });
  protected readonly items = this.inbox.rows;
  protected readonly counts = computed(() => this.inbox.result()?.counts ?? this.approvalCounts.counts());

  protected readonly canBulk = computed(() => this.box() === 'todo' && this.auth.hasAnyRole(['office_reviewer', 'office_admin']));
  protected readonly allChecked = computed(() => this.items().length > 0 && this.items().every((i) => this.checked().has(i.id)));
  protected readonly someChecked = computed(() => !this.allChecked() && this.items().some((i) => this.checked().has(i.id)));
  protected readonly emptyText = computed(() => this.i18n.t(this.box() === 'todo' ? 'approvals.emptyTodo' : this.box() === 'done' ? 'approvals.emptyDone' : 'approvals.emptyCc'));

  constructor() {
    // Every answer carries the three counts: the menu badge follows.
    effect(() => {
      const result = this.inbox.result();
      if (result) this.approvalCounts.set(result.counts);
    });
  }

  protected selectBox(index: number): void {
    const box = APPROVAL_INBOX_BOXES[index] ?? 'todo';
    if (box === this.box()) return;
    this.box.set(box);
    this.checked.set(new Set());
    void this.router.navigate([], { queryParams: { box: box === 'todo' ? null : box }, queryParamsHandling: 'merge', replaceUrl: true });
  }

  protected boxLabel(box: ApprovalInboxBox): string {
    return this.i18n.t(APPROVAL_BOX_LABELS[box]);
  }

  protected subjectLabel(item: ApprovalInboxItem): string {
    return this.i18n.t(APPROVAL_SUBJECT_LABELS[item.subjectType]);
  }

  protected subjectColor(item: ApprovalInboxItem): string {
    return SUBJECT_COLORS[item.subjectType];
  }

  protected names(users: readonly { displayName: string }[]): string {
    return users.map((u) => u.displayName).join('、');
  }

  protected check(id: string, on: boolean): void {
    const next = new Set(this.checked());
    if (on) next.add(id);
    else next.delete(id);
    this.checked.set(next);
  }

  protected checkAll(on: boolean): void {
    this.checked.set(on ? new Set(this.items().map((i) => i.id)) : new Set());
  }

  protected bulkApprove(): void {
    const selected = this.items().filter((i) => this.checked().has(i.id));
    this.dialogs
      .saved<BulkApproveResponse, BulkApproveData>(BulkApproveDialog, {
        title: this.i18n.t('approvals.bulkTitle', { n: selected.length }),
        data: { items: selected },
        width: 600,
      })
      .subscribe(() => {
        this.checked.set(new Set());
        this.inbox.reload();
      });
  }
}
