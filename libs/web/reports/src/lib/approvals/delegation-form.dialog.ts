import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NZ_MODAL_DATA } from 'ng-zorro-antd/modal';
import type { Observable } from 'rxjs';
import type { ApprovalDelegationResponse, TaskUserRef } from '@luoshi/contracts';
import { ApprovalsApi, AuthService, localIsoDate, TranslatePipe } from '@luoshi/web/core';
import { FieldComponent, formDialog, FormDialogComponent } from '@luoshi/web/ui';
import { localDate } from '../shared/report-labels';
import { UserPickerComponent } from './user-picker.component';

export interface DelegationFormData {
  /** Set: change this delegation's period; unset: create one. */
  delegation?: ApprovalDelegationResponse;
  /** People known from the inbox and existing delegations, for the pickers. */
  people: TaskUserRef[];
}

/** Create a delegation (the office administrator may do it for someone else), or change its period. */
@Component({
  selector: 'luoshi-delegation-form-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzDatePickerModule, NzFormModule, NzInputModule, TranslatePipe, UserPickerComponent, FormDialogComponent, FieldComponent],
  template: `
    <luoshi-form-dialog [state]="dialog" formId="delegation-form" [okText]="'common.save' | t">
      <form nz-form nzLayout="vertical" (ngSubmit)="submit()" id="delegation-form">
        @if (!editing && isAdmin) {
          <luoshi-field [label]="'delegations.from' | t">
            <luoshi-user-picker [(value)]="fromUserId" [known]="data.people" testId="delegation-from" />
          </luoshi-field>
        }
        @if (!editing) {
          <luoshi-field [label]="'delegations.to' | t" [required]="true" [status]="touched() && !toUserId() ? 'error' : ''" [error]="'delegations.toRequired' | t">
            <luoshi-user-picker [(value)]="toUserId" [known]="data.people" [exclude]="[meId]" [invalid]="touched() && !toUserId()" testId="delegation-to" />
          </luoshi-field>
        }
        <luoshi-field [label]="'delegations.period' | t" [required]="true" [status]="touched() && !range() ? 'error' : ''" [error]="'delegations.periodRequired' | t">
          <nz-range-picker name="range" [ngModel]="range()" (ngModelChange)="range.set($event?.length === 2 ? $event : null)" data-testid="delegation-range" />
        </luoshi-field>
        <luoshi-field [label]="'delegations.reason' | t" for="delegation-reason">
          <input nz-input id="delegation-reason" name="reason" maxlength="500" [placeholder]="'delegations.reasonPlaceholder' | t" [ngModel]="reason()" (ngModelChange)="reason.set($event)" data-testid="delegation-reason" />
        </luoshi-field>
      </form>
    </luoshi-form-dialog>
  `,
})
export class DelegationFormDialog {
  protected readonly data = inject<DelegationFormData>(NZ_MODAL_DATA);
  private readonly api = inject(ApprovalsApi);
  private readonly auth = inject(AuthService);

  protected readonly editing = !!this.data.delegation;
  protected readonly isAdmin = this.auth.hasAnyRole(['office_admin']);
  protected readonly meId = this.auth.user()?.id ?? '';
  protected readonly fromUserId = signal<string | null>(null);
  protected readonly toUserId = signal<string | null>(null);
  protected readonly range = signal<Date[] | null>(this.data.delegation ? [localDate(this.data.delegation.fromDate), localDate(this.data.delegation.toDate)] : null);
  protected readonly reason = signal(this.data.delegation?.reason ?? '');
  protected readonly touched = signal(false);
  protected readonly dialog = formDialog<ApprovalDelegationResponse>();

  protected submit(): void {
    this.touched.set(true);
    const range = this.range();
    if (!range || (!this.editing && !this.toUserId())) return;
    const [from, to] = range;
    const reason = this.reason().trim() || undefined;
    const call: Observable<ApprovalDelegationResponse> = this.data.delegation
      ? this.api.updateDelegation(this.data.delegation.id, { fromDate: localIsoDate(from), toDate: localIsoDate(to), reason })
      : this.api.createDelegation({ fromUserId: this.fromUserId() ?? undefined, toUserId: this.toUserId() ?? '', fromDate: localIsoDate(from), toDate: localIsoDate(to), reason });
    this.dialog.submit(call);
  }
}
