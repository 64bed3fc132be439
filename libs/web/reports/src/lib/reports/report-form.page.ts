import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule, NzModalService } from 'ng-zorro-antd/modal';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzSliderModule } from 'ng-zorro-antd/slider';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { type Observable, of, switchMap, tap } from 'rxjs';
import type { EvidenceFileResponse, ProgressReportResponse, UpdateProgressReportRequest } from '@luoshi/contracts';
import { AuthService, I18nService, TasksApi, TranslatePipe } from '@luoshi/web/core';
import { ReportsApi } from '../api/reports.api';
import { BackLinkComponent, ComposeComponent, DetailTitleComponent, FieldComponent, LoadErrorComponent, submission, TextAreaFieldComponent } from '@luoshi/web/ui';
import { ApprovalPanelComponent } from '../shared/approval-panel.component';
import { EvidenceListComponent } from '../shared/evidence-list.component';
import { EvidenceUploadComponent } from '../shared/evidence-upload.component';
import { beijingToday, REPORT_STATUS_LABELS } from '../shared/report-labels';
import { ReportStatusTagComponent } from '../shared/report-status-tag.component';

type Field = 'content' | 'progress' | 'redExplanation';
type Work = 'save' | 'submit' | 'merge' | 'contribute';

/**
 * /reports/:reportId — one period's report. The lead department edits it (content, progress,
 * risks, next steps, and the overdue explanation that a red task requires), attaches evidence,
 * merges co-departments' contributions and submits it; co-departments contribute. A returned
 * report shows the approver's comment at the top; the approval's steps and timeline are beside it.
 */
@Component({
  selector: 'luoshi-report-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    FormsModule,
    RouterLink,
    BackLinkComponent,
    DetailTitleComponent,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzInputNumberModule,
    NzModalModule,
    NzSkeletonModule,
    NzSliderModule,
    NzTagModule,
    TranslatePipe,
    ComposeComponent,
    LoadErrorComponent,
    ApprovalPanelComponent,
    EvidenceListComponent,
    EvidenceUploadComponent,
    ReportStatusTagComponent,
    FieldComponent,
    TextAreaFieldComponent,
  ],
  templateUrl: './report-form.page.html',
  styleUrl: './report-form.page.css',
})
export class ReportFormPage {
  private readonly api = inject(ReportsApi);
  private readonly tasksApi = inject(TasksApi);
  private readonly auth = inject(AuthService);
  private readonly modal = inject(NzModalService);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);

  /** Route parameter. */
  readonly reportId = input.required<string>();

  protected readonly today = beijingToday();
  protected readonly report = rxResource({ params: () => this.reportId(), stream: ({ params }) => this.api.report(params) });
  protected readonly current = computed<ProgressReportResponse | null>(() => (this.report.hasValue() ? this.report.value() : null));
  protected readonly task = rxResource({ params: () => this.current()?.taskId, stream: ({ params }) => this.tasksApi.get(params) });
  protected readonly red = computed(() => (this.task.hasValue() ? this.task.value().health === 'red' : false));

  protected readonly allowed = computed(() => new Set(this.current()?.allowedActions ?? []));
  protected readonly editable = computed(() => this.allowed().has('edit'));
  protected readonly backLink = computed(() => (this.auth.hasAnyRole(['dept_liaison', 'dept_head']) ? '/reports' : `/tasks/${this.current()?.taskId ?? ''}`));

  // The form: reset to the server's values whenever the report is (re)read or saved.
  protected readonly content = linkedSignal(() => this.current()?.content ?? '');
  protected readonly progress = linkedSignal<number | null>(() => this.current()?.progress ?? null);
  protected readonly risks = linkedSignal(() => this.current()?.risks ?? '');
  protected readonly nextSteps = linkedSignal(() => this.current()?.nextSteps ?? '');
  protected readonly redExplanation = linkedSignal(() => this.current()?.redExplanation ?? '');
  protected readonly evidence = linkedSignal<EvidenceFileResponse[]>(() => this.current()?.evidence ?? []);
  protected readonly contribution = signal('');

  protected readonly touched = signal(false);
  /** One save, submit, merge or contribution at a time; its failure stays above the form. */
  protected readonly work = submission();
  private readonly pending = signal<Work | null>(null);
  /** Which of them runs (its button spins, the others wait). */
  protected readonly busy = computed(() => (this.work.saving() ? this.pending() : null));
  protected readonly stale = computed(() => this.work.error()?.code === 'REPORT_STALE');

  protected readonly dirty = computed(() => {
    const r = this.current();
    if (!r) return false;
    return (
      this.content() !== r.content ||
      this.progress() !== r.progress ||
      this.risks() !== r.risks ||
      this.nextSteps() !== r.nextSteps ||
      (this.redExplanation() || null) !== (r.redExplanation || null)
    );
  });
  /** Client-side checks before submitting (the API checks them too). */
  protected readonly missing = computed(() => {
    const missing = new Set<Field>();
    if (!this.content().trim()) missing.add('content');
    if (this.progress() === null) missing.add('progress');
    if (this.red() && !this.redExplanation().trim()) missing.add('redExplanation');
    return missing;
  });
  protected readonly showRed = computed(() => this.red() || !!this.current()?.redExplanation);
  protected readonly myContribution = computed(() => {
    const departmentId = this.auth.user()?.department.id;
    return this.current()?.contributions.find((c) => c.department.id === departmentId) ?? null;
  });
  /** Only tasks with co-departments (or reports that already have contributions) have this part. */
  protected readonly showContributions = computed(() => {
    const r = this.current();
    const co = this.task.hasValue() ? this.task.value().coDepartments.length : 0;
    return co > 0 || (r?.contributions.length ?? 0) > 0 || this.allowed().has('contribute');
  });
  protected readonly unmerged = computed(() => (this.current()?.contributions ?? []).filter((c) => !c.mergedAt).length);

  protected readonly uploadEvidence = (file: File): Observable<EvidenceFileResponse> => this.api.uploadEvidence('progress_report', this.reportId(), file);

  protected invalid(field: Field): boolean {
    return this.touched() && this.missing().has(field);
  }

  /** Why the form is read-only: another department's report still open, or its state. */
  protected readonly readOnlyText = computed(() => {
    const r = this.current();
    if (!r) return '';
    const open = (r.status === 'draft' || r.status === 'returned') && !r.locked;
    return open ? this.i18n.t('reports.leadFills') : this.i18n.t('reports.readOnly', { status: this.i18n.t(REPORT_STATUS_LABELS[r.status]) });
  });

  protected addEvidence(file: EvidenceFileResponse): void {
    this.evidence.update((files) => [...files, file]);
  }

  protected save(): void {
    this.run('save', this.saveIfDirty(), () => this.message.success(this.i18n.t('reports.saved')));
  }

  protected submit(): void {
    this.touched.set(true);
    if (this.missing().size > 0) return;
    this.modal.confirm({
      nzTitle: this.i18n.t('reports.submit'),
      nzContent: this.i18n.t('reports.submitConfirm'),
      nzOkText: this.i18n.t('reports.submit'),
      nzCancelText: this.i18n.t('common.cancel'),
      nzOnOk: () =>
        this.run(
          'submit',
          this.saveIfDirty().pipe(switchMap((r) => this.api.submitReport(r.id, r.version))),
          () => this.message.success(this.i18n.t('reports.submitted')),
        ),
    });
  }

  protected merge(): void {
    const n = this.unmerged();
    this.run(
      'merge',
      this.saveIfDirty().pipe(switchMap((r) => this.api.mergeContributions(r.id, r.version))),
      () => this.message.success(this.i18n.t('reports.mergeDone', { n })),
    );
  }

  protected contribute(): void {
    const text = this.contribution().trim();
    if (!text) return;
    this.run('contribute', this.api.contribute(this.reportId(), text), () => {
      this.contribution.set('');
      this.message.success(this.i18n.t('reports.contributionDone'));
    });
  }

  protected reload(): void {
    this.work.error.set(null);
    this.touched.set(false);
    this.report.reload();
    this.task.reload();
  }

  /** PATCHes the form when it differs from the report; answers the (possibly new) report. */
  private saveIfDirty(): Observable<ProgressReportResponse> {
    const r = this.current();
    if (!r) throw new Error('report not loaded');
    if (!this.dirty()) return of(r);
    const body: UpdateProgressReportRequest = {
      content: this.content(),
      risks: this.risks(),
      nextSteps: this.nextSteps(),
      redExplanation: this.redExplanation().trim() ? this.redExplanation() : null,
      version: r.version,
    };
    const progress = this.progress();
    if (progress !== null) body.progress = progress;
    // Kept at once, so a failing submit or merge afterwards does not leave a stale version behind.
    return this.api.updateReport(r.id, body).pipe(tap((saved) => this.report.set(saved)));
  }

  private run(kind: Work, call: Observable<ProgressReportResponse>, done: () => void): void {
    this.pending.set(kind);
    this.work.runAndStay(call, (report) => {
      this.touched.set(false);
      this.report.set(report);
      done();
    });
  }
}
