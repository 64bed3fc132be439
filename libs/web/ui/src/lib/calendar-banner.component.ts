import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import type { HolidayYearResponse } from '@luoshi/contracts';
import { AuthService, I18nService, TranslatePipe } from '@luoshi/web/core';

/**
 * Warns while a holiday year is unconfirmed (working-day deadlines in it are provisional); the
 * office is asked to confirm it. Shows nothing when every year is confirmed.
 */
@Component({
  selector: 'luoshi-calendar-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NzAlertModule, NzButtonModule, TranslatePipe],
  template: `
    @if (unconfirmed().length > 0) {
      <nz-alert
        nzType="warning"
        nzShowIcon
        [nzMessage]="'calendar.bannerTitle' | t: { years: yearsText() }"
        [nzDescription]="(isOffice() ? 'calendar.bannerOffice' : 'calendar.bannerOther') | t"
        [nzAction]="showLink() ? action : null"
        data-testid="calendar-banner"
      />
      <ng-template #action>
        <a nz-button nzSize="small" nzType="primary" routerLink="/settings/calendar">{{ 'calendar.bannerAction' | t }}</a>
      </ng-template>
    }
  `,
  styles: `:host { display: block; } nz-alert { margin-bottom: 16px; }`,
})
export class CalendarBannerComponent {
  private readonly auth = inject(AuthService);
  private readonly i18n = inject(I18nService);
  readonly years = input<readonly HolidayYearResponse[] | null>(null);
  /** Show the 去确认 link (off on the calendar page itself). */
  readonly showLink = input(true);
  protected readonly isOffice = computed(() => this.auth.hasAnyRole(['office_admin']));
  protected readonly unconfirmed = computed(() => (this.years() ?? []).filter((year) => !year.confirmed).map((year) => year.year));
  protected readonly yearsText = computed(() => this.unconfirmed().join(this.i18n.isZh() ? '、' : ', '));
}
