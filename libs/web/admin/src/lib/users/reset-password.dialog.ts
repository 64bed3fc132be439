import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, type ValidationErrors, Validators } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NZ_MODAL_DATA, NzModalModule, NzModalRef } from 'ng-zorro-antd/modal';
import { MIN_PASSWORD_LENGTH, type UserResponse } from '@luoshi/contracts';
import { type ApiError, DirectoryApi, I18nService, toApiError, TranslatePipe } from '@luoshi/web/core';

function samePasswords(group: AbstractControl): ValidationErrors | null {
  const password = group.get('password')?.value as string | undefined;
  const confirm = group.get('confirm')?.value as string | undefined;
  return confirm && password !== confirm ? { mismatch: true } : null;
}

/** Sets a new password for a user; the server ends that user's sessions. */
@Component({
  selector: 'luoshi-reset-password-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, NzAlertModule, NzButtonModule, NzFormModule, NzInputModule, NzModalModule, TranslatePipe],
  template: `
    <nz-alert nzType="warning" nzShowIcon [nzMessage]="'users.resetPasswordNote' | t" class="dialog-alert" />
    @if (errorText(); as message) {
      <nz-alert nzType="error" nzShowIcon [nzMessage]="message" class="dialog-alert" data-testid="dialog-error" />
    }
    <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()" id="reset-password-form">
      <nz-form-item>
        <nz-form-label nzFor="rp-password" nzRequired>{{ 'users.newPassword' | t }}</nz-form-label>
        <nz-form-control [nzErrorTip]="'users.passwordTooShort' | t" [nzExtra]="'users.passwordHint' | t">
          <input nz-input id="rp-password" type="password" formControlName="password" autocomplete="new-password" data-testid="reset-password" />
        </nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <nz-form-label nzFor="rp-confirm" nzRequired>{{ 'users.confirmPassword' | t }}</nz-form-label>
        <nz-form-control [nzValidateStatus]="mismatch() ? 'error' : form.controls.confirm" [nzErrorTip]="'users.passwordMismatch' | t">
          <input nz-input id="rp-confirm" type="password" formControlName="confirm" autocomplete="new-password" data-testid="reset-confirm" />
        </nz-form-control>
      </nz-form-item>
    </form>
    <div *nzModalFooter>
      <button nz-button type="button" (click)="cancel()">{{ 'common.cancel' | t }}</button>
      <button nz-button nzType="primary" nzDanger type="submit" form="reset-password-form" [nzLoading]="saving()" data-testid="dialog-submit">
        {{ 'users.resetPassword' | t }}
      </button>
    </div>
  `,
})
export class ResetPasswordDialog {
  private readonly user = inject<UserResponse>(NZ_MODAL_DATA);
  private readonly modal = inject<NzModalRef<ResetPasswordDialog, UserResponse>>(NzModalRef);
  private readonly directory = inject(DirectoryApi);
  private readonly i18n = inject(I18nService);

  protected readonly saving = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly errorText = computed(() => {
    const error = this.error();
    return error ? this.i18n.errorText(error) : null;
  });
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

  protected cancel(): void {
    this.modal.destroy();
  }

  protected submit(): void {
    if (this.form.invalid) {
      for (const control of Object.values(this.form.controls)) {
        control.markAsDirty();
        control.updateValueAndValidity();
      }
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    this.directory.updateUser(this.user.id, { password: this.form.controls.password.value }).subscribe({
      next: (user) => this.modal.close(user),
      error: (error: unknown) => {
        this.saving.set(false);
        this.error.set(toApiError(error));
      },
    });
  }
}
