import { Injectable } from '@nestjs/common';
import {
  INDICATOR_STATUS_LABELS,
  type DashboardRow,
  type PublicPartRow,
  type PublicSummaryResponse,
  type PublicSummarySettingsResponse,
} from '@luoshi/contracts';
import { IndicatorsService } from '@luoshi/server/indicators';
import type { RequestActor } from '@luoshi/server/platform';
import { AppSettings, SETTING_PUBLIC_SUMMARY } from './app-settings';
import { DashboardCache } from './dashboard-cache';
import { DashboardService } from './dashboard.service';
import { DashboardException } from './dashboard.exception';
import { DashboardLookups } from './dashboard-lookups';

interface PublicSummarySetting {
  enabled: boolean;
  planId: string | null;
}

const toPart = (r: DashboardRow): PublicPartRow => ({
  code: r.key,
  title: r.label,
  total: r.total,
  completed: r.completed,
  completionRate: r.completionRate,
  green: r.green,
  amber: r.amber,
  red: r.red,
});

/**
 * 公开进展: progress by part and indicator status for anyone, once the office switches it on
 * (default off → 404). Built only from counts and indicator figures — no person, no department,
 * no task title. Cached like the dashboards (30 s, keyed by the data version).
 */
@Injectable()
export class PublicSummaryService {
  constructor(
    private readonly settings: AppSettings,
    private readonly dashboards: DashboardService,
    private readonly indicators: IndicatorsService,
    private readonly lookups: DashboardLookups,
    private readonly cache: DashboardCache,
  ) {}

  async settingsOf(): Promise<PublicSummarySettingsResponse> {
    const stored = await this.settings.get<PublicSummarySetting>(SETTING_PUBLIC_SUMMARY);
    return { enabled: stored?.value.enabled ?? false, planId: stored?.value.planId ?? null, updatedAt: stored?.updatedAt ?? null };
  }

  async update(input: { enabled: boolean; planId?: string | null }, actor: RequestActor): Promise<PublicSummarySettingsResponse> {
    const current = await this.settingsOf();
    const planId = input.planId !== undefined ? input.planId : current.planId;
    if (planId) await this.lookups.plan(planId);
    await this.settings.put<PublicSummarySetting>(SETTING_PUBLIC_SUMMARY, { enabled: input.enabled, planId }, actor);
    return this.settingsOf();
  }

  async summary(): Promise<PublicSummaryResponse> {
    const setting = await this.settingsOf();
    if (!setting.enabled) throw DashboardException.publicSummaryOff();
    const plan = await this.lookups.planOrDefault(setting.planId);
    const ctx = await this.dashboards.healthContext();
    const { value } = await this.cache.through('public', [plan.id, ctx.today], async (): Promise<PublicSummaryResponse> => {
      const [summary, indicators] = await Promise.all([
        this.dashboards.compute(plan, { kind: 'all' }, ctx, { granularity: 'month', top: 1 }),
        this.indicators.track(plan.id),
      ]);
      return {
        plan: { title: plan.title },
        asOf: ctx.today,
        totals: toPart(summary.totals),
        byPart: summary.byPart.map(toPart),
        indicators: indicators.map((i) => ({
          name: i.name,
          unit: i.unit,
          comparison: i.comparison,
          baseline: i.baseline,
          latest: i.latest ? { year: i.latest.year, value: i.latest.value } : null,
          targets: i.targets,
          horizons: i.horizons,
          status: i.status,
          statusLabel: INDICATOR_STATUS_LABELS[i.status],
        })),
      };
    });
    return value;
  }
}
