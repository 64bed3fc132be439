import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NZ_MODAL_DATA, NzModalModule, NzModalRef } from 'ng-zorro-antd/modal';
import type { Observable } from 'rxjs';
import type { CompletionRequestResponse, EvidenceFileResponse, TaskResponse } from '@luoshi/contracts';
import { type ApiError, I18nService, toApiError, TranslatePipe } from '@luoshi/web/core';
import { ReportsApi } from '../api/reports.api';
import { EvidenceListComponent } from '../shared/evidence-list.component';
import { EvidenceUploadComponent } from '../shared/evidence-upload.component';

export interface CompletionRequestData {
  task: TaskResponse;
}

/**
 * 申请办结: a summary and the evidence it cites — files uploaded to the task (drag & drop here),
 * ticked. The API refuses a request without evidence (COMPLETION_EVIDENCE_REQUIRED); its message shows.
 */
@Component({
  selector: 'luoshi-completion-request-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzFormModule, NzInputModule, NzModalModule, TranslatePipe, EvidenceListComponent, EvidenceUploadComponent],
  template: `
    @if (errorText(); as message) {
      <nz-alert nzType="error" nzShowIcon [nzMessage]="message" class="dialog-alert" data-testid="dialog-error" />
    }
    <form nz-form nzLayout="vertical" (ngSubmit)="submit()" id="completion-form">
      <nz-form-item>
        <nz-form-label nzFor="completion-summary" nzRequired>{{ 'taskRequests.summary' | t }}</nz-form-label>
        <nz-form-control [nzValidateStatus]="touched() && !summary().trim() ? 'error' : ''" [nzErrorTip]="'taskRequests.summaryRequired' | t">
          <textarea
            nz-input
            id="completion-summary"
            name="summary"
            rows="4"
            maxlength="5000"
            [placeholder]="'taskRequests.summaryPlaceholder' | t"
            [ngModel]="summary()"
            (ngModelChange)="summary.set($event)"
            data-testid="completion-summary"
          ></textarea>
        </nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <nz-form-label nzRequired>{{ 'taskRequests.evidence' | t }}</nz-form-label>
        <nz-form-control>
          <p class="hint">{{ 'taskRequests.evidenceHint' | t }}</p>
          <luoshi-evidence-upload [upload]="upload" (uploaded)="added($event)" testId="completion-upload" />
          <luoshi-evidence-list class="files" [files]="files()" [selectable]="true" [(selected)]="selected" [emptyText]="'taskRequests.noEvidence' | t" />
        </nz-form-control>
      </nz-form-item>
    </form>
    <div *nzModalFooter>
      <button nz-button type="button" (click)="cancel()">{{ 'common.cancel' | t }}</button>
      <button nz-button nzType="primary" type="submit" form="completion-form" [nzLoading]="saving()" data-testid="dialog-submit">{{ 'taskRequests.submit' | t }}</button>
    </div>
  `,
  styles: `
    .hint { margin: 0 0 8px; color: rgba(0, 0, 0, 0.6); font-size: 12px; }
    .files { display: block; margin-top: 8px; }
  `,
})
export class CompletionRequestDialog {
  protected readonly data = inject<CompletionRequestData>(NZ_MODAL_DATA);
  private readonly modal = inject<NzModalRef<CompletionRequestDialog, CompletionRequestResponse>>(NzModalRef);
  private readonly api = inject(ReportsApi);
  private readonly i18n = inject(I18nService);

  protected readonly summary = signal('');
  protected readonly selected = signal<string[]>([]);
  private readonly uploaded = signal<EvidenceFileResponse[]>([]);
  private readonly existing = rxResource({ stream: () => this.api.evidence('task', this.data.task.id) });
  protected readonly files = computed(() => {
    const before = this.existing.hasValue() ? this.existing.value() : [];
    return [...before, ...this.uploaded().filter((u) => !before.some((b) => b.id === u.id))];
  });
  protected readonly touched = signal(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly errorText = computed(() => {
    const error = this.error();
    return error ? this.i18n.errorText(error) : null;
  });

  protected readonly upload = (file: File): Observable<EvidenceFileResponse> => this.api.uploadEvidence('task', this.data.task.id, file);

  protected added(file: EvidenceFileResponse): void {
    this.uploaded.update((files) => [...files, file]);
    this.selected.update((ids) => [...ids, file.id]);
  }

  protected cancel(): void {
    this.modal.destroy();
  }

  protected submit(): void {
    this.touched.set(true);
    if (!this.summary().trim() || this.saving()) return;
    this.saving.set(true);
    this.error.set(null);
    // Sent even without evidence: the API's refusal names the rule.
    this.api.requestCompletion(this.data.task.id, { summary: this.summary().trim(), evidenceIds: this.selected() }).subscribe({
      next: (result) => this.modal.close(result),
      error: (raw: unknown) => {
        this.saving.set(false);
        this.error.set(toApiError(raw));
      },
    });
  }
}
