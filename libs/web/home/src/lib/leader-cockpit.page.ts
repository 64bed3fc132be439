import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslatePipe } from '@luoshi/web/core';
import { HomeIntroComponent } from './home-intro.component';
import { HomeShortcutsComponent } from './home-shortcuts.component';
import { UpcomingCardComponent } from './upcoming-card.component';

/** leader's home. Charts (lazily loaded echarts) come with the task data in a later round. */
@Component({
  selector: 'luoshi-leader-cockpit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, HomeIntroComponent, HomeShortcutsComponent, UpcomingCardComponent],
  template: `
    <luoshi-home-intro [heading]="'home.cockpitTitle' | t" />
    <div class="stack">
      <luoshi-home-shortcuts />
      <luoshi-upcoming-card [text]="'home.upcomingCockpit' | t" />
    </div>
  `,
  styles: `.stack { display: grid; gap: 16px; }`,
})
export class LeaderCockpitPage {}
