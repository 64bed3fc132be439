import { ChangeDetectionStrategy, Component, computed, inject, input, isDevMode, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { ApiError, AppInfoService, AuthService, homePathFor, I18nService, toApiError, TranslatePipe } from '@luoshi/web/core';
import { FieldComponent, LangSwitchComponent } from '@luoshi/web/ui';

/** Only same-app paths are followed after sign-in (no open redirects). */
function safeReturnUrl(url: string | undefined): string | null {
  if (!url || !url.startsWith('/') || url.startsWith('//') || url.startsWith('/login')) return null;
  return url;
}

@Component({
  selector: 'luoshi-login-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, NzFormModule, NzInputModule, NzButtonModule, NzAlertModule, NzIconModule, TranslatePipe, LangSwitchComponent, FieldComponent],
  templateUrl: './login.page.html',
  styleUrl: './login.page.css',
})
export class LoginPage {
  private readonly auth = inject(AuthService);
  /** The product's name as configured (APP_TITLE). */
  protected readonly appInfo = inject(AppInfoService);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);

  /** Query parameters, bound by the router. */
  readonly returnUrl = input<string>();
  readonly reason = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', [Validators.required, Validators.maxLength(64)]],
    password: ['', [Validators.required, Validators.maxLength(200)]],
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly errorText = computed(() => {
    const error = this.error();
    return error ? this.i18n.errorText(error) : null;
  });
  protected readonly showDemoHint = isDevMode();

  protected submit(): void {
    if (this.form.invalid) {
      for (const control of Object.values(this.form.controls)) {
        control.markAsDirty();
        control.updateValueAndValidity();
      }
      return;
    }
    this.submitting.set(true);
    this.error.set(null);
    const { username, password } = this.form.getRawValue();
    this.auth.login({ username: username.trim(), password }).subscribe({
      next: (user) => {
        this.submitting.set(false);
        void this.router.navigateByUrl(safeReturnUrl(this.returnUrl()) ?? homePathFor(user.roles));
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        this.error.set(toApiError(error));
        this.form.controls.password.reset('');
      },
    });
  }
}
