import { ChangeDetectionStrategy, Component, inject, input, isDevMode } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { tap } from 'rxjs';
import { AppInfoService, AuthService, homePathFor, TranslatePipe } from '@luoshi/web/core';
import { checkForm, FieldComponent, LangSwitchComponent, submission } from '@luoshi/web/ui';

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

  /** Query parameters, bound by the router. */
  readonly returnUrl = input<string>();
  readonly reason = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', [Validators.required, Validators.maxLength(64)]],
    password: ['', [Validators.required, Validators.maxLength(200)]],
  });
  protected readonly signIn = submission();
  protected readonly showDemoHint = isDevMode();

  protected submit(): void {
    if (!checkForm(this.form)) return;
    const { username, password } = this.form.getRawValue();
    // A failed sign-in clears the password (its error shows above the form).
    const login = this.auth.login({ username: username.trim(), password }).pipe(tap({ error: () => this.form.controls.password.reset('') }));
    this.signIn.runAndStay(login, (user) => {
      void this.router.navigateByUrl(safeReturnUrl(this.returnUrl()) ?? homePathFor(user.roles));
    });
  }
}
