import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NZ_MODAL_DATA, NzModalModule, NzModalRef } from 'ng-zorro-antd/modal';
import type { IndicatorTrackingResponse, IndicatorValueResponse } from '@luoshi/contracts';
import { type ApiError, I18nService, toApiError, TranslatePipe } from '@luoshi/web/core';
import { IndicatorsApi } from '../api/indicators.api';

/** The responsible department reports one year's value with its source; the office reviews it. */
@Component({
  selector: 'luoshi-indicator-report-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzFormModule, NzInputModule, NzInputNumberModule, NzModalModule, TranslatePipe],
  template: `
    <p class="hint">{{ 'indicators.reportHint' | t }}</p>
    @if (errorText(); as message) {
      <nz-alert nzType="error" nzShowIcon [nzMessage]="message" class="dialog-alert" data-testid="dialog-error" />
    }
    <form nz-form nzLayout="vertical" (ngSubmit)="submit()" id="indicator-report-form">
      <div class="form-grid">
        <nz-form-item>
          <nz-form-label nzFor="report-year" nzRequired>{{ 'indicators.year' | t }}</nz-form-label>
          <nz-form-control [nzValidateStatus]="touched() && year() === null ? 'error' : ''" [nzErrorTip]="'indicators.yearRequired' | t">
            <nz-input-number nzId="report-year" class="full" [nzMin]="1949" [nzMax]="thisYear" [nzPrecision]="0" [ngModel]="year()" (ngModelChange)="year.set($event ?? null)" name="year" data-testid="report-year" />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzFor="report-value" nzRequired>{{ 'indicators.value' | t }}（{{ data.unit }}）</nz-form-label>
          <nz-form-control [nzValidateStatus]="touched() && value() === null ? 'error' : ''" [nzErrorTip]="'indicators.valueRequired' | t">
            <nz-input-number nzId="report-value" class="full" [ngModel]="value()" (ngModelChange)="value.set($event ?? null)" name="value" data-testid="report-value" />
          </nz-form-control>
        </nz-form-item>
      </div>
      <nz-form-item>
        <nz-form-label nzFor="report-note" nzRequired>{{ 'indicators.note' | t }}</nz-form-label>
        <nz-form-control [nzValidateStatus]="touched() && !note().trim() ? 'error' : ''" [nzErrorTip]="'indicators.noteRequired' | t">
          <textarea nz-input id="report-note" rows="3" maxlength="500" [placeholder]="'indicators.notePlaceholder' | t" [ngModel]="note()" (ngModelChange)="note.set($event)" name="note" data-testid="report-note"></textarea>
        </nz-form-control>
      </nz-form-item>
    </form>
    <div *nzModalFooter>
      <button nz-button type="button" (click)="modal.destroy()">{{ 'common.cancel' | t }}</button>
      <button nz-button nzType="primary" type="submit" form="indicator-report-form" [nzLoading]="saving()" data-testid="dialog-submit">{{ 'indicators.report' | t }}</button>
    </div>
  `,
  styles: `.full { width: 100%; } .hint { margin: 0 0 12px; color: rgba(0, 0, 0, 0.6); }`,
})
export class IndicatorReportDialog {
  protected readonly data = inject<IndicatorTrackingResponse>(NZ_MODAL_DATA);
  protected readonly modal = inject<NzModalRef<IndicatorReportDialog, IndicatorValueResponse>>(NzModalRef);
  private readonly api = inject(IndicatorsApi);
  private readonly i18n = inject(I18nService);
  protected readonly thisYear = new Date().getFullYear();

  protected readonly year = signal<number | null>(this.thisYear - 1);
  protected readonly value = signal<number | null>(null);
  protected readonly note = signal('');
  protected readonly touched = signal(false);
  protected readonly saving = signal(false);
  private readonly error = signal<ApiError | null>(null);
  protected readonly errorText = computed(() => {
    const error = this.error();
    return error ? this.i18n.errorText(error) : null;
  });

  protected submit(): void {
    this.touched.set(true);
    const year = this.year();
    const value = this.value();
    const note = this.note().trim();
    if (year === null || value === null || !note || this.saving()) return;
    this.saving.set(true);
    this.error.set(null);
    this.api.report(this.data.id, { year, value, note }).subscribe({
      next: (created) => this.modal.close(created),
      error: (raw: unknown) => {
        this.saving.set(false);
        this.error.set(toApiError(raw));
      },
    });
  }
}
