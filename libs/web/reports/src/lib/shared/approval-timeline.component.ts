import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';
import type { ApprovalStepResponse, ApprovalTimelineEntry } from '@luoshi/contracts';
import { I18nService, TranslatePipe } from '@luoshi/web/core';
import { TimelineEntryComponent } from '@luoshi/web/ui';

interface Row {
  entry: ApprovalTimelineEntry;
  color: string;
  action: string;
  /** 对象：…, 退回至：…, 已提醒 … */
  detail: string | null;
}

const COLORS: Record<string, string> = { approve: 'green', reject: 'red', return: 'orange', withdraw: 'gray', timeout: 'gray', start: 'blue' };

/** Who did what, when, with which comment — "B 代 A" when delegated, the system for timeouts. Newest last. */
@Component({
  selector: 'luoshi-approval-timeline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzEmptyModule, NzTagModule, NzTimelineModule, TranslatePipe, TimelineEntryComponent],
  template: `
    @if (rows().length === 0) {
      <nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="'approvals.noTimeline' | t" />
    } @else {
      <nz-timeline data-testid="approval-timeline">
        @for (row of rows(); track row.entry.version) {
          <nz-timeline-item [nzColor]="row.color">
            <luoshi-timeline-entry
              data-testid="timeline-entry"
              [attr.data-type]="row.entry.type"
              [at]="row.entry.at"
              [detail]="row.detail"
              [note]="row.entry.comment"
              noteTestId="timeline-comment"
            >
              <span class="who" data-testid="timeline-actor">{{ row.entry.actor ? row.entry.actorLabel : ('approvals.system' | t) }}</span>
              <span data-testid="timeline-action">{{ row.action }}</span>
              @if (row.entry.stepName) {
                <nz-tag class="step">{{ row.entry.stepName }}</nz-tag>
              }
            </luoshi-timeline-entry>
          </nz-timeline-item>
        }
      </nz-timeline>
    }
  `,
  styles: `
    .who { font-weight: 500; }
    .step { margin: 0; }
  `,
})
export class ApprovalTimelineComponent {
  private readonly i18n = inject(I18nService);
  readonly entries = input.required<readonly ApprovalTimelineEntry[]>();
  /** To name the step a return went back to. */
  readonly steps = input<readonly ApprovalStepResponse[]>([]);

  protected readonly rows = computed<Row[]>(() =>
    this.entries().map((entry) => ({
      entry,
      color: COLORS[entry.type] ?? 'blue',
      action: this.i18n.t(`approvalDone.${entry.type}`),
      detail: this.detail(entry),
    })),
  );

  private detail(entry: ApprovalTimelineEntry): string | null {
    const names = entry.targets.map((t) => t.displayName).join('、');
    switch (entry.type) {
      case 'return': {
        const key = entry.data['toStepKey'];
        if (typeof key !== 'string') return this.i18n.t('approvals.returnToDrafter');
        const step = this.steps().find((s) => s.key === key);
        return this.i18n.t('approvals.returnTo', { step: step?.name ?? key });
      }
      case 'transfer':
        return names ? this.i18n.t('approvals.targets', { names }) : null;
      case 'addSigner': {
        const position = entry.data['position'] === 'before' ? 'approvals.position_before' : 'approvals.position_after';
        return names ? `${this.i18n.t('approvals.targets', { names })}（${this.i18n.t(position)}）` : null;
      }
      case 'timeout':
        if (entry.data['timeoutOutcome'] === 'escalated') return this.i18n.t('approvals.escalated', { names });
        return entry.data['timeoutOutcome'] === 'reminded' ? `${this.i18n.t('approvals.reminded')}${names ? `：${names}` : ''}` : null;
      default:
        return null;
    }
  }
}
