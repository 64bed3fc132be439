import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { localIsoDate } from '@luoshi/web/core';
import { DayCellComponent, HolidayWarningComponent } from '@luoshi/web/ui';
import { localDate } from '../shared/report-labels';

/**
 * A request's new deadline: a date picker on the working-day calendar (休/班 marks) that warns about
 * a holiday or weekend and offers the next working day. Two-way `value` as 'YYYY-MM-DD' (null: none).
 */
@Component({
  selector: 'luoshi-due-date-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzDatePickerModule, DayCellComponent, HolidayWarningComponent],
  template: `
    <nz-date-picker [nzAllowClear]="allowClear()" [nzDisabledDate]="disabledDate()" [nzDateRender]="day" [ngModel]="date()" (ngModelChange)="pick($event)" [attr.data-testid]="testId()" />
    <ng-template #day let-current><luoshi-day-cell [date]="current" /></ng-template>
    <luoshi-holiday-warning [date]="value()" (useNext)="value.set($event)" />
  `,
})
export class DueDatePickerComponent {
  readonly value = model<string | null>(null);
  /** Days that cannot be picked (e.g. up to the current deadline). */
  readonly disabledDate = input.required<(date: Date) => boolean>();
  readonly allowClear = input(true);
  readonly testId = input.required<string>();

  protected readonly date = computed(() => {
    const iso = this.value();
    return iso ? localDate(iso) : null;
  });

  protected pick(date: Date | null): void {
    this.value.set(date ? localIsoDate(date) : null);
  }
}
