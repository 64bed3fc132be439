import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NZ_MODAL_DATA, NzModalModule, NzModalRef } from 'ng-zorro-antd/modal';
import { NzSelectModule, type NzSelectOptionInterface } from 'ng-zorro-antd/select';
import { DEPARTMENT_KINDS, type IndicatorDetailResponse, type IndicatorTrackingResponse } from '@luoshi/contracts';
import { type ApiError, DirectoryApi, I18nService, toApiError, TranslatePipe } from '@luoshi/web/core';
import { IndicatorsApi } from '../api/indicators.api';

/** office_admin: the indicator's responsible department and baseline (value and year set or cleared together). */
@Component({
  selector: 'luoshi-indicator-edit-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzFormModule, NzInputNumberModule, NzModalModule, NzSelectModule, TranslatePipe],
  template: `
    @if (errorText(); as message) {
      <nz-alert nzType="error" nzShowIcon [nzMessage]="message" class="dialog-alert" data-testid="dialog-error" />
    }
    <form nz-form nzLayout="vertical" (ngSubmit)="save()" id="indicator-edit-form">
      <nz-form-item>
        <nz-form-label nzFor="responsible">{{ 'indicators.responsible' | t }}</nz-form-label>
        <nz-form-control>
          <nz-select
            nzId="responsible"
            nzShowSearch
            nzAllowClear
            [nzOptions]="departmentOptions()"
            [nzPlaceHolder]="'indicators.responsiblePlaceholder' | t"
            [ngModel]="department()"
            (ngModelChange)="department.set($event ?? null)"
            name="department"
            data-testid="indicator-department"
          />
        </nz-form-control>
      </nz-form-item>
      <div class="form-grid">
        <nz-form-item>
          <nz-form-label nzFor="baseline-value">{{ 'indicators.baselineValue' | t }}</nz-form-label>
          <nz-form-control [nzValidateStatus]="incomplete() ? 'error' : ''">
            <nz-input-number
              nzId="baseline-value"
              class="full"
              [ngModel]="baseline()"
              (ngModelChange)="baseline.set($event ?? null)"
              name="baseline"
              data-testid="indicator-baseline"
            />
            <span class="unit">{{ data.unit }}</span>
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzFor="baseline-year">{{ 'indicators.baselineYear' | t }}</nz-form-label>
          <nz-form-control [nzValidateStatus]="incomplete() ? 'error' : ''" [nzErrorTip]="'indicators.baselineIncomplete' | t">
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
          </nz-form-control>
        </nz-form-item>
      </div>
      @if (incomplete()) {
        <div class="error-text">{{ 'indicators.baselineIncomplete' | t }}</div>
      }
    </form>
    <div *nzModalFooter>
      <button nz-button type="button" (click)="modal.destroy()">{{ 'common.cancel' | t }}</button>
      <button nz-button nzType="primary" type="submit" form="indicator-edit-form" [nzLoading]="saving()" [disabled]="incomplete()" data-testid="dialog-submit">
        {{ 'common.save' | t }}
      </button>
    </div>
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
  protected readonly modal = inject<NzModalRef<IndicatorEditDialog, IndicatorDetailResponse>>(NzModalRef);
  private readonly api = inject(IndicatorsApi);
  private readonly directory = inject(DirectoryApi);
  private readonly i18n = inject(I18nService);

  protected readonly department = signal<string | null>(this.data.responsibleDepartment?.code ?? null);
  protected readonly baseline = signal<number | null>(this.data.baseline?.value ?? null);
  protected readonly baselineYear = signal<number | null>(this.data.baseline?.year ?? null);
  protected readonly incomplete = computed(() => (this.baseline() === null) !== (this.baselineYear() === null));
  protected readonly saving = signal(false);
  private readonly error = signal<ApiError | null>(null);
  protected readonly errorText = computed(() => {
    const error = this.error();
    return error ? this.i18n.errorText(error) : null;
  });

  private readonly departments = rxResource({ stream: () => this.directory.departments() });
  protected readonly departmentOptions = computed<NzSelectOptionInterface[]>(() => {
    const all = this.departments.hasValue() ? this.departments.value() : [];
    return DEPARTMENT_KINDS.filter((kind) => kind !== 'office').flatMap((kind) =>
      all.filter((d) => d.kind === kind).map((d) => ({ label: d.name, value: d.code, groupLabel: this.i18n.kindLabel(kind) })),
    );
  });

  protected save(): void {
    if (this.incomplete() || this.saving()) return;
    this.saving.set(true);
    this.error.set(null);
    this.api
      .update(this.data.id, { responsibleDepartmentCode: this.department(), baseline: this.baseline(), baselineYear: this.baselineYear() })
      .subscribe({
        next: (detail) => this.modal.close(detail),
        error: (raw: unknown) => {
          this.saving.set(false);
          this.error.set(toApiError(raw));
        },
      });
  }
}
