import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ApprovalDetailResponse, ApprovalInstanceStatus, ApprovalTimelineEntry } from '@luoshi/contracts';
import { TranslatePipe } from '@luoshi/web/core';
import { ApprovalStatusTagComponent } from './approval-status-tag.component';
import { ApprovalTimelineComponent } from './approval-timeline.component';

interface RoundView {
  id: string;
  round: number;
  status: ApprovalInstanceStatus;
  createdAt: string;
  current: boolean;
  timeline: readonly ApprovalTimelineEntry[];
}

/**
 * Every round of an item's approval, oldest first: an earlier return or withdrawal with its comments
 * stays visible when the item is resubmitted (and an old round names the later ones). The current
 * round's timeline is the page's own, so here it is only marked.
 */
@Component({
  selector: 'luoshi-approval-rounds',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, TranslatePipe, ApprovalStatusTagComponent, ApprovalTimelineComponent],
  template: `
    <p class="hint">{{ 'lists.roundsHint' | t }}</p>
    <ol class="rounds" data-testid="approval-rounds">
      @for (r of rounds(); track r.id) {
        <li class="round" [class.round--current]="r.current" data-testid="approval-round" [attr.data-round]="r.round" [attr.data-current]="r.current">
          <div class="round__head">
            <span class="round__name">{{ 'lists.round' | t: { n: r.round } }}</span>
            <luoshi-approval-status-tag [status]="r.status" />
            <span class="muted">{{ r.createdAt | date: 'yyyy-MM-dd HH:mm' }}</span>
            @if (r.current) {
              <span class="round__this">{{ 'lists.thisRound' | t }}</span>
            } @else {
              <a class="round__open" [routerLink]="['/approvals', r.id]" data-testid="approval-round-open">{{ 'lists.roundOpen' | t }}</a>
            }
          </div>
          @if (!r.current) {
            <luoshi-approval-timeline [entries]="r.timeline" [steps]="detail().steps" />
          }
        </li>
      }
    </ol>
  `,
  styles: `
    .hint { margin: 0 0 8px; color: rgba(0, 0, 0, 0.6); font-size: 12px; }
    .rounds { margin: 0; padding: 0; list-style: none; display: grid; gap: 12px; }
    .round { padding: 10px 12px; border: 1px solid #f0f0f0; border-radius: 6px; }
    .round--current { border-color: #91caff; background: #f0f7ff; }
    .round__head { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin-bottom: 8px; }
    .round--current .round__head { margin-bottom: 0; }
    .round__name { font-weight: 600; }
    .round__this { color: #0958d9; font-size: 12px; }
    .round__open { margin-left: auto; font-size: 13px; }
    .muted { color: rgba(0, 0, 0, 0.6); font-size: 12px; }
  `,
})
export class ApprovalRoundsComponent {
  readonly detail = input.required<ApprovalDetailResponse>();

  protected readonly rounds = computed<RoundView[]>(() => {
    const d = this.detail();
    const current: RoundView = { id: d.id, round: d.round, status: d.status, createdAt: d.createdAt, current: true, timeline: d.timeline };
    return [...d.otherRounds.map((r) => ({ ...r, current: false })), current].sort((a, b) => a.round - b.round);
  });
}
