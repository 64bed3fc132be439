import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslatePipe } from '@luoshi/web/core';
import { UrlDashboardComponent } from '@luoshi/web/dashboards';
import { HomeShortcutsComponent } from './home-shortcuts.component';
import { HomeStackComponent } from './home-stack.component';

/**
 * leader's home: the dashboard (领导驾驶舱, loaded on demand with its charts), then the shortcuts.
 * Its choices live in the URL (/cockpit?planId=&department=&granularity=&part=), so Back from a drill-down returns to them.
 */
@Component({
  selector: 'luoshi-leader-cockpit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, HomeShortcutsComponent, HomeStackComponent, UrlDashboardComponent],
  template: `
    <luoshi-home-stack [heading]="'home.cockpitTitle' | t">
      @defer (on immediate) {
        <luoshi-url-dashboard />
      }
      <luoshi-home-shortcuts />
    </luoshi-home-stack>
  `,
})
export class LeaderCockpitPage {}
