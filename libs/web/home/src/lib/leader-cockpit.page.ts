import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@luoshi/web/core';
import { DashboardViewComponent } from '@luoshi/web/dashboards';
import { HomeShortcutsComponent } from './home-shortcuts.component';
import { HomeStackComponent } from './home-stack.component';

/**
 * leader's home: the dashboard (领导驾驶舱, loaded on demand with its charts), then the shortcuts.
 * Its choices live in the URL (/cockpit?planId=&department=&granularity=&part=), so Back from a drill-down returns to them.
 */
@Component({
  selector: 'luoshi-leader-cockpit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, HomeShortcutsComponent, HomeStackComponent, DashboardViewComponent],
  template: `
    <luoshi-home-stack [heading]="'home.cockpitTitle' | t">
      @defer (on immediate) {
        <luoshi-dashboard-view
          [planId]="planId() ?? null"
          [department]="department() ?? null"
          [granularityParam]="granularity() ?? null"
          [partParam]="part() ?? null"
          [syncUrl]="true"
        />
      }
      <luoshi-home-shortcuts />
    </luoshi-home-stack>
  `,
})
export class LeaderCockpitPage {
  /** Query parameters (router input binding). */
  readonly planId = input<string>();
  readonly department = input<string>();
  readonly granularity = input<string>();
  readonly part = input<string>();
}
