import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { map, type Observable } from 'rxjs';
import type {
  ApprovalSubjectType,
  CompletionRequestResponse,
  ExtensionRequestResponse,
  ProgressReportResponse,
  SpecialActionPlanResponse,
} from '@luoshi/contracts';
import { TranslatePipe } from '@luoshi/web/core';
import { ReportsApi } from '../api/reports.api';
import { LoadErrorComponent } from '@luoshi/web/ui';
import { EvidenceListComponent } from '../shared/evidence-list.component';

type Subject =
  | { type: 'progress_report'; value: ProgressReportResponse }
  | { type: 'extension_request'; value: ExtensionRequestResponse }
  | { type: 'completion_request'; value: CompletionRequestResponse }
  | { type: 'special_action_plan'; value: SpecialActionPlanResponse };

/** What is being approved: the report with its evidence, the request, or the special action plan draft. */
@Component({
  selector: 'luoshi-approval-subject',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NzDescriptionsModule, NzProgressModule, NzSkeletonModule, TranslatePipe, LoadErrorComponent, EvidenceListComponent],
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
        @case ('extension_request') {
          <nz-descriptions nzBordered nzSize="small" [nzColumn]="1" data-testid="subject-extension">
            <nz-descriptions-item [nzTitle]="'approvals.currentDue' | t">{{ s.value.currentDueDate ?? '—' }}</nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="'approvals.newDue' | t"><strong>{{ s.value.newDueDate }}</strong></nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="'approvals.reason' | t"><span class="text">{{ s.value.reason }}</span></nz-descriptions-item>
          </nz-descriptions>
          <a class="open-block" [routerLink]="['/tasks', s.value.taskId]">{{ 'approvals.openSubject' | t }}</a>
        }
        @case ('completion_request') {
          <div class="subject" data-testid="subject-completion">
            <h4 class="sub">{{ 'approvals.summary' | t }}</h4>
            <p class="text">{{ s.value.summary }}</p>
            <h4 class="sub">{{ 'approvals.reportEvidence' | t }}</h4>
            <luoshi-evidence-list [files]="s.value.evidence" />
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
        return this.api.extensionRequest(id).pipe(map((value) => ({ type, value })));
      case 'completion_request':
        return this.api.completionRequest(id).pipe(map((value) => ({ type, value })));
      case 'special_action_plan':
        return this.api.specialActionPlan(id).pipe(map((value) => ({ type, value })));
    }
  }
}
