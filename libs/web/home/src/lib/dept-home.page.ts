import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { AuthService, I18nService, TranslatePipe } from '@luoshi/web/core';
import { ApprovalGlanceComponent, ReportGlanceComponent } from '@luoshi/web/reports';
import { HomeShortcutsComponent } from './home-shortcuts.component';
import { HomeStackComponent } from './home-stack.component';
import { TaskCountCardComponent, type TaskCountItem } from './task-count-card.component';

/** Statuses in which the lead department has the task in hand (办理中). */
const IN_HAND = ['accepted', 'in_progress', 'completion_requested'] as const;

/** dept_liaison / dept_head home, titled with the user's department: its task counts, shortcuts, department facts. */
@Component({
  selector: 'luoshi-dept-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NzCardModule, NzDescriptionsModule, NzTagModule, TranslatePipe, HomeShortcutsComponent, HomeStackComponent, TaskCountCardComponent, ApprovalGlanceComponent, ReportGlanceComponent],
  template: `
    <luoshi-home-stack [heading]="heading()">
      @if (taskCounts(); as items) {
        <luoshi-task-count-card [heading]="'home.myTaskCounts' | t" [items]="items" [extra]="allTasks" testId="dept-task-counts" />
      }
      <ng-template #allTasks><a routerLink="/my-tasks">{{ 'home.allMyTasks' | t }}</a></ng-template>
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
      <luoshi-report-glance />
      @if (auth.hasAnyRole(['dept_head'])) {
        <luoshi-approval-glance />
      }
    </luoshi-home-stack>
  `,
})
export class DeptHomePage {
  protected readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18nService);
  protected readonly heading = computed(() => this.i18n.t('home.deptTitle', { dept: this.auth.user()?.department.name ?? '' }));
  /** To accept (led by us, assigned), in hand, overdue — each opening 我的任务 filtered the same way. */
  protected readonly taskCounts = computed<TaskCountItem[] | null>(() => {
    const code = this.auth.user()?.department.code;
    if (!code) return null;
    const inHand = IN_HAND.join(',');
    const items: TaskCountItem[] = [
      {
        id: 'to-accept',
        label: this.i18n.t('home.toAccept'),
        query: { scope: 'mine', status: 'assigned', leadDepartment: code },
        link: '/my-tasks',
        params: { status: 'assigned', leadDepartment: code },
        color: '#874d00',
      },
      { id: 'in-progress', label: this.i18n.t('home.inProgress'), query: { scope: 'mine', status: inHand }, link: '/my-tasks', params: { status: inHand } },
      {
        id: 'overdue',
        label: this.i18n.t('home.overdue'),
        query: { scope: 'mine', overdue: true },
        link: '/my-tasks',
        params: { overdue: 'true' },
        color: '#cf1322',
      },
    ];
    return items;
  });
}
