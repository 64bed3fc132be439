import { ChangeDetectionStrategy, Component, computed, forwardRef, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import type { ExtensionRequestPayload, TaskDetailResponse } from '@luoshi/contracts';
import { I18nService, TranslatePipe } from '@luoshi/web/core';
import { DayCellComponent, FieldComponent, HolidayWarningComponent } from '@luoshi/web/ui';
import { isoDate, localDate } from './request-labels';
import { RequestPart } from './request-part';

/** 延期申请's part: the new deadline, after the current one, on the working-day calendar. */
@Component({
  selector: 'luoshi-extension-part',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [{ provide: RequestPart, useExisting: forwardRef(() => ExtensionPartComponent) }],
  imports: [FormsModule, NzDatePickerModule, TranslatePipe, DayCellComponent, FieldComponent, HolidayWarningComponent],
  template: `
    <luoshi-field [label]="'taskRequests.currentDue' | t">
      <strong>{{ task().dueDate ?? ('taskRequests.noDue' | t) }}</strong>
    </luoshi-field>
    <luoshi-field [label]="'taskRequests.newDue' | t" [required]="true" [status]="shownProblem() ? 'error' : ''" [error]="shownProblem() ?? ''">
      <nz-date-picker
        name="newDue"
        [nzDisabledDate]="notLater"
        [nzDateRender]="day"
        [ngModel]="newDue()"
        (ngModelChange)="newDue.set($event)"
        data-testid="extension-date"
      />
      <ng-template #day let-current><luoshi-day-cell [date]="current" /></ng-template>
      <luoshi-holiday-warning [date]="newDueIso()" (useNext)="newDue.set(localDate($event))" />
    </luoshi-field>
  `,
})
export class ExtensionPartComponent extends RequestPart<'extension_request'> {
  private readonly i18n = inject(I18nService);
  readonly task = input.required<TaskDetailResponse>();
  readonly touched = input(false);

  protected readonly localDate = localDate;
  protected readonly newDue = signal<Date | null>(null);
  protected readonly newDueIso = computed(() => {
    const date = this.newDue();
    return date ? isoDate(date) : null;
  });
  private readonly problem = computed(() => {
    const iso = this.newDueIso();
    if (!iso) return this.i18n.t('taskRequests.newDueRequired');
    const due = this.task().dueDate;
    return due && iso <= due ? this.i18n.t('taskRequests.newDueLater') : null;
  });
  protected readonly shownProblem = computed(() => (this.touched() ? this.problem() : null));

  readonly payload = computed<ExtensionRequestPayload | null>(() => {
    const iso = this.newDueIso();
    return iso && !this.problem() ? { newDueDate: iso } : null;
  });

  /** Dates up to the current deadline cannot be picked. */
  protected readonly notLater = (date: Date): boolean => {
    const due = this.task().dueDate;
    return !!due && isoDate(date) <= due;
  };
}
