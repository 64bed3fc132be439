import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, type ValidationErrors, Validators } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NZ_MODAL_DATA } from 'ng-zorro-antd/modal';
import { MIN_PASSWORD_LENGTH, type UserResponse } from '@luoshi/contracts';
import { DirectoryApi, TranslatePipe } from '@luoshi/web/core';
import { checkForm, FieldComponent, formDialog, FormDialogComponent } from '@luoshi/web/ui';

function samePasswords(group: AbstractControl): ValidationErrors | null {
  const password = group.get('password')?.value as string | undefined;
  const confirm = group.get('confirm')?.value as string | undefined;
  return confirm && password !== confirm ? { mismatch: true } : null;
}

/** Sets a new password for a user; the server ends that user's sessions. */
@Component({
  selector: 'luoshi-reset-password-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, NzAlertModule, NzFormModule, NzInputModule, TranslatePipe, FormDialogComponent, FieldComponent],
  template: `
    <nz-alert nzType="warning" nzShowIcon [nzMessage]="'users.resetPasswordNote' | t" class="dialog-alert" />
    <luoshi-form-dialog [state]="dialog" formId="reset-password-form" [okText]="'users.resetPassword' | t" [danger]="true">
      <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()" id="reset-password-form">
        <luoshi-field [label]="'users.newPassword' | t" for="rp-password" [required]="true" [status]="form.controls.password" [error]="'users.passwordTooShort' | t" [extra]="'users.passwordHint' | t">
          <input nz-input id="rp-password" type="password" formControlName="password" autocomplete="new-password" data-testid="reset-password" />
        </luoshi-field>
        <luoshi-field [label]="'users.confirmPassword' | t" for="rp-confirm" [required]="true" [status]="mismatch() ? 'error' : form.controls.confirm" [error]="'users.passwordMismatch' | t">
          <input nz-input id="rp-confirm" type="password" formControlName="confirm" autocomplete="new-password" data-testid="reset-confirm" />
        </luoshi-field>
      </form>
    </luoshi-form-dialog>
  `,
})
export class ResetPasswordDialog {
  private readonly user = inject<UserResponse>(NZ_MODAL_DATA);
  private readonly directory = inject(DirectoryApi);

  protected readonly dialog = formDialog<UserResponse>();
  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      password: ['', [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH), Validators.maxLength(200)]],
      confirm: ['', [Validators.required]],
    },
    { validators: samePasswords },
  );

  protected mismatch(): boolean {
    return this.form.hasError('mismatch') && this.form.controls.confirm.dirty;
  }

  protected submit(): void {
    if (!checkForm(this.form)) return;
    this.dialog.submit(this.directory.updateUser(this.user.id, { password: this.form.controls.password.value }));
  }
}
