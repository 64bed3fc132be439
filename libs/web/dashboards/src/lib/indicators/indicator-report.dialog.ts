import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NZ_MODAL_DATA } from 'ng-zorro-antd/modal';
import type { IndicatorTrackingResponse, IndicatorValueResponse } from '@luoshi/contracts';
import { TranslatePipe } from '@luoshi/web/core';
import { FieldComponent, formDialog, FormDialogComponent } from '@luoshi/web/ui';
import { IndicatorsApi } from '../api/indicators.api';

/** The responsible department reports one year's value with its source; the office reviews it. */
@Component({
  selector: 'luoshi-indicator-report-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzFormModule, NzInputModule, NzInputNumberModule, TranslatePipe, FormDialogComponent, FieldComponent],
  template: `
    <luoshi-form-dialog [state]="dialog" formId="indicator-report-form" [okText]="'indicators.report' | t" [hint]="'indicators.reportHint' | t">
      <form nz-form nzLayout="vertical" (ngSubmit)="submit()" id="indicator-report-form">
        <div class="form-grid">
          <luoshi-field [label]="'indicators.year' | t" for="report-year" [required]="true" [status]="touched() && year() === null ? 'error' : ''" [error]="'indicators.yearRequired' | t">
            <nz-input-number nzId="report-year" class="full" [nzMin]="1949" [nzMax]="thisYear" [nzPrecision]="0" [ngModel]="year()" (ngModelChange)="year.set($event ?? null)" name="year" data-testid="report-year" />
          </luoshi-field>
          <luoshi-field
            [label]="('indicators.value' | t) + '（' + data.unit + '）'"
            for="report-value"
            [required]="true"
            [status]="touched() && value() === null ? 'error' : ''"
            [error]="'indicators.valueRequired' | t"
          >
            <nz-input-number nzId="report-value" class="full" [ngModel]="value()" (ngModelChange)="value.set($event ?? null)" name="value" data-testid="report-value" />
          </luoshi-field>
        </div>
        <luoshi-field [label]="'indicators.note' | t" for="report-note" [required]="true" [status]="touched() && !note().trim() ? 'error' : ''" [error]="'indicators.noteRequired' | t">
          <textarea nz-input id="report-note" rows="3" maxlength="500" [placeholder]="'indicators.notePlaceholder' | t" [ngModel]="note()" (ngModelChange)="note.set($event)" name="note" data-testid="report-note"></textarea>
        </luoshi-field>
      </form>
    </luoshi-form-dialog>
  `,
  styles: `.full { width: 100%; } .hint { margin: 0 0 12px; color: rgba(0, 0, 0, 0.6); }`,
})
export class IndicatorReportDialog {
  protected readonly data = inject<IndicatorTrackingResponse>(NZ_MODAL_DATA);
  private readonly api = inject(IndicatorsApi);
  protected readonly thisYear = new Date().getFullYear();

  protected readonly year = signal<number | null>(this.thisYear - 1);
  protected readonly value = signal<number | null>(null);
  protected readonly note = signal('');
  protected readonly touched = signal(false);
  protected readonly dialog = formDialog<IndicatorValueResponse>();

  protected submit(): void {
    this.touched.set(true);
    const year = this.year();
    const value = this.value();
    const note = this.note().trim();
    if (year === null || value === null || !note) return;
    this.dialog.submit(this.api.report(this.data.id, { year, value, note }));
  }
}
