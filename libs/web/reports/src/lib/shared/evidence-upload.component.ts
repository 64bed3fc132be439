import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzUploadModule, type NzUploadFile } from 'ng-zorro-antd/upload';
import type { Observable } from 'rxjs';
import { I18nService, toApiError, type TranslationKey, TranslatePipe } from '@luoshi/web/core';
import { injectHandset } from '@luoshi/web/ui';

/** A phone's own picker: the camera takes one photo (`capture`), the album any number. */
interface PhonePick {
  icon: string;
  text: TranslationKey;
  capture: 'environment' | null;
  testSuffix: string;
}

const PHONE_PICKS: readonly PhonePick[] = [
  { icon: 'camera', text: 'daily.takePhoto', capture: 'environment', testSuffix: '-camera' },
  { icon: 'picture', text: 'daily.album', capture: null, testSuffix: '-album' },
];

interface Problem {
  id: number;
  text: string;
}

/**
 * Drag & drop (or click) upload. Files go to the API one after another through `upload`; the API
 * decides the type by content and the size, and its message (400 name, 413 size, 415 type) is shown
 * per file. Nothing is checked here, so the user always sees the server's reason.
 * On a phone two more buttons open the camera (`accept="image/*" capture="environment"`) and the
 * photo album (`accept="image/*"`); the drop area still takes every other type.
 */
@Component({
  selector: 'luoshi-evidence-upload',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzAlertModule, NzIconModule, NzUploadModule, TranslatePipe],
  template: `
    <nz-upload
      nzType="drag"
      [nzMultiple]="multiple()"
      [nzAccept]="accept() ?? ''"
      [nzBeforeUpload]="beforeUpload"
      [nzShowUploadList]="false"
      [nzDisabled]="disabled()"
      [attr.data-testid]="testId()"
    >
      <p class="ant-upload-drag-icon"><nz-icon [nzType]="busy() ? 'loading' : 'inbox'" class="drop-icon" /></p>
      <p class="ant-upload-text">{{ busy() ? ('evidence.uploading' | t: { name: busy() ?? '' }) : ('evidence.drop' | t) }}</p>
      <p class="ant-upload-hint">{{ hint() || ('evidence.dropHint' | t) }}</p>
    </nz-upload>
    @if (handset() && photos()) {
      <div class="phone-picks">
        @for (pick of phonePicks; track pick.testSuffix) {
          <label class="ant-btn ant-btn-default phone-pick" [class.ant-btn-disabled]="disabled()">
            <nz-icon [nzType]="pick.icon" />
            <span>{{ pick.text | t }}</span>
            <input
              class="phone-pick__input"
              type="file"
              accept="image/*"
              [attr.capture]="pick.capture"
              [multiple]="pick.capture ? false : multiple()"
              [disabled]="disabled()"
              (change)="picked($event)"
              [attr.data-testid]="testId() + pick.testSuffix"
            />
          </label>
        }
      </div>
    }
    @for (problem of problems(); track problem.id) {
      <nz-alert class="problem" nzType="error" nzShowIcon nzCloseable [nzMessage]="problem.text" (nzOnClose)="dismiss(problem.id)" data-testid="upload-error" />
    }
  `,
  styles: `
    :host { display: block; }
    .drop-icon { font-size: 36px; color: #0958d9; }
    .problem { margin-top: 8px; }
    .phone-picks { display: flex; gap: 8px; margin-top: 8px; }
    .phone-pick { position: relative; flex: 1; display: inline-flex; align-items: center; justify-content: center; gap: 6px; height: 40px; overflow: hidden; }
    .phone-pick__input { position: absolute; inset: 0; opacity: 0; cursor: pointer; }
  `,
})
export class EvidenceUploadComponent<T = unknown> {
  private readonly i18n = inject(I18nService);
  private readonly message = inject(NzMessageService);

  /** Sends one file (e.g. ReportsApi.uploadEvidence bound to the owner). */
  readonly upload = input.required<(file: File) => Observable<T>>();
  /** Unset by default: a dropped file of another type reaches the API, which says why it is refused. */
  readonly accept = input<string | null>(null);
  readonly hint = input('');
  readonly multiple = input(true);
  readonly disabled = input(false);
  readonly testId = input('evidence-upload');
  /** Offer the camera and the album on a phone (off for uploads that must be documents). */
  readonly photos = input(true);
  protected readonly handset = injectHandset();
  protected readonly phonePicks = PHONE_PICKS;
  readonly uploaded = output<T>();

  /** The name of the file being sent. */
  protected readonly busy = signal<string | null>(null);
  protected readonly problems = signal<Problem[]>([]);
  private readonly queue: File[] = [];
  private nextId = 1;

  /** nz-upload hands each file here; we send it ourselves (false stops nz-upload's own request). */
  protected readonly beforeUpload = (file: NzUploadFile): boolean => {
    this.queue.push(file as unknown as File);
    if (!this.busy()) this.sendNext();
    return false;
  };

  /** A photo from the phone's camera or album: queued like a dropped file. */
  protected picked(event: Event): void {
    const input = event.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    input.value = '';
    this.queue.push(...files);
    if (files.length > 0 && !this.busy()) this.sendNext();
  }

  protected dismiss(id: number): void {
    this.problems.update((list) => list.filter((p) => p.id !== id));
  }

  private sendNext(): void {
    const file = this.queue.shift();
    if (!file) {
      this.busy.set(null);
      return;
    }
    this.busy.set(file.name);
    this.upload()(file).subscribe({
      next: (result) => {
        this.message.success(this.i18n.t('evidence.uploaded', { name: file.name }));
        this.uploaded.emit(result);
        this.sendNext();
      },
      error: (raw: unknown) => {
        const text = this.i18n.t('evidence.failed', { name: file.name, message: this.i18n.errorText(toApiError(raw)) });
        this.problems.update((list) => [...list, { id: this.nextId++, text }]);
        this.sendNext();
      },
    });
  }
}
