import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { I18nService, WorkingDays } from '@luoshi/web/core';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Says when a chosen deadline is not a working day (a holiday such as 春节, or a weekend without
 * 调休) and offers the next working day in one click. Shows nothing for working days or non-dates.
 */
@Component({
  selector: 'luoshi-holiday-warning',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzButtonModule],
  template: `
    @if (problem(); as p) {
      <div class="warning" role="alert" data-testid="holiday-warning" [attr.data-date]="p.date" [attr.data-next]="p.next">
        <span class="warning__text">{{ p.text }}</span>
        <button nz-button nzType="link" nzSize="small" type="button" class="warning__fix" (click)="useNext.emit(p.next)" data-testid="use-next-working-day">
          {{ p.fix }}
        </button>
      </div>
    }
  `,
  styles: `
    .warning { display: flex; flex-wrap: wrap; align-items: center; gap: 0 4px; margin-top: 4px; font-size: 12px; color: #ad4e00; line-height: 20px; }
    .warning__fix { height: auto; padding: 0; font-size: 12px; }
  `,
})
export class HolidayWarningComponent {
  private readonly i18n = inject(I18nService);
  private readonly workingDays = inject(WorkingDays);
  /** The deadline as 'YYYY-MM-DD' (anything else is ignored). */
  readonly date = input<string | null | undefined>(null);
  /** The next working day, when the user takes it. */
  readonly useNext = output<string>();

  protected readonly problem = computed(() => {
    const date = this.date()?.trim() ?? '';
    if (!ISO.test(date) || !this.workingDays.loaded() || this.workingDays.isWorkingDay(date)) return null;
    const entry = this.workingDays.entry(date);
    const next = this.workingDays.workingDayOnOrAfter(date);
    const text = entry ? this.i18n.t('daily.holidayDeadline', { date, name: entry.name }) : this.i18n.t('daily.weekendDeadline', { date });
    return { date, next, text, fix: this.i18n.t('daily.useNextWorkingDay', { date: next }) };
  });

  constructor() {
    this.workingDays.load();
  }
}
