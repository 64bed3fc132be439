import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslatePipe } from '@luoshi/web/core';
import { HomeIntroComponent } from './home-intro.component';
import { HomeShortcutsComponent } from './home-shortcuts.component';
import { UpcomingCardComponent } from './upcoming-card.component';

/** office_reviewer's home. */
@Component({
  selector: 'luoshi-reviewer-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, HomeIntroComponent, HomeShortcutsComponent, UpcomingCardComponent],
  template: `
    <luoshi-home-intro [heading]="'home.reviewerTitle' | t" />
    <div class="stack">
      <luoshi-home-shortcuts />
      <luoshi-upcoming-card [text]="'home.upcomingReviewer' | t" />
    </div>
  `,
  styles: `.stack { display: grid; gap: 16px; }`,
})
export class ReviewerHomePage {}
