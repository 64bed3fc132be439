import { DatePipe, DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, ViewEncapsulation } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { BULLETIN_SECTIONS, type BulletinResponse, bulletinSentences, chineseDate } from '@luoshi/contracts';
import { I18nService, TranslatePipe } from '@luoshi/web/core';
import { LoadErrorComponent, pageAction, PageHeaderComponent, saveBlob } from '@luoshi/web/ui';
import { DashboardsApi } from '../api/dashboards.api';
import { currentMonth } from '../shared/health';
import { pointText, targetsText } from '../shared/indicator-format';
import { PublicSettingsComponent } from '../public/public-settings.component';
import { num, OVERDUE_DETAIL_ROWS, overdueDetails, rate } from './bulletin-document';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * /bulletins?period=2026-11 — the monthly supervision bulletin as a printable page (一、总体进展 …
 * 五、考核排名), with Word and Excel downloads. office_admin, office_reviewer and leaders.
 */
@Component({
  selector: 'luoshi-bulletin-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The print rules hide the app's shell around this page, so they cannot be scoped to the component.
  encapsulation: ViewEncapsulation.None,
  imports: [DatePipe, FormsModule, NzButtonModule, NzDatePickerModule, NzIconModule, NzSkeletonModule, TranslatePipe, LoadErrorComponent, PageHeaderComponent, PublicSettingsComponent],
  templateUrl: './bulletin.page.html',
  styleUrl: './bulletin.page.css',
})
export class BulletinPage {
  private readonly api = inject(DashboardsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly message = inject(NzMessageService);
  private readonly document = inject(DOCUMENT);
  protected readonly i18n = inject(I18nService);

  /** ?period=YYYY-MM (router input binding); the current month by default. */
  readonly period = input<string>();
  private readonly thisMonth = currentMonth();
  protected readonly activePeriod = computed(() => {
    const p = this.period();
    return p && PERIOD.test(p) && p <= this.thisMonth ? p : this.thisMonth;
  });
  protected readonly month = computed(() => new Date(Number(this.activePeriod().slice(0, 4)), Number(this.activePeriod().slice(5, 7)) - 1, 1));

  protected readonly bulletin = rxResource({ params: () => this.activePeriod(), stream: ({ params }) => this.api.bulletin(params) });
  protected readonly doc = computed(() => (this.bulletin.hasValue() ? this.bulletin.value() : null));
  protected readonly sentences = computed(() => {
    const b = this.doc();
    return b ? bulletinSentences(b) : null;
  });
  protected readonly overdue = computed(() => {
    const b = this.doc();
    return b ? overdueDetails(b) : [];
  });
  protected readonly downloadAction = pageAction<'docx' | 'xlsx'>();

  protected readonly sections = BULLETIN_SECTIONS;
  protected readonly detailRows = OVERDUE_DETAIL_ROWS;
  protected readonly chineseDate = chineseDate;
  protected readonly num = num;
  protected readonly rate = rate;
  protected readonly point = pointText;

  protected readonly disabledMonth = (date: Date): boolean => {
    const key = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
    return key > this.thisMonth;
  };

  protected choose(date: Date | null): void {
    if (!date) return;
    const period = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
    void this.router.navigate([], { relativeTo: this.route, queryParams: { period }, replaceUrl: true });
  }

  protected targets(row: BulletinResponse['indicators'][number]): string {
    return targetsText(row.comparison, row.targets);
  }

  protected longest(items: { workingDaysOverdue: number }[]): number {
    return Math.max(0, ...items.map((i) => i.workingDaysOverdue));
  }

  protected print(): void {
    this.document.defaultView?.print();
  }

  protected download(format: 'docx' | 'xlsx'): void {
    const period = this.activePeriod();
    const name = `督查通报-${period}.${format}`;
    this.downloadAction.runFor(format, this.api.bulletinFile(period, format), (blob) => {
      saveBlob(blob, name, this.document);
      this.message.success(this.i18n.t('bulletin.downloaded', { name }));
    });
  }
}
