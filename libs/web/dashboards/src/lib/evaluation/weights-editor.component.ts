import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSliderModule } from 'ng-zorro-antd/slider';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { EVALUATION_COMPONENTS, type EvaluationComponent, type EvaluationWeights, type EvaluationWeightsResponse } from '@luoshi/contracts';
import { I18nService, TranslatePipe } from '@luoshi/web/core';
import { submission } from '@luoshi/web/ui';
import { DashboardsApi } from '../api/dashboards.api';
import { DEFAULT_WEIGHTS, EVALUATION_COMPONENT_KEYS, sameWeights, weightsSum, weightsValid } from './weights';

/** The four weights: editable by office_admin (slider + number, must add up to 100), read-only for others. */
@Component({
  selector: 'luoshi-weights-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, FormsModule, NzAlertModule, NzButtonModule, NzCardModule, NzInputNumberModule, NzSliderModule, NzTagModule, TranslatePipe],
  template: `
    <nz-card nzSize="small" [nzTitle]="(editable() ? 'evaluation.weights' : 'evaluation.weightsView') | t" [nzExtra]="state" data-testid="weights-card">
      @if (editable()) {
        <p class="hint">{{ 'evaluation.weightsHint' | t }}</p>
      }
      @for (c of components; track c) {
        <div class="weight" [attr.data-testid]="'weight-' + c">
          <span class="weight__label">{{ componentKeys[c] | t }}</span>
          @if (editable()) {
            <nz-slider class="weight__slider" [nzMin]="0" [nzMax]="100" [ngModel]="draft()[c]" (ngModelChange)="set(c, $event)" />
            <nz-input-number class="weight__input" [nzMin]="0" [nzMax]="100" [nzPrecision]="0" [ngModel]="draft()[c]" (ngModelChange)="set(c, $event)" [attr.data-testid]="'weight-input-' + c" />
          } @else {
            <span class="weight__bar"><span [style.width.%]="draft()[c]"></span></span>
            <b class="weight__value">{{ draft()[c] }}</b>
          }
        </div>
      }
      <div class="sum" [class.sum--bad]="sum() !== 100" data-testid="weights-sum">{{ 'evaluation.weightsSum' | t: { sum: sum() } }}</div>
      @if (editable()) {
        @if (!valid()) {
          <nz-alert nzType="error" nzShowIcon [nzMessage]="'evaluation.weightsInvalid' | t: { sum: sum() }" class="alert" data-testid="weights-invalid" />
        }
        @if (weightsSave.errorText(); as message) {
          <nz-alert nzType="error" nzShowIcon [nzMessage]="message" class="alert" data-testid="weights-error" />
        }
        <div class="actions">
          <button nz-button (click)="restoreDefaults()" data-testid="weights-defaults">{{ 'evaluation.restoreDefaults' | t }}</button>
          <button nz-button nzType="primary" [disabled]="!valid() || unchanged()" [nzLoading]="weightsSave.saving()" (click)="save()" data-testid="weights-save">{{ 'common.save' | t }}</button>
        </div>
      }
      @if (current(); as w) {
        <p class="rules">{{ 'evaluation.rules' | t: { days: w.rules.acceptanceWindowWorkingDays, points: w.rules.overduePointsPerWorkingDay } }}</p>
      }
    </nz-card>
    <ng-template #state>
      @if (current(); as w) {
        @if (w.customized && w.updatedAt) {
          <nz-tag nzColor="blue">{{ 'evaluation.customized' | t: { at: (w.updatedAt | date: 'yyyy-MM-dd') ?? '' } }}</nz-tag>
        } @else {
          <nz-tag>{{ 'evaluation.weightsDefault' | t }}</nz-tag>
        }
      }
    </ng-template>
  `,
  styles: `
    .hint { margin: 0 0 8px; color: rgba(0, 0, 0, 0.6); }
    .weight { display: flex; align-items: center; gap: 12px; min-height: 40px; }
    .weight__label { width: 72px; flex: none; }
    .weight__slider { flex: 1; }
    .weight__input { width: 76px; }
    .weight__bar { flex: 1; height: 8px; border-radius: 4px; background: #f0f0f0; overflow: hidden; }
    .weight__bar span { display: block; height: 100%; background: #1677ff; }
    .weight__value { width: 28px; text-align: right; font-variant-numeric: tabular-nums; }
    .sum { margin: 8px 0; text-align: right; font-weight: 600; color: #237804; }
    .sum--bad { color: #cf1322; }
    .alert { margin-bottom: 8px; }
    .actions { display: flex; justify-content: flex-end; gap: 8px; }
    .rules { margin: 12px 0 0; font-size: 12px; color: rgba(0, 0, 0, 0.6); }
  `,
})
export class WeightsEditorComponent {
  private readonly api = inject(DashboardsApi);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(I18nService);
  readonly current = input<EvaluationWeightsResponse | null>(null);
  readonly editable = input(false);
  readonly saved = output<EvaluationWeightsResponse>();

  protected readonly components = EVALUATION_COMPONENTS;
  protected readonly componentKeys = EVALUATION_COMPONENT_KEYS;
  protected readonly draft = linkedSignal<EvaluationWeights>(() => ({ ...(this.current()?.weights ?? DEFAULT_WEIGHTS) }));
  protected readonly sum = computed(() => weightsSum(this.draft()));
  protected readonly valid = computed(() => weightsValid(this.draft()));
  protected readonly unchanged = computed(() => {
    const current = this.current();
    return !!current && sameWeights(current.weights, this.draft());
  });
  protected readonly weightsSave = submission();

  protected set(c: EvaluationComponent, value: number | null): void {
    this.draft.update((w) => ({ ...w, [c]: value === null || !Number.isFinite(value) ? 0 : Math.round(value) }));
  }

  protected restoreDefaults(): void {
    this.draft.set({ ...DEFAULT_WEIGHTS });
  }

  protected save(): void {
    if (!this.valid()) return;
    this.weightsSave.runAndStay(this.api.setWeights(this.draft()), (result) => {
      this.message.success(this.i18n.t('evaluation.weightsSaved'));
      this.saved.emit(result);
    });
  }
}
