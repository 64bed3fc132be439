import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import type { PublicPartRow } from '@luoshi/contracts';
import { toApiError, TranslatePipe } from '@luoshi/web/core';
import { LangSwitchComponent } from '@luoshi/web/ui';
import { DashboardsApi } from '../api/dashboards.api';
import { countByStatus, HEALTH_COLORS, HEALTH_TEXT_COLORS, INDICATOR_STATUS_HEX, INDICATOR_STATUS_KEYS, percent } from '../shared/health';
import { IndicatorStatusTagComponent } from '../shared/indicator-status-tag.component';
import { pointText, targetsText } from '../shared/indicator-format';

/**
 * /public — no login: completion by part and indicator status, as the office published them (no
 * people, units or task titles). A clear notice while the office has it switched off (404).
 */
@Component({
  selector: 'luoshi-public-summary-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NzButtonModule, NzResultModule, NzSkeletonModule, TranslatePipe, LangSwitchComponent, IndicatorStatusTagComponent],
  templateUrl: './public-summary.page.html',
  styleUrl: './public-summary.page.css',
})
export class PublicSummaryPage {
  private readonly api = inject(DashboardsApi);
  protected readonly summary = rxResource({ stream: () => this.api.publicSummary() });
  protected readonly off = computed(() => {
    const error = this.summary.error();
    return !!error && toApiError(error).statusCode === 404;
  });
  protected readonly statusCounts = computed(() => countByStatus(this.summary.hasValue() ? this.summary.value().indicators : []).filter((c) => c.n > 0));
  protected readonly healthColors = HEALTH_COLORS;
  protected readonly healthTextColors = HEALTH_TEXT_COLORS;
  protected readonly statusKeys = INDICATOR_STATUS_KEYS;
  protected readonly statusHex = INDICATOR_STATUS_HEX;
  protected readonly rate = percent;
  protected readonly point = pointText;
  protected readonly targetsText = targetsText;

  /** Widths (%) of the red, amber and green parts of a row's bar. */
  protected shares(row: PublicPartRow): { red: number; amber: number; green: number } {
    const total = row.red + row.amber + row.green;
    if (total === 0) return { red: 0, amber: 0, green: 0 };
    return { red: (row.red / total) * 100, amber: (row.amber / total) * 100, green: (row.green / total) * 100 };
  }
}
