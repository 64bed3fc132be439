import { ChangeDetectionStrategy, Component, inject, model } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { AuthService, I18nService, TranslatePipe } from '@luoshi/web/core';
import { RoleTagComponent } from '@luoshi/web/ui';

/** Who am I: username, roles, department. */
@Component({
  selector: 'luoshi-profile-drawer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NzDrawerModule, NzDescriptionsModule, NzTagModule, TranslatePipe, RoleTagComponent],
  template: `
    <nz-drawer [nzVisible]="open()" [nzWidth]="420" [nzTitle]="'profile.title' | t" (nzOnClose)="open.set(false)">
      <ng-container *nzDrawerContent>
        @if (auth.user(); as me) {
          <nz-descriptions nzBordered [nzColumn]="1" nzSize="small" data-testid="profile">
            <nz-descriptions-item [nzTitle]="'profile.username' | t">
              <span data-testid="profile-username">{{ me.username }}</span>
            </nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="'profile.displayName' | t">{{ me.displayName }}</nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="'profile.roles' | t">
              @for (role of me.roles; track role) {
                <luoshi-role-tag [role]="role" />
              }
            </nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="'profile.department' | t">
              <span data-testid="profile-department">{{ me.department.name }}</span>
            </nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="'profile.departmentCode' | t">{{ me.department.code }}</nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="'profile.departmentKind' | t">{{ i18n.kindLabel(me.department.kind) }}</nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="'profile.status' | t">
              <nz-tag [nzColor]="me.active ? 'success' : 'default'">
                {{ (me.active ? 'profile.active' : 'profile.inactive') | t }}
              </nz-tag>
            </nz-descriptions-item>
          </nz-descriptions>
          @if (!auth.hasAnyRole(['viewer']) || me.roles.length > 1) {
            <p [style.margin-top.px]="16"><a routerLink="/approvals/delegations" (click)="open.set(false)" data-testid="profile-delegations">{{ 'nav.delegations' | t }}</a></p>
          }
        }
      </ng-container>
    </nz-drawer>
  `,
})
export class ProfileDrawerComponent {
  protected readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18nService);
  readonly open = model(false);
}
