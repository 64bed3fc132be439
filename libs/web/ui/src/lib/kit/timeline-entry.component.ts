import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * One entry of a who-did-what timeline (an nz-timeline-item's content): the projected head (who and
 * what) followed by when, then an optional detail line and the note written with it (a comment, a
 * reason), quoted. The page puts its journeys' handles on the host and on the head's parts.
 */
@Component({
  selector: 'luoshi-timeline-entry',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe],
  template: `
    <div class="head">
      <ng-content />
      <span class="at">{{ at() | date: 'yyyy-MM-dd HH:mm' }}</span>
    </div>
    @if (detail()) {
      <div class="detail">{{ detail() }}</div>
    }
    @if (note()) {
      <div class="note" [attr.data-testid]="noteTestId()">{{ note() }}</div>
    }
  `,
  styles: `
    :host { display: block; }
    .head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 10px; }
    .at { color: rgba(0, 0, 0, 0.6); font-size: 12px; font-variant-numeric: tabular-nums; }
    .detail { margin-top: 2px; color: rgba(0, 0, 0, 0.6); font-size: 13px; }
    .note { margin-top: 4px; padding: 6px 10px; background: #fafafa; border-left: 3px solid #d9d9d9; border-radius: 2px; white-space: pre-wrap; }
  `,
})
export class TimelineEntryComponent {
  /** When it happened (an ISO time). */
  readonly at = input.required<string>();
  readonly detail = input<string | null>(null);
  readonly note = input<string | null>(null);
  /** The journeys' handle on the note. */
  readonly noteTestId = input<string | null>(null);
}
