import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSegmentedModule } from 'ng-zorro-antd/segmented';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import type { HolidayYearResponse, ImportHolidaysResponse } from '@luoshi/contracts';
import { AuthService, CalendarApi, I18nService, TranslatePipe } from '@luoshi/web/core';
import { CalendarBannerComponent, formDialogs, LoadErrorComponent, pageAction, PageHeaderComponent } from '@luoshi/web/ui';
import { CalendarImportDialog } from './calendar-import.dialog';
import { weekdayIndex, yearGrid } from './month-grid';

type View = 'grid' | 'list';

/** Holiday years (confirmed or not) and their 休/班 days; the office confirms a year or imports one from CSV. */
@Component({
  selector: 'luoshi-calendar-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzEmptyModule,
    NzIconModule,
    NzModalModule,
    NzPopconfirmModule,
    NzSegmentedModule,
    NzSkeletonModule,
    NzTableModule,
    NzTagModule,
    TranslatePipe,
    CalendarBannerComponent,
    LoadErrorComponent,
    PageHeaderComponent,
  ],
  templateUrl: './calendar.page.html',
  styleUrl: './calendar.page.css',
})
export class CalendarPage {
  private readonly api = inject(CalendarApi);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);
  protected readonly isOffice = inject(AuthService).hasAnyRole(['office_admin']);
  private readonly dialogs = formDialogs();

  protected readonly years = rxResource({ stream: () => this.api.years() });
  protected readonly yearList = computed(() => (this.years.hasValue() ? this.years.value() : []));
  /** The current year when listed, else the first unconfirmed one, else the latest. */
  protected readonly year = linkedSignal<HolidayYearResponse[], number | null>({
    source: () => this.yearList(),
    computation: (list, previous) => {
      if (previous?.value && list.some((y) => y.year === previous.value)) return previous.value;
      const now = new Date().getFullYear();
      return (list.find((y) => y.year === now) ?? list.find((y) => !y.confirmed) ?? list.at(-1))?.year ?? null;
    },
  });
  protected readonly selected = computed(() => this.yearList().find((y) => y.year === this.year()) ?? null);
  protected readonly holidays = rxResource({
    params: () => this.year() ?? undefined,
    stream: ({ params }) => this.api.holidays(params),
  });
  protected readonly grid = computed(() => {
    const year = this.year();
    return year && this.holidays.hasValue() ? yearGrid(year, this.holidays.value()) : [];
  });
  protected readonly view = signal<View>('grid');
  protected readonly viewOptions = computed(() => [
    { label: this.i18n.t('calendar.viewGrid'), value: 'grid' },
    { label: this.i18n.t('calendar.viewList'), value: 'list' },
  ]);
  protected readonly weekdays = computed(() => this.i18n.t('calendar.weekdays').split(','));
  protected readonly confirmAction = pageAction();

  protected weekdayName(date: string): string {
    return this.weekdays()[weekdayIndex(date)] ?? '';
  }

  protected confirm(year: number): void {
    this.confirmAction.run(this.api.confirmYear(year), (saved) => {
      this.years.update((list) => list?.map((y) => (y.year === saved.year ? saved : y)));
      this.holidays.reload();
      this.message.success(this.i18n.t('calendar.confirmedDone', { year }));
    });
  }

  protected openImport(): void {
    this.dialogs
      .saved<ImportHolidaysResponse>(CalendarImportDialog, { title: this.i18n.t('calendar.importTitle'), width: 640 })
      .subscribe((result) => {
        const imported = result.years.map((y) => y.year);
        this.years.reload();
        if (imported.length > 0) this.year.set(imported[0]);
        this.holidays.reload();
        this.message.success(this.i18n.t('calendar.imported', { years: imported.join('、') }));
      });
  }
}
