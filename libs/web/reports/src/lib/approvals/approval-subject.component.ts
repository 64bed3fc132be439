import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { map, type Observable } from 'rxjs';
import type { ApprovalSubjectType, ProgressReportResponse, SpecialActionPlanResponse, TaskRequestResponse } from '@luoshi/contracts';
import { TranslatePipe } from '@luoshi/web/core';
import { ReportsApi } from '../api/reports.api';
import { LoadErrorComponent } from '@luoshi/web/ui';
import { REQUEST_KINDS } from '../requests/request-labels';
import { RequestsApi } from '../requests/requests.api';
import { TaskRequestViewComponent } from '../requests/task-request-view.component';
import { EvidenceListComponent } from '../shared/evidence-list.component';

type Subject =
  | { type: 'progress_report'; value: ProgressReportResponse }
  | { type: 'request'; value: TaskRequestResponse }
  | { type: 'special_action_plan'; value: SpecialActionPlanResponse };

/** What is being approved: the report with its evidence, a request about a task (any kind), or the special action plan draft. */
@Component({
  selector: 'luoshi-approval-subject',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NzProgressModule, NzSkeletonModule, TranslatePipe, LoadErrorComponent, EvidenceListComponent, TaskRequestViewComponent],
  template: `
    @if (subject.error(); as error) {
      <luoshi-load-error [error]="error" (retry)="subject.reload()" />
    } @else if (subject.value(); as s) {
      @switch (s.type) {
        @case ('progress_report') {
          <div class="subject" data-testid="subject-report">
            <div class="row">
              <span class="label">{{ 'approvals.reportPeriod' | t }}</span>
              <span>{{ s.value.periodLabel }}（{{ s.value.periodStart }} ~ {{ s.value.periodEnd }}）</span>
              <a class="open" [routerLink]="['/reports', s.value.id]">{{ 'approvals.openSubject' | t }}</a>
            </div>
            <div class="row">
              <span class="label">{{ 'approvals.reportProgress' | t }}</span>
              <nz-progress class="progress" [nzPercent]="s.value.progress ?? 0" nzSize="small" />
            </div>
            <h4 class="sub">{{ 'approvals.reportContent' | t }}</h4>
            <p class="text" data-testid="subject-content">{{ s.value.content || '—' }}</p>
            <h4 class="sub">{{ 'approvals.reportRisks' | t }}</h4>
            <p class="text">{{ s.value.risks || '—' }}</p>
            <h4 class="sub">{{ 'approvals.reportNextSteps' | t }}</h4>
            <p class="text">{{ s.value.nextSteps || '—' }}</p>
            @if (s.value.redExplanation) {
              <h4 class="sub sub--red">{{ 'approvals.reportRedExplanation' | t }}</h4>
              <p class="text">{{ s.value.redExplanation }}</p>
            }
            @if (s.value.contributions.length > 0) {
              <h4 class="sub">{{ 'approvals.reportContributions' | t }}</h4>
              @for (c of s.value.contributions; track c.id) {
                <p class="text">{{ 'approvals.labelled' | t: { label: c.department.name, value: c.content } }}</p>
              }
            }
            <h4 class="sub">{{ 'approvals.reportEvidence' | t }}</h4>
            <luoshi-evidence-list [files]="s.value.evidence" />
          </div>
        }
        @case ('request') {
          <div class="subject" [attr.data-testid]="'subject-' + kinds[s.value.kind].stem">
            <luoshi-task-request-view [request]="s.value" />
            <a class="open-block" [routerLink]="['/tasks', s.value.taskId]">{{ 'approvals.openSubject' | t }}</a>
          </div>
        }
        @case ('special_action_plan') {
          <div class="subject" data-testid="subject-sap">
            <div class="row">
              <span class="label">{{ 'approvals.deliverable' | t }}</span>
              <strong>{{ s.value.deliverable }}</strong>
              <a class="open" [routerLink]="['/special-action-plans', s.value.id]">{{ 'approvals.openSubject' | t }}</a>
            </div>
            <h4 class="sub">{{ 'approvals.draft' | t }}</h4>
            <luoshi-evidence-list [files]="s.value.draft ? [s.value.draft] : []" [emptyText]="'approvals.noDraft' | t" />
          </div>
        }
      }
    } @else {
      <nz-skeleton [nzActive]="true" [nzParagraph]="{ rows: 5 }" />
    }
  `,
  styles: `
    .row { display: flex; align-items: center; flex-wrap: wrap; gap: 8px; margin-bottom: 8px; }
    .label { color: rgba(0, 0, 0, 0.6); min-width: 72px; }
    .open { margin-left: auto; }
    .open-block { display: inline-block; margin-top: 12px; }
    .progress { width: 220px; }
    .sub { margin: 14px 0 4px; font-size: 13px; font-weight: 500; color: rgba(0, 0, 0, 0.6); }
    .sub--red { color: #cf1322; }
    .text { margin: 0; white-space: pre-wrap; line-height: 1.8; }
    .muted { color: rgba(0, 0, 0, 0.6); font-size: 12px; }
  `,
})
export class ApprovalSubjectComponent {
  private readonly api = inject(ReportsApi);
  private readonly requests = inject(RequestsApi);
  protected readonly kinds = REQUEST_KINDS;
  readonly subjectType = input.required<ApprovalSubjectType>();
  readonly subjectId = input.required<string>();
  /** Changes re-read the subject (e.g. the approval's version after an action). */
  readonly revision = input<unknown>(null);

  protected readonly subject = rxResource({
    params: () => ({ type: this.subjectType(), id: this.subjectId(), revision: this.revision() }),
    stream: ({ params }) => this.load(params.type, params.id),
  });

  private load(type: ApprovalSubjectType, id: string): Observable<Subject> {
    switch (type) {
      case 'progress_report':
        return this.api.report(id).pipe(map((value) => ({ type, value })));
      case 'extension_request':
      case 'completion_request':
      case 'change_request':
        return this.requests.get(id).pipe(map((value) => ({ type: 'request' as const, value })));
      case 'special_action_plan':
        return this.api.specialActionPlan(id).pipe(map((value) => ({ type, value })));
    }
  }
}
