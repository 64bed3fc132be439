import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { NzTagModule } from 'ng-zorro-antd/tag';
import type { Role } from '@luoshi/contracts';
import { I18nService } from '@luoshi/web/core';

const ROLE_COLORS: Record<Role, string> = {
  office_admin: 'geekblue',
  office_reviewer: 'cyan',
  dept_liaison: 'green',
  dept_head: 'orange',
  leader: 'red',
  viewer: 'default',
};

@Component({
  selector: 'luoshi-role-tag',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzTagModule],
  template: `<nz-tag [nzColor]="color()" data-testid="role-tag">{{ label() }}</nz-tag>`,
})
export class RoleTagComponent {
  private readonly i18n = inject(I18nService);
  readonly role = input.required<Role>();
  protected readonly color = computed(() => ROLE_COLORS[this.role()]);
  protected readonly label = computed(() => this.i18n.roleLabel(this.role()));
}
