import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NZ_MODAL_DATA } from 'ng-zorro-antd/modal';
import type { CreateTaskRequest, TaskDetailResponse, TaskRequestKind, TaskRequestResponse } from '@luoshi/contracts';
import { TranslatePipe } from '@luoshi/web/core';
import { formDialog, FormDialogComponent, TextAreaFieldComponent } from '@luoshi/web/ui';
import { ChangePartComponent } from './change-part.component';
import { CompletionPartComponent } from './completion-part.component';
import { ExtensionPartComponent } from './extension-part.component';
import { REQUEST_KINDS } from './request-labels';
import { RequestPart } from './request-part';
import { RequestsApi } from './requests.api';

export interface TaskRequestData {
  task: TaskDetailResponse;
  kind: TaskRequestKind;
}

/**
 * Files a request about a task, of any kind: the shell holds what every kind shares (the reason,
 * the API's error, Cancel / Submit) and shows the kind's own part, which hands over the payload.
 * Filed and sent into approval at once; closes with the new request.
 */
@Component({
  selector: 'luoshi-task-request-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    NzFormModule,
    TranslatePipe,
    FormDialogComponent,
    TextAreaFieldComponent,
    ChangePartComponent,
    CompletionPartComponent,
    ExtensionPartComponent,
  ],
  template: `
    <luoshi-form-dialog [state]="state" formId="task-request-form" [okText]="'taskRequests.submit' | t">
    <form nz-form nzLayout="vertical" (ngSubmit)="submit()" id="task-request-form" [attr.data-kind]="data.kind">
      @switch (data.kind) {
        @case ('extension_request') {
          <luoshi-extension-part [task]="data.task" [touched]="touched()" />
        }
        @case ('completion_request') {
          <luoshi-completion-part [task]="data.task" [touched]="touched()" />
        }
        @case ('change_request') {
          <luoshi-change-part [task]="data.task" [touched]="touched()" />
        }
      }
      <luoshi-text-area-field [label]="texts.reason | t" inputId="task-request-reason" name="reason" [placeholder]="texts.reasonPlaceholder | t" [required]="true" [invalid]="touched() && !reason().trim()" [error]="'taskRequests.reasonRequired' | t: { label: (texts.reason | t) }" [(value)]="reason" [testId]="reasonTestId" />
    </form>
    </luoshi-form-dialog>
  `,
})
export class TaskRequestDialog {
  protected readonly data = inject<TaskRequestData>(NZ_MODAL_DATA);
  private readonly api = inject(RequestsApi);
  protected readonly state = formDialog<TaskRequestResponse>();
  private readonly part = viewChild(RequestPart);

  protected readonly texts = REQUEST_KINDS[this.data.kind];
  /** The journeys' names for the reason box (办结's was its summary before the kinds were one). */
  protected readonly reasonTestId = this.data.kind === 'completion_request' ? 'completion-summary' : `${this.texts.stem}-reason`;
  protected readonly reason = signal('');
  protected readonly touched = signal(false);

  protected submit(): void {
    this.touched.set(true);
    const payload = this.part()?.payload();
    const reason = this.reason().trim();
    if (!payload || !reason) return;
    // The part of data.kind made the payload: kind and payload belong together.
    const body = { kind: this.data.kind, reason, payload } as CreateTaskRequest;
    this.state.submit(this.api.create(this.data.task.id, body));
  }
}
