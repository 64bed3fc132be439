import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslatePipe } from '@luoshi/web/core';
import { DashboardViewComponent } from '@luoshi/web/dashboards';
import { HomeIntroComponent } from './home-intro.component';
import { HomeShortcutsComponent } from './home-shortcuts.component';

/** leader's home: the dashboard (领导驾驶舱, loaded on demand with its charts), then the shortcuts. */
@Component({
  selector: 'luoshi-leader-cockpit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, HomeIntroComponent, HomeShortcutsComponent, DashboardViewComponent],
  template: `
    <luoshi-home-intro [heading]="'home.cockpitTitle' | t" />
    <div class="stack">
      @defer (on immediate) {
        <luoshi-dashboard-view />
      }
      <luoshi-home-shortcuts />
    </div>
  `,
  styles: `.stack { display: grid; gap: 16px; }`,
})
export class LeaderCockpitPage {}
