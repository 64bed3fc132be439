import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18nService, localIsoDate, WorkingDays } from '@luoshi/web/core';

/**
 * One day of an ng-zorro date picker with its 休 (holiday) or 班 (make-up workday) mark from the
 * office's calendar. Use as the picker's nzDateRender:
 * `<ng-template #day let-current><luoshi-day-cell [date]="current" /></ng-template>`.
 */
@Component({
  selector: 'luoshi-day-cell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      class="ant-picker-cell-inner day"
      [class.day--holiday]="entry()?.kind === 'holiday'"
      [class.day--workday]="entry()?.kind === 'makeupWorkday'"
      [attr.title]="title()"
      [attr.data-date]="iso()"
      [attr.data-mark]="entry()?.kind ?? null"
    >
      {{ date().getDate() }}
      @if (entry(); as e) {
        <span class="day__mark" aria-hidden="true">{{ e.kind === 'holiday' ? i18n.t('daily.holidayMark') : i18n.t('daily.workdayMark') }}</span>
      }
    </div>
  `,
  styles: `
    :host { display: contents; }
    .day { position: relative; }
    .day__mark { position: absolute; top: -7px; right: -9px; padding: 0 2px; border-radius: 3px; font-size: 10px; line-height: 13px; font-weight: 500; }
    .day--holiday .day__mark { background: #fff1f0; color: #cf1322; }
    .day--workday .day__mark { background: #f0f0f0; color: rgba(0, 0, 0, 0.65); }
    .day--holiday { color: #cf1322; }
  `,
})
export class DayCellComponent {
  protected readonly i18n = inject(I18nService);
  private readonly workingDays = inject(WorkingDays);
  readonly date = input.required<Date>();
  protected readonly iso = computed(() => localIsoDate(this.date()));
  protected readonly entry = computed(() => this.workingDays.entry(this.iso()));
  protected readonly title = computed(() => {
    const e = this.entry();
    if (!e) return null;
    return this.i18n.t(e.kind === 'holiday' ? 'daily.holidayTitle' : 'daily.workdayTitle', { name: e.name });
  });
}
