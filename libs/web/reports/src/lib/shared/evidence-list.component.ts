import { DatePipe, DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, model, signal } from '@angular/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import type { EvidenceFileResponse } from '@luoshi/contracts';
import { I18nService, toApiError, TranslatePipe } from '@luoshi/web/core';
import { saveBlob } from '@luoshi/web/ui';
import { ReportsApi } from '../api/reports.api';
import { formatBytes } from './report-labels';

/** Evidence files with their size, uploader and time; a click downloads (with the bearer token). Optionally ticked. */
@Component({
  selector: 'luoshi-evidence-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, NzButtonModule, NzCheckboxModule, NzEmptyModule, NzIconModule, TranslatePipe],
  template: `
    @for (file of files(); track file.id) {
      <div class="file" data-testid="evidence-item" [attr.data-name]="file.fileName">
        @if (selectable()) {
          <label nz-checkbox [nzChecked]="selected().includes(file.id)" (nzCheckedChange)="toggle(file.id, $event)" [attr.data-testid]="'evidence-pick-' + file.fileName"></label>
        }
        <nz-icon nzType="paper-clip" class="file__icon" />
        <button type="button" class="file__name" (click)="download(file)" [title]="'evidence.download' | t" data-testid="evidence-download">
          {{ file.fileName }}
        </button>
        @if (downloading() === file.id) {
          <nz-icon nzType="loading" />
        }
        <span class="file__meta">{{ size(file.size) }} · {{ file.uploadedBy.displayName }} · {{ file.uploadedAt | date: 'yyyy-MM-dd HH:mm' }}</span>
      </div>
    } @empty {
      <nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="emptyText() || ('evidence.empty' | t)" />
    }
  `,
  styles: `
    .file { display: flex; align-items: baseline; flex-wrap: wrap; gap: 6px; padding: 6px 0; border-bottom: 1px solid #f5f5f5; }
    .file:last-child { border-bottom: 0; }
    .file__icon { color: rgba(0, 0, 0, 0.6); }
    .file__name { padding: 0; border: 0; background: none; color: #0958d9; cursor: pointer; font: inherit; text-align: left; word-break: break-all; }
    .file__name:hover { text-decoration: underline; }
    .file__meta { color: rgba(0, 0, 0, 0.6); font-size: 12px; }
  `,
})
export class EvidenceListComponent {
  private readonly api = inject(ReportsApi);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(I18nService);
  private readonly document = inject(DOCUMENT);

  readonly files = input.required<readonly EvidenceFileResponse[]>();
  readonly selectable = input(false);
  readonly selected = model<string[]>([]);
  readonly emptyText = input<string>('');
  protected readonly downloading = signal<string | null>(null);

  protected size(bytes: number): string {
    return formatBytes(bytes);
  }

  protected toggle(id: string, checked: boolean): void {
    this.selected.update((ids) => (checked ? [...ids.filter((x) => x !== id), id] : ids.filter((x) => x !== id)));
  }

  protected download(file: EvidenceFileResponse): void {
    this.downloading.set(file.id);
    this.api.downloadEvidence(file.id).subscribe({
      next: (blob) => {
        this.downloading.set(null);
        saveBlob(blob, file.fileName, this.document);
      },
      error: (raw: unknown) => {
        this.downloading.set(null);
        this.message.error(this.i18n.t('evidence.downloadFailed', { message: this.i18n.errorText(toApiError(raw)) }));
      },
    });
  }
}
