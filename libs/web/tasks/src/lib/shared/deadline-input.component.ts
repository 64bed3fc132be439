import { ChangeDetectionStrategy, Component, computed, input, model, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzPopoverModule } from 'ng-zorro-antd/popover';
import { localIsoDate, TranslatePipe } from '@luoshi/web/core';
import { DayCellComponent, HolidayWarningComponent } from '@luoshi/web/ui';
import { parseIsoDate } from './task-labels';

/** Phrases the API's deadline parser reads (see parseDeadlinePhrase): a few years ahead, recurring, long-term. */
export function deadlinePhrases(today = new Date()): string[] {
  const year = today.getFullYear();
  return [`${year}年底`, `${year + 1}年6月底`, `${year + 1}年底`, '每月', '每季度', '每半年', '每年', '长期'];
}

/**
 * A deadline as free text — a date (2027-06-30) or a phrase (2027年6月底, 每季度, 长期) — with a
 * calendar (休/班 marks from the holiday calendar) and common phrases one click away. A date on a
 * holiday or weekend is warned about, with the next working day one click away. The API parses the
 * text and answers what it cannot read.
 */
@Component({
  selector: 'luoshi-deadline-input',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzButtonModule, NzDatePickerModule, NzIconModule, NzInputModule, NzPopoverModule, TranslatePipe, DayCellComponent, HolidayWarningComponent],
  template: `
    <nz-input-group [nzSize]="size()" [nzSuffix]="suffix" [nzStatus]="invalid() ? 'error' : ''" class="group">
      <input
        nz-input
        [ngModel]="value()"
        (ngModelChange)="value.set($event)"
        [placeholder]="placeholder() ?? ('taskAssign.deadlinePlaceholder' | t)"
        [disabled]="disabled()"
        (keydown.enter)="enter.emit()"
        [attr.data-testid]="testId()"
      />
    </nz-input-group>
    @if (!disabled()) {
      <luoshi-holiday-warning [date]="value()" (useNext)="value.set($event)" />
    }
    <ng-template #suffix>
      <button
        type="button"
        class="pick"
        nz-popover
        nzPopoverTrigger="click"
        nzPopoverPlacement="bottomRight"
        [nzPopoverContent]="panel"
        [nzPopoverVisible]="open()"
        (nzPopoverVisibleChange)="open.set($event)"
        [disabled]="disabled()"
        [attr.aria-label]="'taskAssign.pickDate' | t"
        [title]="'taskAssign.pickDate' | t"
      >
        <nz-icon nzType="calendar" />
      </button>
    </ng-template>
    <ng-template #panel>
      <div class="panel">
        <nz-date-picker nzInline [nzDateRender]="day" [ngModel]="date()" (ngModelChange)="pickDate($event)" data-testid="deadline-calendar" />
        <ng-template #day let-current><luoshi-day-cell [date]="current" /></ng-template>
        <div class="phrases">
          <span class="phrases__label">{{ 'taskAssign.phrases' | t }}</span>
          @for (phrase of phrases; track phrase) {
            <button nz-button nzSize="small" type="button" (click)="pick(phrase)">{{ phrase }}</button>
          }
        </div>
      </div>
    </ng-template>
  `,
  styles: `
    :host { display: block; }
    .group { width: 100%; }
    .pick { padding: 0; border: 0; background: none; color: rgba(0, 0, 0, 0.6); cursor: pointer; line-height: 1; }
    .pick:hover:not(:disabled) { color: #0958d9; }
    .panel { width: 288px; }
    .phrases { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-top: 8px; padding-top: 8px; border-top: 1px solid #f0f0f0; }
    .phrases__label { width: 100%; font-size: 12px; color: rgba(0, 0, 0, 0.6); }
  `,
})
export class DeadlineInputComponent {
  readonly value = model('');
  readonly disabled = input(false);
  readonly invalid = input(false);
  readonly size = input<'small' | 'default'>('small');
  readonly placeholder = input<string>();
  readonly testId = input<string>();
  /** Enter pressed in the text box. */
  readonly enter = output();

  protected readonly open = signal(false);
  protected readonly phrases = deadlinePhrases();
  protected readonly date = computed(() => parseIsoDate(this.value().trim()));

  protected pickDate(date: Date | null): void {
    if (date) this.pick(localIsoDate(date));
  }

  protected pick(text: string): void {
    this.value.set(text);
    this.open.set(false);
  }
}
