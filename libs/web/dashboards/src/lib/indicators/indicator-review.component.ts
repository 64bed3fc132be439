import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzTableModule } from 'ng-zorro-antd/table';
import type { IndicatorValueResponse } from '@luoshi/contracts';
import { I18nService, toApiError, TranslatePipe } from '@luoshi/web/core';
import { formDialogs, LoadErrorComponent, type TextEntryData, TextEntryDialog } from '@luoshi/web/ui';
import { IndicatorsApi } from '../api/indicators.api';
import { figure } from '../shared/health';

/** office_reviewer's queue: submitted values, approved or returned (with a reason) one by one. */
@Component({
  selector: 'luoshi-indicator-review',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, NzButtonModule, NzEmptyModule, NzIconModule, NzModalModule, NzTableModule, TranslatePipe, LoadErrorComponent],
  template: `
    <p class="hint">{{ 'indicators.reviewHint' | t }}</p>
    @if (queue.error(); as error) {
      <luoshi-load-error [error]="error" (retry)="queue.reload()" />
    }
    <nz-table #table nzSize="middle" [nzData]="rows()" [nzLoading]="queue.isLoading()" [nzPageSize]="20" [nzHideOnSinglePage]="true" [nzNoResult]="empty" data-testid="review-queue">
      <thead>
        <tr>
          <th>{{ 'indicators.name' | t }}</th>
          <th nzWidth="70px">{{ 'indicators.year' | t }}</th>
          <th nzWidth="120px" nzAlign="right">{{ 'indicators.value' | t }}</th>
          <th>{{ 'indicators.note' | t }}</th>
          <th nzWidth="180px">{{ 'indicators.department' | t }}</th>
          <th nzWidth="150px">{{ 'indicators.reportedAt' | t }}</th>
          <th nzWidth="170px">{{ 'common.actions' | t }}</th>
        </tr>
      </thead>
      <tbody>
        @for (v of table.data; track v.id) {
          <tr data-testid="review-row">
            <td><a (click)="openIndicator.emit(v.indicatorId)">{{ v.indicatorName }}</a></td>
            <td class="num">{{ v.year }}</td>
            <td nzAlign="right" class="num"><b>{{ fig(v.value) }}</b> <span class="muted">{{ v.unit }}</span></td>
            <td>{{ v.note }}</td>
            <td>{{ v.department.name }}<div class="muted">{{ v.reportedBy.displayName }}</div></td>
            <td class="num muted">{{ v.reportedAt | date: 'yyyy-MM-dd HH:mm' }}</td>
            <td>
              <button nz-button nzType="primary" nzSize="small" [nzLoading]="busy() === v.id" (click)="approve(v)" data-testid="review-approve">
                <nz-icon nzType="check" />{{ 'indicators.approve' | t }}
              </button>
              <button nz-button nzSize="small" nzDanger class="gap" [disabled]="busy() === v.id" (click)="returnValue(v)" data-testid="review-return">
                <nz-icon nzType="rollback" />{{ 'indicators.return' | t }}
              </button>
            </td>
          </tr>
        }
      </tbody>
    </nz-table>
    <ng-template #empty><nz-empty [nzNotFoundContent]="'indicators.queueEmpty' | t" data-testid="review-empty" /></ng-template>
  `,
  styles: `
    .hint { margin: 0 0 12px; color: rgba(0, 0, 0, 0.6); }
    .num { font-variant-numeric: tabular-nums; white-space: nowrap; }
    .muted { color: rgba(0, 0, 0, 0.6); font-size: 12px; }
    .gap { margin-left: 8px; }
  `,
})
export class IndicatorReviewComponent {
  private readonly api = inject(IndicatorsApi);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(I18nService);
  private readonly dialogs = formDialogs();
  readonly planId = input<string | null>(null);
  /** A decision was made (the page reloads its figures). */
  readonly decided = output<void>();
  readonly openIndicator = output<string>();

  protected readonly queue = rxResource({
    params: () => ({ planId: this.planId() ?? undefined }),
    stream: ({ params }) => this.api.values({ status: 'submitted', planId: params.planId }),
  });
  protected readonly rows = computed(() => (this.queue.hasValue() ? this.queue.value() : []));
  protected readonly busy = signal<string | null>(null);
  protected readonly fig = figure;

  reload(): void {
    this.queue.reload();
  }

  protected approve(v: IndicatorValueResponse): void {
    this.busy.set(v.id);
    this.api.approve(v.id).subscribe({
      next: () => this.done(this.i18n.t('indicators.approved', { name: v.indicatorName, year: v.year })),
      error: (raw: unknown) => {
        this.busy.set(null);
        this.message.error(this.i18n.errorText(toApiError(raw)));
        this.queue.reload();
      },
    });
  }

  protected returnValue(v: IndicatorValueResponse): void {
    this.dialogs
      .open<IndicatorValueResponse, TextEntryData<IndicatorValueResponse>>(TextEntryDialog, {
        title: this.i18n.t('indicators.returnTitle', { name: v.indicatorName, year: v.year }),
        data: {
          label: this.i18n.t('indicators.commentLabel'),
          hint: this.i18n.t('indicators.returnHint'),
          placeholder: this.i18n.t('indicators.commentPlaceholder'),
          requiredText: this.i18n.t('indicators.commentRequired'),
          okText: this.i18n.t('indicators.return'),
          danger: true,
          submit: (comment) => this.api.returnValue(v.id, comment),
        },
        width: 520,
      })
      .subscribe((returned) => {
        if (returned) this.done(this.i18n.t('indicators.returned', { name: v.indicatorName, year: v.year }));
      });
  }

  private done(text: string): void {
    this.busy.set(null);
    this.message.success(text);
    this.queue.reload();
    this.decided.emit();
  }
}
