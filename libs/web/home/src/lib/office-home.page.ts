import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzListModule } from 'ng-zorro-antd/list';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzStatisticModule } from 'ng-zorro-antd/statistic';
import { forkJoin } from 'rxjs';
import { AuditApi, CalendarApi, DirectoryApi, I18nService, TranslatePipe } from '@luoshi/web/core';
import { CalendarBannerComponent, LoadErrorComponent } from '@luoshi/web/ui';
import { HomeIntroComponent } from './home-intro.component';
import { HomeShortcutsComponent } from './home-shortcuts.component';
import { UpcomingCardComponent } from './upcoming-card.component';

/** office_admin's home: directory figures and recent audit events (real data), shortcuts, the holiday-calendar warning. */
@Component({
  selector: 'luoshi-office-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    RouterLink,
    NzCardModule,
    NzGridModule,
    NzListModule,
    NzSkeletonModule,
    NzStatisticModule,
    TranslatePipe,
    CalendarBannerComponent,
    LoadErrorComponent,
    HomeIntroComponent,
    HomeShortcutsComponent,
    UpcomingCardComponent,
  ],
  templateUrl: './office-home.page.html',
  styles: `
    .row { margin-bottom: 16px; }
    .audit-item { display: flex; gap: 12px; align-items: baseline; width: 100%; }
    .audit-item__at { flex: none; color: rgba(0, 0, 0, 0.45); font-variant-numeric: tabular-nums; }
    .audit-item__actor { color: rgba(0, 0, 0, 0.65); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  `,
})
export class OfficeHomePage {
  private readonly directory = inject(DirectoryApi);
  private readonly audit = inject(AuditApi);
  private readonly calendar = inject(CalendarApi);
  protected readonly i18n = inject(I18nService);

  protected readonly figures = rxResource({
    stream: () => forkJoin({ departments: this.directory.departments(), users: this.directory.users() }),
  });
  protected readonly recent = rxResource({ stream: () => this.audit.search({ page: 1, pageSize: 6 }) });
  /** An unconfirmed holiday year makes working-day deadlines provisional: the office is asked to confirm it. */
  protected readonly holidayYears = rxResource({ stream: () => this.calendar.years() });

  protected readonly stats = computed(() => {
    if (!this.figures.hasValue()) return null;
    const { departments, users } = this.figures.value();
    return { departments: departments.length, users: users.length, active: users.filter((u) => u.active).length };
  });

  protected actionLabel(action: string): string {
    return this.i18n.lookup(`auditActions.${action.replace(/\./g, '_')}`) ?? action;
  }
}
