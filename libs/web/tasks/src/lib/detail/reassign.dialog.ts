import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NZ_MODAL_DATA, NzModalModule, NzModalRef } from 'ng-zorro-antd/modal';
import { NzSelectModule, type NzSelectOptionInterface } from 'ng-zorro-antd/select';
import type { TaskResponse } from '@luoshi/contracts';
import { type ApiError, I18nService, TasksApi, toApiError, TranslatePipe } from '@luoshi/web/core';

export interface ReassignData {
  task: TaskResponse;
  departments: NzSelectOptionInterface[];
}

/** 改派: a new lead department (which must accept again), co-departments and the reason. */
@Component({
  selector: 'luoshi-reassign-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzFormModule, NzInputModule, NzModalModule, NzSelectModule, TranslatePipe],
  template: `
    <p class="hint">{{ 'taskDetail.reassignHint' | t }}</p>
    @if (errorText(); as message) {
      <nz-alert nzType="error" nzShowIcon [nzMessage]="message" class="dialog-alert" data-testid="dialog-error" />
    }
    <form nz-form nzLayout="vertical" (ngSubmit)="submit()" id="reassign-form">
      <nz-form-item>
        <nz-form-label nzRequired>{{ 'taskDetail.newLead' | t }}</nz-form-label>
        <nz-form-control>
          <nz-select nzShowSearch name="lead" [nzOptions]="data.departments" [ngModel]="lead()" (ngModelChange)="lead.set($event)" data-testid="reassign-lead" />
        </nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <nz-form-label>{{ 'taskDetail.newCo' | t }}</nz-form-label>
        <nz-form-control>
          <nz-select nzMode="multiple" nzShowSearch name="co" [nzOptions]="data.departments" [ngModel]="co()" (ngModelChange)="co.set($event)" />
        </nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <nz-form-label nzFor="reassign-reason" nzRequired>{{ 'taskDetail.reason' | t }}</nz-form-label>
        <nz-form-control [nzValidateStatus]="touched() && !reason().trim() ? 'error' : ''" [nzErrorTip]="'tasks.reasonRequired' | t">
          <textarea nz-input id="reassign-reason" name="reason" rows="3" maxlength="1000" [ngModel]="reason()" (ngModelChange)="reason.set($event)" data-testid="dialog-text"></textarea>
        </nz-form-control>
      </nz-form-item>
    </form>
    <div *nzModalFooter>
      <button nz-button type="button" (click)="cancel()">{{ 'common.cancel' | t }}</button>
      <button nz-button nzType="primary" type="submit" form="reassign-form" [nzLoading]="saving()" data-testid="dialog-submit">{{ 'taskActions.reassign' | t }}</button>
    </div>
  `,
  styles: `.hint { margin: 0 0 12px; color: rgba(0, 0, 0, 0.6); }`,
})
export class ReassignDialog {
  protected readonly data = inject<ReassignData>(NZ_MODAL_DATA);
  private readonly modal = inject<NzModalRef<ReassignDialog, TaskResponse>>(NzModalRef);
  private readonly api = inject(TasksApi);
  private readonly i18n = inject(I18nService);

  protected readonly lead = signal<string | null>(this.data.task.leadDepartment?.code ?? null);
  protected readonly co = signal<string[]>(this.data.task.coDepartments.map((d) => d.code));
  protected readonly reason = signal('');
  protected readonly touched = signal(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly errorText = computed(() => {
    const error = this.error();
    return error ? this.i18n.errorText(error) : null;
  });

  protected cancel(): void {
    this.modal.destroy();
  }

  protected submit(): void {
    this.touched.set(true);
    const lead = this.lead();
    const reason = this.reason().trim();
    if (!lead || !reason || this.saving()) return;
    this.saving.set(true);
    this.error.set(null);
    this.api
      .reassign(this.data.task.id, { leadDepartmentCode: lead, coDepartmentCodes: this.co(), reason, version: this.data.task.version })
      .subscribe({
        next: (task) => this.modal.close(task),
        error: (raw: unknown) => {
          this.saving.set(false);
          this.error.set(toApiError(raw));
        },
      });
  }
}
