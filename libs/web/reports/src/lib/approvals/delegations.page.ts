import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { catchError, forkJoin, map, of } from 'rxjs';
import { APPROVAL_INBOX_BOXES, type ApprovalDelegationResponse, type TaskUserRef } from '@luoshi/contracts';
import { ApprovalsApi, AuthService, I18nService, toApiError, TranslatePipe } from '@luoshi/web/core';
import { BackLinkComponent, ConfirmLinkComponent, formDialogs, LoadErrorComponent, PageHeaderComponent } from '@luoshi/web/ui';
import { type DelegationFormData, DelegationFormDialog } from './delegation-form.dialog';

/** /approvals/delegations — my delegations (given and received; all of them for the office administrator). */
@Component({
  selector: 'luoshi-delegations-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, NzButtonModule, NzEmptyModule, NzIconModule, NzModalModule, NzTableModule, NzTagModule, TranslatePipe, LoadErrorComponent, PageHeaderComponent, ConfirmLinkComponent, BackLinkComponent],
  template: `
    <luoshi-back-link link="/approvals">{{ 'approvals.back' | t }}</luoshi-back-link>
    <luoshi-page-header [heading]="'delegations.title' | t" [subtitle]="'delegations.subtitle' | t" testId="page-title">
      @if (canCreate()) {
        <button nz-button nzType="primary" (click)="open()" data-testid="delegation-create"><nz-icon nzType="plus" />{{ 'delegations.create' | t }}</button>
      }
    </luoshi-page-header>
    @if (list.error(); as error) {
      <luoshi-load-error [error]="error" (retry)="list.reload()" />
    }
    <div class="panel">
      <nz-table #table nzSize="middle" [nzData]="rows()" [nzLoading]="list.isLoading()" [nzHideOnSinglePage]="true" [nzNoResult]="empty" data-testid="delegation-table">
        <thead>
          <tr>
            <th>{{ 'delegations.from' | t }}</th>
            <th>{{ 'delegations.to' | t }}</th>
            <th>{{ 'delegations.period' | t }}</th>
            <th>{{ 'delegations.reason' | t }}</th>
            <th nzWidth="90px"></th>
            <th nzWidth="140px">{{ 'delegations.createdAt' | t }}</th>
            <th nzWidth="150px">{{ 'common.actions' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (d of table.data; track d.id) {
            <tr data-testid="delegation-row">
              <td>{{ d.from.displayName }}@if (d.from.id === meId) { <span class="muted">（{{ 'delegations.me' | t }}）</span> }</td>
              <td>{{ d.to.displayName }}@if (d.to.id === meId) { <span class="muted">（{{ 'delegations.me' | t }}）</span> }</td>
              <td class="num">{{ d.fromDate }} ~ {{ d.toDate }}</td>
              <td>{{ d.reason ?? '—' }}</td>
              <td><nz-tag [nzColor]="d.active ? 'success' : 'default'">{{ (d.active ? 'delegations.active' : 'delegations.inactive') | t }}</nz-tag></td>
              <td class="num muted">{{ d.createdAt | date: 'yyyy-MM-dd HH:mm' }}</td>
              <td>
                @if (canManage(d)) {
                  <button nz-button nzType="link" nzSize="small" (click)="open(d)" data-testid="delegation-edit">{{ 'common.edit' | t }}</button>
                  <luoshi-confirm-link [danger]="true" [title]="'delegations.revokeConfirm' | t" (confirmed)="revoke(d)" testId="delegation-revoke">{{ 'delegations.revoke' | t }}</luoshi-confirm-link>
                }
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    </div>
    <ng-template #empty><nz-empty [nzNotFoundContent]="'delegations.empty' | t" /></ng-template>
  `,
  styles: `
    .panel { background: #fff; border-radius: 8px; padding: 16px 20px; }
    .num { font-variant-numeric: tabular-nums; white-space: nowrap; }
    .muted { color: rgba(0, 0, 0, 0.6); }
  `,
})
export class DelegationsPage {
  private readonly api = inject(ApprovalsApi);
  private readonly auth = inject(AuthService);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(I18nService);
  private readonly dialogs = formDialogs();

  protected readonly meId = this.auth.user()?.id ?? '';
  protected readonly list = rxResource({ stream: () => this.api.delegations() });
  protected readonly rows = computed(() => (this.list.hasValue() ? this.list.value() : []));
  protected readonly canCreate = computed(() => this.auth.hasAnyRole(['office_admin', 'office_reviewer', 'dept_head', 'dept_liaison', 'leader']));
  /** People to choose from when the directory is not open to the caller: whoever appears in my inbox. */
  private readonly inboxPeople = rxResource({
    stream: () =>
      forkJoin(APPROVAL_INBOX_BOXES.map((box) => this.api.inbox(box, 1, 100).pipe(catchError(() => of(null))))).pipe(
        map((pages) => pages.flatMap((p) => p?.items.flatMap((i) => [i.drafter, ...i.pendingApprovers, ...i.onBehalfOf]) ?? [])),
      ),
  });

  protected canManage(d: ApprovalDelegationResponse): boolean {
    return d.from.id === this.meId || this.auth.hasAnyRole(['office_admin']);
  }

  protected open(delegation?: ApprovalDelegationResponse): void {
    const known: TaskUserRef[] = [...(this.inboxPeople.value() ?? []), ...this.rows().flatMap((d) => [d.from, d.to])];
    const people = [...new Map(known.filter((u) => u.id !== this.meId).map((u) => [u.id, u])).values()];
    this.dialogs
      .saved<ApprovalDelegationResponse, DelegationFormData>(DelegationFormDialog, {
        title: this.i18n.t(delegation ? 'delegations.editTitle' : 'delegations.create'),
        data: { delegation, people },
        width: 520,
      })
      .subscribe(() => {
        this.message.success(this.i18n.t(delegation ? 'delegations.updated' : 'delegations.created'));
        this.list.reload();
      });
  }

  protected revoke(d: ApprovalDelegationResponse): void {
    this.api.revokeDelegation(d.id).subscribe({
      next: () => {
        this.message.success(this.i18n.t('delegations.revoked'));
        this.list.reload();
      },
      error: (raw: unknown) => this.message.error(this.i18n.errorText(toApiError(raw))),
    });
  }
}
