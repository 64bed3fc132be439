import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal, type Type, viewChild } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import type { IndicatorDetailResponse, IndicatorStatus, IndicatorTrackingResponse, IndicatorValueResponse } from '@luoshi/contracts';
import { AuthService, I18nService, TranslatePipe, type TranslationKey } from '@luoshi/web/core';
import { formDialogs, LoadErrorComponent, PageHeaderComponent, planDirectory, SelectOptionsPipe } from '@luoshi/web/ui';
import { IndicatorsApi } from '../api/indicators.api';
import { countByStatus, INDICATOR_STATUS_HEX, INDICATOR_STATUS_KEYS } from '../shared/health';
import { IndicatorStatusTagComponent } from '../shared/indicator-status-tag.component';
import { pointText, targetsText } from '../shared/indicator-format';
import { IndicatorDetailComponent } from './indicator-detail.component';
import { IndicatorEditDialog } from './indicator-edit.dialog';
import { IndicatorReportDialog } from './indicator-report.dialog';
import { IndicatorReviewComponent } from './indicator-review.component';
import { IndicatorSparklineComponent } from './indicator-sparkline.component';

/**
 * /indicators — every signed-in user: the plan's indicators with baseline → latest → targets and
 * status. The office sets the responsible unit and baseline, that unit reports values, the office
 * reviewer approves or returns them (the review tab).
 */
@Component({
  selector: 'luoshi-indicators-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    NgTemplateOutlet,
    NzButtonModule,
    NzDrawerModule,
    NzEmptyModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzSelectModule,
    NzSwitchModule,
    NzTableModule,
    NzTabsModule,
    TranslatePipe,
    SelectOptionsPipe,
    LoadErrorComponent,
    PageHeaderComponent,
    IndicatorDetailComponent,
    IndicatorReviewComponent,
    IndicatorSparklineComponent,
    IndicatorStatusTagComponent,
  ],
  templateUrl: './indicators.page.html',
  styleUrl: './indicators.page.css',
})
export class IndicatorsPage {
  private readonly api = inject(IndicatorsApi);
  private readonly auth = inject(AuthService);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);
  private readonly dialogs = formDialogs();
  private readonly review = viewChild(IndicatorReviewComponent);

  protected readonly isReviewer = computed(() => this.auth.hasAnyRole(['office_reviewer']));
  protected readonly canEdit = computed(() => this.auth.hasAnyRole(['office_admin']));
  protected readonly myDepartment = computed(() => (this.auth.hasAnyRole(['dept_liaison', 'dept_head']) ? (this.auth.user()?.department ?? null) : null));

  protected readonly plans = planDirectory();
  protected readonly planOptions = computed(() => this.plans.list().filter((p) => p.stats.indicators > 0));
  protected readonly chosenPlan = signal<string | null>(null);
  protected readonly planId = computed(() => this.chosenPlan() ?? this.planOptions()[0]?.id ?? null);

  protected readonly indicators = rxResource({
    params: () => this.planId() ?? undefined,
    stream: ({ params }) => this.api.list(params),
  });
  private readonly all = computed(() => (this.indicators.hasValue() ? this.indicators.value() : []));

  protected readonly q = signal('');
  protected readonly status = signal<IndicatorStatus | null>(null);
  protected readonly onlyMine = signal(false);
  protected readonly rows = computed(() => {
    const q = this.q().trim();
    const status = this.status();
    const mine = this.onlyMine() ? this.myDepartment()?.code : null;
    return this.all().filter(
      (i) => (!q || i.name.includes(q)) && (!status || i.status === status) && (!mine || i.responsibleDepartment?.code === mine),
    );
  });
  protected readonly statusCounts = computed(() => countByStatus(this.all()));
  protected readonly pending = computed(() => this.all().reduce((sum, i) => sum + i.pendingValues, 0));
  protected readonly statusKeys = INDICATOR_STATUS_KEYS;
  protected readonly statusHex = INDICATOR_STATUS_HEX;

  /** The drawer: which indicator, and a counter to reload it after a change. */
  protected readonly openId = signal<string | null>(null);
  protected readonly detailVersion = signal(0);
  protected readonly openName = computed(() => this.all().find((i) => i.id === this.openId())?.name ?? '');

  protected readonly point = pointText;

  protected targets(i: IndicatorTrackingResponse): string {
    return targetsText(i.comparison, i.targets);
  }

  protected lastTarget(i: IndicatorTrackingResponse) {
    return i.targets.length ? i.targets.reduce((a, b) => (b.year > a.year ? b : a)) : null;
  }

  protected trendPoints(i: IndicatorTrackingResponse) {
    return [...(i.baseline ? [i.baseline] : []), ...i.observations.filter((o) => o.year !== i.baseline?.year)];
  }

  protected isMine(i: IndicatorTrackingResponse): boolean {
    const mine = this.myDepartment()?.code;
    return !!mine && i.responsibleDepartment?.code === mine;
  }

  protected toggleStatus(status: IndicatorStatus): void {
    this.status.set(this.status() === status ? null : status);
  }

  protected edit(indicator: IndicatorTrackingResponse): void {
    this.openDialog<IndicatorDetailResponse>(IndicatorEditDialog, indicator, 'indicators.editTitle', (saved) =>
      this.i18n.t('indicators.saved', { name: saved.name }),
    );
  }

  protected report(indicator: IndicatorTrackingResponse): void {
    this.openDialog<IndicatorValueResponse>(IndicatorReportDialog, indicator, 'indicators.reportTitle', (created) =>
      this.i18n.t('indicators.reported', { name: indicator.name, year: created.year }),
    );
  }

  protected changed(): void {
    this.indicators.reload();
    this.detailVersion.update((n) => n + 1);
    this.review()?.reload();
  }

  /** The edit and report dialogs both take the indicator; once saved, a toast and every view loads again. */
  private openDialog<R>(dialog: Type<unknown>, indicator: IndicatorTrackingResponse, titleKey: TranslationKey, successText: (result: R) => string): void {
    this.dialogs
      .saved<R, IndicatorTrackingResponse>(dialog, { title: this.i18n.t(titleKey, { name: indicator.name }), data: indicator, width: 520 })
      .subscribe((result) => {
        this.message.success(successText(result));
        this.changed();
      });
  }
}
