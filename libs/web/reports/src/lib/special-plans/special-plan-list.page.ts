import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { of } from 'rxjs';
import type { GenerateSpecialActionPlansResponse } from '@luoshi/contracts';
import { type ApiError, AuthService, I18nService, PlansApi, toApiError, TranslatePipe } from '@luoshi/web/core';
import { ReportsApi } from '../api/reports.api';
import { LoadErrorComponent, PageHeaderComponent, SelectOptionsPipe } from '@luoshi/web/ui';
import { ApprovalStatusTagComponent } from '../shared/approval-status-tag.component';
import { ReportStatusTagComponent } from '../shared/report-status-tag.component';

/**
 * /special-action-plans (专项行动计划) — the chosen plan's special action plans: the office generates
 * them from the plan's duties; the drafting departments see theirs (the API filters), open one to
 * upload and submit the draft; after the leader's approval the office imports it as a child plan.
 */
@Component({
  selector: 'luoshi-special-plan-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzEmptyModule,
    NzIconModule,
    NzSelectModule,
    NzTableModule,
    TranslatePipe,
    SelectOptionsPipe,
    LoadErrorComponent,
    PageHeaderComponent,
    ApprovalStatusTagComponent,
    ReportStatusTagComponent,
  ],
  template: `
    <luoshi-page-header [heading]="'specialPlans.title' | t" [subtitle]="'specialPlans.subtitle' | t" testId="page-title">
      @if (isOffice() && planId()) {
        <button nz-button nzType="primary" [nzLoading]="generating()" (click)="generate()" data-testid="sap-generate"><nz-icon nzType="plus" />{{ 'specialPlans.generate' | t }}</button>
      }
    </luoshi-page-header>

    <div class="panel">
      <div class="filters">
        <span class="muted">{{ 'specialPlans.plan' | t }}</span>
        <nz-select class="plan" [ngModel]="planId()" (ngModelChange)="selectPlan($event)" [nzLoading]="plans.isLoading()" [nzNotFoundContent]="'specialPlans.noPlans' | t" data-testid="sap-plan" [nzOptions]="planOptions() | selectOptions: 'id' : 'title'" />
      </div>
      @if (generated(); as g) {
        <nz-alert
          class="alert"
          [nzType]="g.skipped.length > 0 ? 'warning' : 'success'"
          nzShowIcon
          nzCloseable
          [nzMessage]="'specialPlans.generated' | t: { created: g.created, existing: g.existing }"
          [nzDescription]="g.skipped.length > 0 ? skippedTpl : null"
          (nzOnClose)="generated.set(null)"
          data-testid="sap-generated"
        />
        <ng-template #skippedTpl>
          <div>{{ 'specialPlans.skippedTitle' | t: { n: g.skipped.length } }}</div>
          <ul class="skipped">
            @for (s of g.skipped; track $index) {
              <li>{{ 'approvals.labelled' | t: { label: s.deliverable, value: s.reason } }}</li>
            }
          </ul>
        </ng-template>
      }
      @if (errorText(); as text) {
        <nz-alert class="alert" nzType="error" nzShowIcon [nzMessage]="text" data-testid="sap-error" />
      }
      @if (list.error(); as error) {
        <luoshi-load-error [error]="error" (retry)="list.reload()" />
      }
      <nz-table #table nzSize="middle" [nzData]="rows()" [nzLoading]="list.isLoading()" [nzHideOnSinglePage]="true" [nzNoResult]="empty" data-testid="sap-table">
        <thead>
          <tr>
            <th nzWidth="80px">{{ 'specialPlans.code' | t }}</th>
            <th>{{ 'specialPlans.deliverable' | t }}</th>
            <th nzWidth="140px">{{ 'specialPlans.lead' | t }}</th>
            <th nzWidth="180px">{{ 'specialPlans.co' | t }}</th>
            <th nzWidth="110px">{{ 'specialPlans.deadline' | t }}</th>
            <th nzWidth="100px">{{ 'specialPlans.status' | t }}</th>
            <th nzWidth="100px">{{ 'specialPlans.approval' | t }}</th>
            <th nzWidth="120px">{{ 'specialPlans.childPlan' | t }}</th>
            <th nzWidth="80px"></th>
          </tr>
        </thead>
        <tbody>
          @for (s of table.data; track s.id) {
            <tr data-testid="sap-row" [attr.data-code]="s.taskCode">
              <td class="mono">{{ s.taskCode }}</td>
              <td><a [routerLink]="['/special-action-plans', s.id]" class="title">{{ s.deliverable }}</a></td>
              <td>{{ s.leadDepartment?.name ?? '—' }}</td>
              <td class="muted">{{ coNames(s.coDepartments) || '—' }}</td>
              <td data-testid="sap-due">{{ s.dueDate ?? ('specialPlans.noDeadline' | t) }}</td>
              <td><luoshi-report-status-tag [status]="s.status" /></td>
              <td>
                @if (s.approvalStatus) {
                  <luoshi-approval-status-tag [status]="s.approvalStatus" />
                } @else {
                  <span class="muted">—</span>
                }
              </td>
              <td>
                @if (s.childPlanId) {
                  <a [routerLink]="['/plans', s.childPlanId]" data-testid="sap-child">{{ 'specialPlans.openChild' | t }}</a>
                } @else {
                  <span class="muted">—</span>
                }
              </td>
              <td><a [routerLink]="['/special-action-plans', s.id]" data-testid="sap-open">{{ 'specialPlans.open' | t }}</a></td>
            </tr>
          }
        </tbody>
      </nz-table>
    </div>
    <ng-template #empty>
      <nz-empty [nzNotFoundContent]="(isOffice() ? 'specialPlans.emptyOffice' : 'specialPlans.empty') | t" />
    </ng-template>
  `,
  styles: `
    .panel { background: #fff; border-radius: 8px; padding: 16px 20px; }
    .filters { display: flex; align-items: center; gap: 8px; margin-bottom: 12px; }
    .plan { width: 420px; max-width: 100%; }
    .alert { margin-bottom: 12px; }
    .skipped { margin: 4px 0 0; padding-left: 20px; }
    .title { font-weight: 500; }
    .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; white-space: nowrap; }
    .muted { color: rgba(0, 0, 0, 0.6); }
  `,
})
export class SpecialPlanListPage {
  private readonly api = inject(ReportsApi);
  private readonly plansApi = inject(PlansApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(I18nService);

  /** Query parameter ?planId=. */
  readonly planParam = input<string | undefined>(undefined, { alias: 'planId' });

  protected readonly isOffice = computed(() => this.auth.hasAnyRole(['office_admin']));
  protected readonly plans = rxResource({ stream: () => this.plansApi.list() });
  /** Top-level plans only: child plans are the outcome of special action plans. */
  protected readonly planOptions = computed(() => (this.plans.hasValue() ? this.plans.value().filter((p) => !p.parentPlanId) : []));
  protected readonly planId = linkedSignal<string | null>(() => this.planParam() ?? this.planOptions()[0]?.id ?? null);
  protected readonly list = rxResource({
    params: () => this.planId(),
    stream: ({ params }) => (params ? this.api.specialActionPlans(params) : of([])),
  });
  protected readonly rows = computed(() => (this.list.hasValue() ? this.list.value() : []));
  protected readonly generating = signal(false);
  protected readonly generated = signal<GenerateSpecialActionPlansResponse | null>(null);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly errorText = computed(() => {
    const error = this.error();
    return error ? this.i18n.errorText(error) : null;
  });

  protected coNames(departments: readonly { name: string }[]): string {
    return departments.map((d) => d.name).join('、');
  }

  protected selectPlan(planId: string): void {
    this.planId.set(planId);
    this.generated.set(null);
    void this.router.navigate([], { queryParams: { planId }, queryParamsHandling: 'merge', replaceUrl: true });
  }

  protected generate(): void {
    const planId = this.planId();
    if (!planId) return;
    this.generating.set(true);
    this.error.set(null);
    this.api.generateSpecialActionPlans(planId).subscribe({
      next: (result) => {
        this.generating.set(false);
        this.generated.set(result);
        this.message.success(this.i18n.t('specialPlans.generated', { created: result.created, existing: result.existing }));
        this.list.reload();
      },
      error: (raw: unknown) => {
        this.generating.set(false);
        this.error.set(toApiError(raw));
      },
    });
  }
}
