import { ChangeDetectionStrategy, Component, computed, forwardRef, inject, input, signal } from '@angular/core';
import type { ExtensionRequestPayload, TaskDetailResponse } from '@luoshi/contracts';
import { I18nService, localIsoDate, TranslatePipe } from '@luoshi/web/core';
import { FieldComponent } from '@luoshi/web/ui';
import { DueDatePickerComponent } from './due-date-picker.component';
import { RequestPart } from './request-part';

/** 延期申请's part: the new deadline, after the current one, on the working-day calendar. */
@Component({
  selector: 'luoshi-extension-part',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [{ provide: RequestPart, useExisting: forwardRef(() => ExtensionPartComponent) }],
  imports: [TranslatePipe, DueDatePickerComponent, FieldComponent],
  template: `
    <luoshi-field [label]="'taskRequests.currentDue' | t">
      <strong>{{ task().dueDate ?? ('taskRequests.noDue' | t) }}</strong>
    </luoshi-field>
    <luoshi-field [label]="'taskRequests.newDue' | t" [required]="true" [status]="shownProblem() ? 'error' : ''" [error]="shownProblem() ?? ''">
      <luoshi-due-date-picker [(value)]="newDue" [disabledDate]="notLater" testId="extension-date" />
    </luoshi-field>
  `,
})
export class ExtensionPartComponent extends RequestPart<'extension_request'> {
  private readonly i18n = inject(I18nService);
  readonly task = input.required<TaskDetailResponse>();
  readonly touched = input(false);

  /** 'YYYY-MM-DD'. */
  protected readonly newDue = signal<string | null>(null);
  private readonly problem = computed(() => {
    const iso = this.newDue();
    if (!iso) return this.i18n.t('taskRequests.newDueRequired');
    const due = this.task().dueDate;
    return due && iso <= due ? this.i18n.t('taskRequests.newDueLater') : null;
  });
  protected readonly shownProblem = computed(() => (this.touched() ? this.problem() : null));

  readonly payload = computed<ExtensionRequestPayload | null>(() => {
    const iso = this.newDue();
    return iso && !this.problem() ? { newDueDate: iso } : null;
  });

  /** Dates up to the current deadline cannot be picked. */
  protected readonly notLater = (date: Date): boolean => {
    const due = this.task().dueDate;
    return !!due && localIsoDate(date) <= due;
  };
}
