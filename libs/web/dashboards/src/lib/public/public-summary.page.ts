import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { INDICATOR_STATUSES, type IndicatorStatus, type PublicPartRow } from '@luoshi/contracts';
import { I18nService, toApiError, TranslatePipe } from '@luoshi/web/core';
import { LangSwitchComponent } from '@luoshi/web/ui';
import { DashboardsApi } from '../api/dashboards.api';
import { HEALTH_COLORS, HEALTH_TEXT_COLORS, INDICATOR_STATUS_COLORS, INDICATOR_STATUS_HEX, percent } from '../shared/health';
import { pointText, targetsText } from '../shared/indicator-format';

/**
 * /public — no login: completion by part and indicator status, as the office published them (no
 * people, units or task titles). A clear notice while the office has it switched off (404).
 */
@Component({
  selector: 'luoshi-public-summary-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NzButtonModule, NzResultModule, NzSkeletonModule, NzTagModule, TranslatePipe, LangSwitchComponent],
  templateUrl: './public-summary.page.html',
  styleUrl: './public-summary.page.css',
})
export class PublicSummaryPage {
  private readonly api = inject(DashboardsApi);
  protected readonly i18n = inject(I18nService);
  protected readonly summary = rxResource({ stream: () => this.api.publicSummary() });
  protected readonly off = computed(() => {
    const error = this.summary.error();
    return !!error && toApiError(error).statusCode === 404;
  });
  protected readonly statusCounts = computed(() => {
    const counts = Object.fromEntries(INDICATOR_STATUSES.map((s) => [s, 0])) as Record<IndicatorStatus, number>;
    for (const i of this.summary.hasValue() ? this.summary.value().indicators : []) counts[i.status] += 1;
    return INDICATOR_STATUSES.map((status) => ({ status, n: counts[status] })).filter((c) => c.n > 0);
  });
  protected readonly healthColors = HEALTH_COLORS;
  protected readonly healthTextColors = HEALTH_TEXT_COLORS;
  protected readonly statusColors = INDICATOR_STATUS_COLORS;
  protected readonly statusHex = INDICATOR_STATUS_HEX;
  protected readonly rate = percent;
  protected readonly point = pointText;
  protected readonly targetsText = targetsText;

  protected statusLabel(status: IndicatorStatus): string {
    return this.i18n.t(`indicatorStatus.${status}`);
  }

  /** Widths (%) of the red, amber and green parts of a row's bar. */
  protected shares(row: PublicPartRow): { red: number; amber: number; green: number } {
    const total = row.red + row.amber + row.green;
    if (total === 0) return { red: 0, amber: 0, green: 0 };
    return { red: (row.red / total) * 100, amber: (row.amber / total) * 100, green: (row.green / total) * 100 };
  }
}
