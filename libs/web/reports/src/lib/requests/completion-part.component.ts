import { ChangeDetectionStrategy, Component, computed, forwardRef, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { Observable } from 'rxjs';
import type { CompletionRequestPayload, EvidenceFileResponse, TaskDetailResponse } from '@luoshi/contracts';
import { TranslatePipe } from '@luoshi/web/core';
import { FieldComponent } from '@luoshi/web/ui';
import { ReportsApi } from '../api/reports.api';
import { EvidenceListComponent } from '../shared/evidence-list.component';
import { EvidenceUploadComponent } from '../shared/evidence-upload.component';
import { RequestPart } from './request-part';

/**
 * 办结申请's part: the evidence it cites — files uploaded to the task (or dropped here), ticked.
 * Sent even with none ticked: the API's refusal names the rule (at least one).
 */
@Component({
  selector: 'luoshi-completion-part',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [{ provide: RequestPart, useExisting: forwardRef(() => CompletionPartComponent) }],
  imports: [TranslatePipe, FieldComponent, EvidenceListComponent, EvidenceUploadComponent],
  template: `
    <luoshi-field [label]="'taskRequests.evidence' | t" [required]="true">
      <p class="hint">{{ 'taskRequests.evidenceHint' | t }}</p>
      <luoshi-evidence-upload [upload]="upload" (uploaded)="added($event)" testId="completion-upload" />
      <luoshi-evidence-list class="files" [files]="files()" [selectable]="true" [(selected)]="selected" [emptyText]="'taskRequests.noEvidence' | t" />
    </luoshi-field>
  `,
  styles: `
    .hint { margin: 0 0 8px; color: rgba(0, 0, 0, 0.6); font-size: 12px; }
    .files { display: block; margin-top: 8px; }
  `,
})
export class CompletionPartComponent extends RequestPart<'completion_request'> {
  private readonly api = inject(ReportsApi);
  readonly task = input.required<TaskDetailResponse>();
  readonly touched = input(false);

  protected readonly selected = signal<string[]>([]);
  private readonly uploaded = signal<EvidenceFileResponse[]>([]);
  private readonly existing = rxResource({ params: () => this.task().id, stream: ({ params }) => this.api.evidence('task', params) });
  protected readonly files = computed(() => {
    const before = this.existing.hasValue() ? this.existing.value() : [];
    return [...before, ...this.uploaded().filter((u) => !before.some((b) => b.id === u.id))];
  });

  readonly payload = computed<CompletionRequestPayload>(() => ({ evidenceIds: this.selected() }));

  protected readonly upload = (file: File): Observable<EvidenceFileResponse> => this.api.uploadEvidence('task', this.task().id, file);

  protected added(file: EvidenceFileResponse): void {
    this.uploaded.update((files) => [...files, file]);
    this.selected.update((ids) => [...ids, file.id]);
  }
}
