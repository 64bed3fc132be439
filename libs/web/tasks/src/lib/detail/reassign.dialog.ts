import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NZ_MODAL_DATA } from 'ng-zorro-antd/modal';
import { NzSelectModule, type NzSelectOptionInterface } from 'ng-zorro-antd/select';
import type { TaskResponse } from '@luoshi/contracts';
import { TasksApi, TranslatePipe } from '@luoshi/web/core';
import { FieldComponent, formDialog, FormDialogComponent } from '@luoshi/web/ui';

export interface ReassignData {
  task: TaskResponse;
  departments: NzSelectOptionInterface[];
}

/** 改派: a new lead department (which must accept again), co-departments and the reason. */
@Component({
  selector: 'luoshi-reassign-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzFormModule, NzInputModule, NzSelectModule, TranslatePipe, FormDialogComponent, FieldComponent],
  template: `
    <luoshi-form-dialog [state]="dialog" formId="reassign-form" [okText]="'taskActions.reassign' | t" [hint]="'taskDetail.reassignHint' | t">
      <form nz-form nzLayout="vertical" (ngSubmit)="submit()" id="reassign-form">
        <luoshi-field [label]="'taskDetail.newLead' | t" [required]="true">
          <nz-select nzShowSearch name="lead" [nzOptions]="data.departments" [ngModel]="lead()" (ngModelChange)="lead.set($event)" data-testid="reassign-lead" />
        </luoshi-field>
        <luoshi-field [label]="'taskDetail.newCo' | t">
          <nz-select nzMode="multiple" nzShowSearch name="co" [nzOptions]="data.departments" [ngModel]="co()" (ngModelChange)="co.set($event)" />
        </luoshi-field>
        <luoshi-field [label]="'taskDetail.reason' | t" for="reassign-reason" [required]="true" [status]="touched() && !reason().trim() ? 'error' : ''" [error]="'tasks.reasonRequired' | t">
          <textarea nz-input id="reassign-reason" name="reason" rows="3" maxlength="1000" [ngModel]="reason()" (ngModelChange)="reason.set($event)" data-testid="dialog-text"></textarea>
        </luoshi-field>
      </form>
    </luoshi-form-dialog>
  `,
})
export class ReassignDialog {
  protected readonly data = inject<ReassignData>(NZ_MODAL_DATA);
  private readonly api = inject(TasksApi);

  protected readonly lead = signal<string | null>(this.data.task.leadDepartment?.code ?? null);
  protected readonly co = signal<string[]>(this.data.task.coDepartments.map((d) => d.code));
  protected readonly reason = signal('');
  protected readonly touched = signal(false);
  protected readonly dialog = formDialog<TaskResponse>();

  protected submit(): void {
    this.touched.set(true);
    const lead = this.lead();
    const reason = this.reason().trim();
    if (!lead || !reason) return;
    this.dialog.submit(this.api.reassign(this.data.task.id, { leadDepartmentCode: lead, coDepartmentCodes: this.co(), reason, version: this.data.task.version }));
  }
}
