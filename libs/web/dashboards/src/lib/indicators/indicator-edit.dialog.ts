import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NZ_MODAL_DATA } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { type IndicatorDetailResponse, type IndicatorTrackingResponse } from '@luoshi/contracts';
import { I18nService, TranslatePipe } from '@luoshi/web/core';
import { departmentDirectory, FieldComponent, formDialog, FormDialogComponent } from '@luoshi/web/ui';
import { IndicatorsApi } from '../api/indicators.api';

/** office_admin: the indicator's responsible department and baseline (value and year set or cleared together). */
@Component({
  selector: 'luoshi-indicator-edit-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzFormModule, NzInputNumberModule, NzSelectModule, TranslatePipe, FormDialogComponent, FieldComponent],
  template: `
    <luoshi-form-dialog [state]="dialog" formId="indicator-edit-form" [okText]="'common.save' | t" [disabled]="incomplete()">
      <form nz-form nzLayout="vertical" (ngSubmit)="save()" id="indicator-edit-form">
        <luoshi-field [label]="'indicators.responsible' | t" for="responsible">
          <nz-select
            nzId="responsible"
            nzShowSearch
            nzAllowClear
            [nzOptions]="departments.options()"
            [nzPlaceHolder]="'indicators.responsiblePlaceholder' | t"
            [ngModel]="department()"
            (ngModelChange)="department.set($event ?? null)"
            name="department"
            data-testid="indicator-department"
          />
        </luoshi-field>
        <div class="form-grid">
          <luoshi-field [label]="'indicators.baselineValue' | t" for="baseline-value" [status]="incomplete() ? 'error' : ''">
            <nz-input-number
              nzId="baseline-value"
              class="full"
              [ngModel]="baseline()"
              (ngModelChange)="baseline.set($event ?? null)"
              name="baseline"
              data-testid="indicator-baseline"
            />
            <span class="unit">{{ data.unit }}</span>
          </luoshi-field>
          <luoshi-field [label]="'indicators.baselineYear' | t" for="baseline-year" [status]="incomplete() ? 'error' : ''" [error]="'indicators.baselineIncomplete' | t">
            <nz-input-number
              nzId="baseline-year"
              class="full"
              [nzMin]="1949"
              [nzMax]="2100"
              [nzPrecision]="0"
              [ngModel]="baselineYear()"
              (ngModelChange)="baselineYear.set($event ?? null)"
              name="baselineYear"
              data-testid="indicator-baseline-year"
            />
          </luoshi-field>
        </div>
        @if (incomplete()) {
          <div class="error-text">{{ 'indicators.baselineIncomplete' | t }}</div>
        }
      </form>
    </luoshi-form-dialog>
  `,
  styles: `
    .full { width: 100%; }
    .unit { margin-left: 8px; color: rgba(0, 0, 0, 0.6); }
    .error-text { color: #cf1322; margin-top: -8px; }
    :host ::ng-deep .form-grid nz-form-control .ant-form-item-control-input-content { display: flex; align-items: center; }
  `,
})
export class IndicatorEditDialog {
  protected readonly data = inject<IndicatorTrackingResponse>(NZ_MODAL_DATA);
  private readonly api = inject(IndicatorsApi);
  private readonly i18n = inject(I18nService);

  protected readonly department = signal<string | null>(this.data.responsibleDepartment?.code ?? null);
  protected readonly baseline = signal<number | null>(this.data.baseline?.value ?? null);
  protected readonly baselineYear = signal<number | null>(this.data.baseline?.year ?? null);
  protected readonly incomplete = computed(() => (this.baseline() === null) !== (this.baselineYear() === null));
  protected readonly dialog = formDialog<IndicatorDetailResponse>();

  protected readonly departments = departmentDirectory((d) => d.kind !== 'office');

  protected save(): void {
    if (this.incomplete()) return;
    this.dialog.submit(this.api.update(this.data.id, { responsibleDepartmentCode: this.department(), baseline: this.baseline(), baselineYear: this.baselineYear() }));
  }
}
