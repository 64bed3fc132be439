import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import type { CorrectionMode, CorrectionResponse, PlanImportResponse } from '@luoshi/contracts';
import { TranslatePipe } from '@luoshi/web/core';

/**
 * The corruption verdict with its evidence (spinner-only words and counts), the correction mode
 * (auto / on / off) and the corrections the office rejected, each of which can be restored.
 */
@Component({
  selector: 'luoshi-correction-verdict',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe, FormsModule, NzAlertModule, NzButtonModule, NzRadioModule, NzSpinModule, NzTagModule, TranslatePipe],
  template: `
    @let c = result().corruption;
    <div class="verdict" data-testid="correction-check">
      <nz-alert
        [nzType]="c.corrupted ? 'warning' : 'success'"
        nzShowIcon
        [nzMessage]="(c.corrupted ? 'importCheck.corruptedTitle' : 'importCheck.cleanTitle') | t"
        [nzDescription]="details"
        [attr.data-corrupted]="c.corrupted"
        data-testid="corruption-verdict"
      />
      <ng-template #details>
        <div class="facts">
          <span data-testid="corruption-score">{{ 'importCheck.score' | t: { score: (c.score | number: '1.0-2') ?? '', threshold: c.threshold } }}</span>
          <span>{{ 'importCheck.candidates' | t: { n: c.candidates } }}</span>
          <span>{{ (c.applied ? 'importCheck.appliedOn' : 'importCheck.appliedOff') | t }}</span>
        </div>
        <div class="evidence" data-testid="corruption-evidence">
          <span class="label">{{ 'importCheck.evidence' | t }}：</span>
          @for (e of c.evidence; track e.term) {
            <nz-tag data-testid="evidence-term">{{ e.term }} × {{ e.count }}</nz-tag>
          } @empty {
            <span class="muted">{{ 'importCheck.noEvidence' | t }}</span>
          }
        </div>
      </ng-template>

      <div class="mode">
        <span class="label">{{ 'importCheck.mode' | t }}</span>
        <nz-radio-group
          nzButtonStyle="solid"
          nzSize="small"
          [ngModel]="result().options.correctionMode"
          (ngModelChange)="modeChange.emit($event)"
          [nzDisabled]="busy()"
          data-testid="correction-mode"
        >
          @for (m of modes; track m.value) {
            <label nz-radio-button [nzValue]="m.value" [attr.data-testid]="'mode-' + m.value">{{ m.label | t }}</label>
          }
        </nz-radio-group>
        @if (busy()) {
          <span class="busy" data-testid="preview-refreshing"><nz-spin nzSimple nzSize="small" /> {{ 'importCheck.refreshing' | t }}</span>
        }
      </div>

      @if (rejected().length > 0) {
        <div class="rejected" data-testid="rejected-corrections">
          <span class="label">{{ 'importCheck.rejectedCount' | t: { n: rejected().length } }}</span>
          @for (fix of rejected(); track fix.id) {
            <nz-tag
              nzMode="closeable"
              (nzOnClose)="$event.preventDefault(); restore.emit(fix.id)"
              [title]="fix.wrong + ' → ' + (fix.right || '∅')"
              data-testid="rejected-correction"
            >
              {{ fix.wrong }}
            </nz-tag>
          }
          <button nz-button nzType="link" nzSize="small" [disabled]="busy()" (click)="restoreAll.emit()">{{ 'importCheck.restoreAll' | t }}</button>
        </div>
      }
    </div>
  `,
  styles: `
    .verdict { display: flex; flex-direction: column; gap: 10px; margin-bottom: 16px; }
    .facts { display: flex; flex-wrap: wrap; gap: 16px; margin-bottom: 6px; }
    .evidence { display: flex; flex-wrap: wrap; align-items: center; gap: 4px; }
    .label { color: rgba(0, 0, 0, 0.6); margin-right: 8px; }
    .muted { color: rgba(0, 0, 0, 0.6); }
    .mode, .rejected { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
    .busy { margin-left: 8px; color: rgba(0, 0, 0, 0.6); }
  `,
})
export class CorrectionVerdictComponent {
  readonly result = input.required<PlanImportResponse>();
  /** Corrections the office rejected (they are not in the preview's corrections any more). */
  readonly rejected = input<readonly CorrectionResponse[]>([]);
  readonly busy = input(false);
  readonly modeChange = output<CorrectionMode>();
  readonly restore = output<string>();
  readonly restoreAll = output<void>();

  protected readonly modes = [
    { value: 'auto', label: 'importCheck.modeAuto' },
    { value: 'on', label: 'importCheck.modeOn' },
    { value: 'off', label: 'importCheck.modeOff' },
  ] as const;
}
