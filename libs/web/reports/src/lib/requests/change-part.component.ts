import { ChangeDetectionStrategy, Component, computed, forwardRef, input, linkedSignal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import type { ChangeRequestPayload, TaskDetailResponse } from '@luoshi/contracts';
import { localIsoDate, TranslatePipe } from '@luoshi/web/core';
import { departmentDirectory, FieldComponent, SelectOptionsPipe } from '@luoshi/web/ui';
import { beijingToday } from '../shared/report-labels';
import { DueDatePickerComponent } from './due-date-picker.component';
import { CHANGE_FIELD_LABELS } from './request-labels';
import { RequestPart } from './request-part';

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * 任务变更申请's part: the task's title, body, departments and deadline, filled in as they are today.
 * Only what the user changes goes into the payload; nothing changed is refused here (the API would too).
 */
@Component({
  selector: 'luoshi-change-part',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [{ provide: RequestPart, useExisting: forwardRef(() => ChangePartComponent) }],
  imports: [FormsModule, NzInputModule, NzSelectModule, TranslatePipe, SelectOptionsPipe, DueDatePickerComponent, FieldComponent],
  template: `
    <p class="hint">{{ 'taskRequests.changeHint' | t }}</p>
    <luoshi-field [label]="labels.title | t" for="change-title" [required]="true" [status]="touched() && !title().trim() ? 'error' : ''" [error]="'taskRequests.titleRequired' | t">
      <input nz-input id="change-title" name="title" maxlength="500" [ngModel]="title()" (ngModelChange)="title.set($event)" data-testid="change-title" />
    </luoshi-field>
    <luoshi-field [label]="labels.body | t" for="change-body">
      <textarea nz-input id="change-body" name="body" rows="3" maxlength="5000" [ngModel]="body()" (ngModelChange)="body.set($event)" data-testid="change-body"></textarea>
    </luoshi-field>
    <luoshi-field [label]="labels.leadDepartment | t" for="change-lead">
      <nz-select
        nzId="change-lead"
        name="lead"
        nzShowSearch
        [nzPlaceHolder]="'taskRequests.leadPlaceholder' | t"
        [ngModel]="leadId()"
        (ngModelChange)="setLead($event)"
        data-testid="change-lead"
        [nzOptions]="departments() | selectOptions: 'id' : 'name'"
      />
    </luoshi-field>
    <luoshi-field [label]="labels.coDepartments | t" for="change-co">
      <nz-select
        nzId="change-co"
        name="co"
        nzMode="multiple"
        nzShowSearch
        [nzPlaceHolder]="'taskRequests.coPlaceholder' | t"
        [ngModel]="coIds()"
        (ngModelChange)="coIds.set($event)"
        data-testid="change-co"
        [nzOptions]="coOptions() | selectOptions: 'id' : 'name'"
      />
    </luoshi-field>
    <luoshi-field [label]="labels.dueDate | t">
      <luoshi-due-date-picker [(value)]="due" [allowClear]="false" [disabledDate]="beforeToday" testId="change-due" />
    </luoshi-field>
    @if (touched() && nothingChanged()) {
      <p class="problem" role="alert" data-testid="change-nothing">{{ 'taskRequests.nothingChanged' | t }}</p>
    }
  `,
  styles: `
    .hint { margin: 0 0 12px; color: rgba(0, 0, 0, 0.6); font-size: 12px; }
    .problem { margin: 0 0 12px; color: #cf1322; }
  `,
})
export class ChangePartComponent extends RequestPart<'change_request'> {
  readonly task = input.required<TaskDetailResponse>();
  readonly touched = input(false);

  protected readonly labels = CHANGE_FIELD_LABELS;
  protected readonly departments = departmentDirectory().list;

  // Prefilled from the task as it is; the user's edits stay until the task itself changes.
  protected readonly title = linkedSignal(() => this.task().title);
  protected readonly body = linkedSignal(() => this.task().body);
  protected readonly leadId = linkedSignal<string | null>(() => this.task().leadDepartment?.id ?? null);
  protected readonly coIds = linkedSignal(() => this.task().coDepartments.map((d) => d.id));
  protected readonly due = linkedSignal<string | null>(() => this.task().dueDate);

  /** The lead department is never its own co-department. */
  protected readonly coOptions = computed(() => this.departments().filter((d) => d.id !== this.leadId()));

  private readonly changes = computed<ChangeRequestPayload>(() => {
    const task = this.task();
    const out: ChangeRequestPayload = {};
    const title = this.title().trim();
    if (title !== task.title) out.title = title;
    // Compared trimmed, as the API does: whitespace alone is no change.
    if (this.body().trim() !== task.body.trim()) out.body = this.body().trim();
    const lead = this.leadId();
    if (lead && lead !== task.leadDepartment?.id) out.leadDepartmentId = lead;
    if (!sameSet(this.coIds(), task.coDepartments.map((d) => d.id))) out.coDepartmentIds = this.coIds();
    const due = this.due();
    if (due && due !== task.dueDate) out.dueDate = due;
    return out;
  });
  protected readonly nothingChanged = computed(() => Object.keys(this.changes()).length === 0);

  readonly payload = computed<ChangeRequestPayload | null>(() => (this.nothingChanged() || !this.title().trim() ? null : this.changes()));

  protected setLead(id: string | null): void {
    this.leadId.set(id);
    if (id) this.coIds.update((ids) => ids.filter((x) => x !== id));
  }

  /** A new deadline lies ahead (Beijing's today is the first pickable day). */
  protected readonly beforeToday = (date: Date): boolean => localIsoDate(date) < beijingToday();
}
