import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NZ_MODAL_DATA } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import type { Observable } from 'rxjs';
import { type DepartmentResponse, MIN_PASSWORD_LENGTH, ROLES, type Role, type UpdateUserRequest, type UserResponse } from '@luoshi/contracts';
import { DirectoryApi, I18nService, TranslatePipe } from '@luoshi/web/core';
import { checkForm, departmentOptions, FieldComponent, formDialog, FormDialogComponent } from '@luoshi/web/ui';

export interface UserFormData {
  departments: DepartmentResponse[];
  /** The user to edit; absent to create one. */
  user?: UserResponse;
}

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/i;

/** Create a user, or edit one's name, department, roles and active flag. Closes with the saved user. */
@Component({
  selector: 'luoshi-user-form-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    NzCheckboxModule,
    NzFormModule,
    NzInputModule,
    NzSelectModule,
    NzSwitchModule,
    TranslatePipe,
    FormDialogComponent,
    FieldComponent,
  ],
  templateUrl: './user-form.dialog.html',
})
export class UserFormDialog {
  private readonly data = inject<UserFormData>(NZ_MODAL_DATA);
  private readonly directory = inject(DirectoryApi);
  protected readonly i18n = inject(I18nService);

  protected readonly editing = this.data.user;
  protected readonly departmentOptions = departmentOptions(this.data.departments, (kind) => this.i18n.kindLabel(kind));
  protected readonly roleOptions = computed(() => ROLES.map((role) => ({ label: this.i18n.roleLabel(role), value: role })));
  protected readonly dialog = formDialog<UserResponse>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: [this.editing?.username ?? '', this.editing ? [] : [Validators.required, Validators.pattern(USERNAME_PATTERN)]],
    displayName: [this.editing?.displayName ?? '', [Validators.required, Validators.maxLength(64)]],
    password: ['', this.editing ? [] : [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH), Validators.maxLength(200)]],
    departmentCode: [this.editing?.department.code ?? '', [Validators.required]],
    roles: [this.editing?.roles ?? ([] as Role[]), [Validators.required]],
    active: [this.editing?.active ?? true],
  });

  constructor() {
    if (this.editing) this.form.controls.username.disable();
  }

  protected usernameError(): string {
    return this.i18n.t(this.form.controls.username.hasError('required') ? 'users.usernameRequired' : 'users.usernameInvalid');
  }

  protected passwordError(): string {
    return this.i18n.t(this.form.controls.password.hasError('required') ? 'login.passwordRequired' : 'users.passwordTooShort');
  }

  protected submit(): void {
    if (!checkForm(this.form)) return;
    this.dialog.submit(this.save());
  }

  private save(): Observable<UserResponse> {
    const value = this.form.getRawValue();
    const displayName = value.displayName.trim();
    if (!this.editing) {
      return this.directory.createUser({
        username: value.username.trim(),
        displayName,
        password: value.password,
        departmentCode: value.departmentCode,
        roles: value.roles,
      });
    }
    const before = this.editing;
    const patch: UpdateUserRequest = {};
    if (displayName !== before.displayName) patch.displayName = displayName;
    if (value.departmentCode !== before.department.code) patch.departmentCode = value.departmentCode;
    if (value.roles.length !== before.roles.length || value.roles.some((r) => !before.roles.includes(r))) patch.roles = value.roles;
    if (value.active !== before.active) patch.active = value.active;
    return this.directory.updateUser(before.id, patch);
  }
}
