import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { APPROVAL_INBOX_BOXES, type ApprovalInboxBox, type ApprovalSubjectType } from '@luoshi/contracts';
import { ApprovalCounts, ApprovalsApi, I18nService, TranslatePipe } from '@luoshi/web/core';
import { LoadErrorComponent } from '@luoshi/web/ui';
import { APPROVAL_BOX_LABELS } from '../shared/approval-box-labels';
import { APPROVAL_SUBJECT_LABELS } from '../shared/report-labels';

/** `<luoshi-approval-glance>` — for a home page: the three inbox counts and the latest items awaiting me. */
@Component({
  selector: 'luoshi-approval-glance',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, NzCardModule, NzEmptyModule, NzTagModule, TranslatePipe, LoadErrorComponent],
  template: `
    <nz-card nzSize="small" [nzTitle]="'approvals.title' | t" [nzExtra]="more" data-testid="approval-glance">
      @if (inbox.error(); as error) {
        <luoshi-load-error [error]="error" (retry)="inbox.reload()" />
      } @else {
        <div class="tiles">
          @for (box of boxes; track box) {
            <a class="tile" routerLink="/approvals" [queryParams]="box === 'todo' ? {} : { box }" [attr.data-testid]="'glance-' + box">
              <span class="tile__value" [class.tile__value--todo]="box === 'todo' && (counts()?.todo ?? 0) > 0">{{ counts()?.[box] ?? '–' }}</span>
              <span class="tile__label">{{ boxLabel(box) }}</span>
            </a>
          }
        </div>
        @for (item of items(); track item.id) {
          <a class="item" [routerLink]="['/approvals', item.id]" data-testid="glance-item">
            <nz-tag class="item__tag">{{ subjectLabel(item.subjectType) }}</nz-tag>
            <span class="item__title">{{ item.title }}</span>
            <span class="item__at">{{ item.updatedAt | date: 'MM-dd HH:mm' }}</span>
          </a>
        } @empty {
          @if (inbox.hasValue()) {
            <nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="'approvals.emptyTodo' | t" />
          }
        }
      }
    </nz-card>
    <ng-template #more><a routerLink="/approvals">{{ 'home.viewAll' | t }}</a></ng-template>
  `,
  styles: `
    .tiles { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 10px; margin-bottom: 8px; }
    .tile { display: flex; flex-direction: column; padding: 10px 12px; border: 1px solid #f0f0f0; border-radius: 8px; color: inherit; }
    .tile:hover { border-color: #1677ff; }
    .tile__value { font-size: 24px; font-weight: 600; line-height: 1.3; font-variant-numeric: tabular-nums; color: rgba(0, 0, 0, 0.88); }
    .tile__value--todo { color: #cf1322; }
    .tile__label { color: rgba(0, 0, 0, 0.6); }
    .item { display: flex; align-items: baseline; gap: 8px; padding: 8px 0; border-bottom: 1px solid #f5f5f5; color: inherit; }
    .item:hover .item__title { color: #0958d9; }
    .item__tag { flex: none; margin: 0; }
    .item__title { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .item__at { flex: none; color: rgba(0, 0, 0, 0.6); font-size: 12px; font-variant-numeric: tabular-nums; }
  `,
})
export class ApprovalGlanceComponent {
  private readonly api = inject(ApprovalsApi);
  private readonly approvalCounts = inject(ApprovalCounts);
  private readonly i18n = inject(I18nService);
  /** How many awaiting items to list. */
  readonly limit = input(5);

  protected readonly boxes = APPROVAL_INBOX_BOXES;
  protected readonly inbox = rxResource({ params: () => this.limit(), stream: ({ params }) => this.api.inbox('todo', 1, params) });
  protected readonly counts = computed(() => (this.inbox.hasValue() ? this.inbox.value().counts : null));
  protected readonly items = computed(() => (this.inbox.hasValue() ? this.inbox.value().items : []));

  constructor() {
    effect(() => {
      const counts = this.counts();
      if (counts) this.approvalCounts.set(counts);
    });
  }

  protected boxLabel(box: ApprovalInboxBox): string {
    return this.i18n.t(APPROVAL_BOX_LABELS[box]);
  }

  protected subjectLabel(type: ApprovalSubjectType): string {
    return this.i18n.t(APPROVAL_SUBJECT_LABELS[type]);
  }
}
