import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDividerModule } from 'ng-zorro-antd/divider';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import type { UserResponse } from '@luoshi/contracts';
import { AuthService, DirectoryApi, I18nService, TranslatePipe } from '@luoshi/web/core';
import { ConfirmLinkComponent, departmentDirectory, formDialogs, ListPanelComponent, pageAction, PageHeaderComponent, RoleTagComponent, SearchInputComponent } from '@luoshi/web/ui';
import { ResetPasswordDialog } from './reset-password.dialog';
import { type UserFormData, UserFormDialog } from './user-form.dialog';

/** office_admin: list, create and edit user accounts. */
@Component({
  selector: 'luoshi-users-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    NzButtonModule,
    NzDividerModule,
    NzIconModule,
    NzModalModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    TranslatePipe,
    ListPanelComponent,
    PageHeaderComponent,
    RoleTagComponent,
    SearchInputComponent,
    ConfirmLinkComponent,
  ],
  templateUrl: './users.page.html',
  styleUrl: '../admin-page.css',
})
export class UsersPage {
  private readonly directory = inject(DirectoryApi);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);
  protected readonly me = inject(AuthService).user;
  private readonly dialogs = formDialogs();

  protected readonly users = rxResource({ stream: () => this.directory.users() });
  protected readonly departments = departmentDirectory();

  protected readonly search = signal('');
  protected readonly departmentFilter = signal<string | null>(null);
  protected readonly rowAction = pageAction<string>();

  protected readonly rows = computed(() => {
    if (!this.users.hasValue()) return [];
    const text = this.search().trim().toLowerCase();
    const department = this.departmentFilter();
    return this.users
      .value()
      .filter((user) => !department || user.department.code === department)
      .filter((user) => !text || user.username.toLowerCase().includes(text) || user.displayName.toLowerCase().includes(text));
  });

  protected create(): void {
    this.openForm(undefined);
  }

  protected edit(user: UserResponse): void {
    this.openForm(user);
  }

  protected resetPassword(user: UserResponse): void {
    this.dialogs
      .open<UserResponse, UserResponse>(ResetPasswordDialog, {
        title: this.i18n.t('users.resetPasswordFor', { name: user.displayName }),
        data: user,
        width: 460,
      })
      .subscribe((saved) => {
        if (saved) this.message.success(this.i18n.t('users.passwordResetDone', { name: saved.displayName }));
      });
  }

  protected setActive(user: UserResponse, active: boolean): void {
    this.rowAction.runFor(user.id, this.directory.updateUser(user.id, { active }), (saved) => {
      this.replace(saved);
      this.message.success(this.i18n.t(active ? 'users.activated' : 'users.deactivated', { name: saved.displayName }));
    });
  }

  private openForm(user: UserResponse | undefined): void {
    const departments = this.departments.list();
    this.dialogs
      .saved<UserResponse, UserFormData>(UserFormDialog, {
        title: this.i18n.t(user ? 'users.edit' : 'users.create'),
        data: { departments, user },
        width: 620,
      })
      .subscribe((saved) => {
        if (user) this.replace(saved);
        else this.users.reload();
        this.message.success(this.i18n.t(user ? 'users.updated' : 'users.created', { name: saved.displayName }));
      });
  }

  private replace(saved: UserResponse): void {
    this.users.update((list) => list?.map((u) => (u.id === saved.id ? saved : u)));
  }
}
