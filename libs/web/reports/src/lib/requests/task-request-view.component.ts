import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { type TaskRequestChange, type TaskRequestResponse, TASK_STATUSES, type TaskStatus } from '@luoshi/contracts';
import { I18nService, TASK_STATUS_LABELS, TranslatePipe } from '@luoshi/web/core';
import { EvidenceListComponent } from '../shared/evidence-list.component';
import { ReportStatusTagComponent } from '../shared/report-status-tag.component';
import { CHANGE_FIELD_LABELS, REQUEST_KINDS } from './request-labels';

/**
 * `<luoshi-task-request-view [request]>` — one request of any kind, read the same way wherever it
 * shows (the task's list, the approval page): kind and status, what it changes (field: from → to),
 * the reason, the evidence it cites and the last return comment. Content projected into it joins
 * the head line (who filed it, a link to its approval …).
 */
@Component({
  selector: 'luoshi-task-request-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzTagModule, TranslatePipe, EvidenceListComponent, ReportStatusTagComponent],
  template: `
    <div class="head">
      <nz-tag class="head__kind" [nzColor]="texts().color" data-testid="request-kind">{{ texts().label | t }}</nz-tag>
      <luoshi-report-status-tag [status]="request().status" />
      <ng-content />
    </div>
    @if (request().changes.length > 0) {
      <table class="changes" data-testid="request-changes">
        <thead>
          <tr>
            <th scope="col">{{ 'taskRequests.changeField' | t }}</th>
            <th scope="col">{{ 'taskRequests.changeFrom' | t }}</th>
            <th scope="col">{{ 'taskRequests.changeTo' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (c of request().changes; track c.field) {
            <tr data-testid="change-row" [attr.data-field]="c.field">
              <th scope="row">{{ fieldLabel(c) }}</th>
              <td class="changes__from" data-testid="change-from">{{ value(c, c.from) }}</td>
              <td class="changes__to" data-testid="change-to">{{ value(c, c.to) }}</td>
            </tr>
          }
        </tbody>
      </table>
    }
    <div class="reason">
      <span class="label">{{ texts().reason | t }}</span>
      <span class="text" data-testid="request-reason">{{ request().reason }}</span>
    </div>
    @if (request().evidence.length > 0) {
      <luoshi-evidence-list class="evidence" [files]="request().evidence" />
    }
    @if (request().returnComment; as comment) {
      <div class="comment" data-testid="request-return-comment">{{ 'taskRequests.returnComment' | t: { comment } }}</div>
    }
  `,
  styles: `
    :host { display: block; }
    .head { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
    .head__kind { margin: 0; }
    .changes { width: 100%; margin-top: 8px; border-collapse: collapse; font-size: 13px; }
    .changes th, .changes td { padding: 4px 8px; border: 1px solid #f0f0f0; text-align: left; vertical-align: top; white-space: pre-wrap; }
    .changes thead th { background: #fafafa; font-weight: 500; }
    .changes tbody th { width: 96px; font-weight: 400; color: rgba(0, 0, 0, 0.6); }
    .changes__from { color: rgba(0, 0, 0, 0.6); text-decoration: line-through; }
    .changes__to { font-weight: 500; }
    .reason { display: flex; gap: 8px; margin-top: 8px; }
    .label { flex: none; color: rgba(0, 0, 0, 0.6); }
    .text { white-space: pre-wrap; line-height: 1.8; }
    .evidence { display: block; margin-top: 4px; }
    .comment { margin-top: 4px; color: #ad4e00; }
  `,
})
export class TaskRequestViewComponent {
  private readonly i18n = inject(I18nService);
  readonly request = input.required<TaskRequestResponse>();
  protected readonly texts = computed(() => REQUEST_KINDS[this.request().kind]);

  protected fieldLabel(change: TaskRequestChange): string {
    return this.i18n.t(CHANGE_FIELD_LABELS[change.field]);
  }

  /** The server's text; a status by its name, a missing deadline as 长期 / 未设定. */
  protected value(change: TaskRequestChange, value: string | null): string {
    if (value === null) return change.field === 'dueDate' ? this.i18n.t('taskRequests.noDue') : '—';
    if (change.field === 'status' && (TASK_STATUSES as readonly string[]).includes(value)) return this.i18n.t(TASK_STATUS_LABELS[value as TaskStatus]);
    return value || '—';
  }
}
