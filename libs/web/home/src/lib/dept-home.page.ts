import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { AuthService, I18nService, TranslatePipe } from '@luoshi/web/core';
import { HomeIntroComponent } from './home-intro.component';
import { HomeShortcutsComponent } from './home-shortcuts.component';
import { UpcomingCardComponent } from './upcoming-card.component';

/** dept_liaison / dept_head home, titled with the user's department. */
@Component({
  selector: 'luoshi-dept-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzCardModule, NzDescriptionsModule, NzTagModule, TranslatePipe, HomeIntroComponent, HomeShortcutsComponent, UpcomingCardComponent],
  template: `
    <luoshi-home-intro [heading]="heading()" />
    <div class="stack">
      <luoshi-home-shortcuts />
      @if (auth.user(); as me) {
        <nz-card nzSize="small" [nzTitle]="'home.departmentInfo' | t">
          <nz-descriptions [nzColumn]="{ xxl: 3, xl: 3, lg: 3, md: 2, sm: 1, xs: 1 }" nzSize="small">
            <nz-descriptions-item [nzTitle]="'departments.name' | t">{{ me.department.name }}</nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="'departments.kind' | t">{{ i18n.kindLabel(me.department.kind) }}</nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="'home.aliases' | t">
              @for (alias of me.department.aliases; track alias) {
                <nz-tag>{{ alias }}</nz-tag>
              } @empty {
                {{ 'common.none' | t }}
              }
            </nz-descriptions-item>
          </nz-descriptions>
        </nz-card>
      }
      <luoshi-upcoming-card [text]="'home.upcomingDept' | t" />
    </div>
  `,
  styles: `.stack { display: grid; gap: 16px; }`,
})
export class DeptHomePage {
  protected readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18nService);
  protected readonly heading = computed(() => this.i18n.t('home.deptTitle', { dept: this.auth.user()?.department.name ?? '' }));
}
