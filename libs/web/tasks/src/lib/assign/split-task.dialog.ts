import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NZ_MODAL_DATA } from 'ng-zorro-antd/modal';
import type { TaskResponse } from '@luoshi/contracts';
import { TasksApi, TranslatePipe } from '@luoshi/web/core';
import { FieldComponent, formDialog, FormDialogComponent } from '@luoshi/web/ui';

/** The non-empty lines of the text, trimmed. */
export function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** Splits a draft task into several (one title a line); closes with the resulting tasks. */
@Component({
  selector: 'luoshi-split-task-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzFormModule, NzInputModule, TranslatePipe, FormDialogComponent, FieldComponent],
  template: `
    <luoshi-form-dialog [state]="dialog" formId="split-form" [okText]="'taskAssign.split' | t" [hint]="'taskAssign.splitHint' | t: { code: task.code }">
      <form nz-form nzLayout="vertical" (ngSubmit)="submit()" id="split-form">
        <luoshi-field [label]="'taskAssign.splitTitles' | t" for="split-titles" [required]="true" [status]="tooFew() ? 'error' : ''" [error]="'taskAssign.splitTooFew' | t">
          <textarea nz-input id="split-titles" name="titles" rows="6" [ngModel]="text()" (ngModelChange)="text.set($event)" data-testid="split-titles"></textarea>
        </luoshi-field>
      </form>
    </luoshi-form-dialog>
  `,
})
export class SplitTaskDialog {
  protected readonly task = inject<TaskResponse>(NZ_MODAL_DATA);
  private readonly api = inject(TasksApi);

  protected readonly text = signal(`${this.task.title}\n`);
  protected readonly touched = signal(false);
  protected readonly tooFew = computed(() => this.touched() && splitLines(this.text()).length < 2);
  protected readonly dialog = formDialog<TaskResponse[]>();

  protected submit(): void {
    this.touched.set(true);
    const titles = splitLines(this.text());
    if (titles.length < 2) return;
    this.dialog.submit(this.api.split(this.task.id, titles, this.task.version));
  }
}
