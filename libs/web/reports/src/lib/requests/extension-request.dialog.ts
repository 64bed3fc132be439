import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NZ_MODAL_DATA, NzModalModule, NzModalRef } from 'ng-zorro-antd/modal';
import type { ExtensionRequestResponse, TaskResponse } from '@luoshi/contracts';
import { type ApiError, I18nService, toApiError, TranslatePipe } from '@luoshi/web/core';
import { ReportsApi } from '../api/reports.api';
import { DayCellComponent, HolidayWarningComponent } from '@luoshi/web/ui';

export interface ExtensionRequestData {
  task: TaskResponse;
}

const isoDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** 申请延期: the new deadline (after the current one) and the reason; created and submitted at once. */
@Component({
  selector: 'luoshi-extension-request-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzDatePickerModule,
    NzFormModule,
    NzInputModule,
    NzModalModule,
    TranslatePipe,
    DayCellComponent,
    HolidayWarningComponent,
  ],
  template: `
    @if (errorText(); as message) {
      <nz-alert nzType="error" nzShowIcon [nzMessage]="message" class="dialog-alert" data-testid="dialog-error" />
    }
    <form nz-form nzLayout="vertical" (ngSubmit)="submit()" id="extension-form">
      <nz-form-item>
        <nz-form-label>{{ 'taskRequests.currentDue' | t }}</nz-form-label>
        <nz-form-control><strong>{{ data.task.dueDate ?? ('taskRequests.noDue' | t) }}</strong></nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <nz-form-label nzRequired>{{ 'taskRequests.newDue' | t }}</nz-form-label>
        <nz-form-control [nzValidateStatus]="dateProblem() ? 'error' : ''" [nzErrorTip]="dateProblem() ?? ''">
          <nz-date-picker
            name="newDue"
            [nzDisabledDate]="notLater"
            [nzDateRender]="day"
            [ngModel]="newDue()"
            (ngModelChange)="newDue.set($event)"
            data-testid="extension-date"
          />
          <ng-template #day let-current><luoshi-day-cell [date]="current" /></ng-template>
          <luoshi-holiday-warning [date]="newDueIso()" (useNext)="useNext($event)" />
        </nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <nz-form-label nzFor="extension-reason" nzRequired>{{ 'taskRequests.reason' | t }}</nz-form-label>
        <nz-form-control [nzValidateStatus]="touched() && !reason().trim() ? 'error' : ''" [nzErrorTip]="'taskRequests.reasonRequired' | t">
          <textarea
            nz-input
            id="extension-reason"
            name="reason"
            rows="4"
            maxlength="2000"
            [placeholder]="'taskRequests.reasonPlaceholder' | t"
            [ngModel]="reason()"
            (ngModelChange)="reason.set($event)"
            data-testid="extension-reason"
          ></textarea>
        </nz-form-control>
      </nz-form-item>
    </form>
    <div *nzModalFooter>
      <button nz-button type="button" (click)="cancel()">{{ 'common.cancel' | t }}</button>
      <button nz-button nzType="primary" type="submit" form="extension-form" [nzLoading]="saving()" data-testid="dialog-submit">{{ 'taskRequests.submit' | t }}</button>
    </div>
  `,
})
export class ExtensionRequestDialog {
  protected readonly data = inject<ExtensionRequestData>(NZ_MODAL_DATA);
  private readonly modal = inject<NzModalRef<ExtensionRequestDialog, ExtensionRequestResponse>>(NzModalRef);
  private readonly api = inject(ReportsApi);
  private readonly i18n = inject(I18nService);

  protected readonly newDue = signal<Date | null>(null);
  protected readonly reason = signal('');
  protected readonly touched = signal(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly errorText = computed(() => {
    const error = this.error();
    return error ? this.i18n.errorText(error) : null;
  });
  protected readonly dateProblem = computed(() => {
    if (!this.touched()) return null;
    const date = this.newDue();
    if (!date) return this.i18n.t('taskRequests.newDueRequired');
    const due = this.data.task.dueDate;
    return due && isoDate(date) <= due ? this.i18n.t('taskRequests.newDueLater') : null;
  });

  protected readonly newDueIso = computed(() => {
    const date = this.newDue();
    return date ? isoDate(date) : null;
  });

  /** The holiday warning's offer: the next working day instead. */
  protected useNext(iso: string): void {
    const [y, m, d] = iso.split('-').map(Number);
    this.newDue.set(new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  }

  /** Dates up to the current deadline cannot be picked. */
  protected readonly notLater = (date: Date): boolean => {
    const due = this.data.task.dueDate;
    return !!due && isoDate(date) <= due;
  };

  protected cancel(): void {
    this.modal.destroy();
  }

  protected submit(): void {
    this.touched.set(true);
    const date = this.newDue();
    if (this.dateProblem() || !date || !this.reason().trim() || this.saving()) return;
    this.saving.set(true);
    this.error.set(null);
    this.api.requestExtension(this.data.task.id, { newDueDate: isoDate(date), reason: this.reason().trim() }).subscribe({
      next: (result) => this.modal.close(result),
      error: (raw: unknown) => {
        this.saving.set(false);
        this.error.set(toApiError(raw));
      },
    });
  }
}
