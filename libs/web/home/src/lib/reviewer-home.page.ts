import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslatePipe } from '@luoshi/web/core';
import { ApprovalGlanceComponent } from '@luoshi/web/reports';
import { HomeIntroComponent } from './home-intro.component';
import { HomeShortcutsComponent } from './home-shortcuts.component';

/** office_reviewer's home. */
@Component({
  selector: 'luoshi-reviewer-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, ApprovalGlanceComponent, HomeIntroComponent, HomeShortcutsComponent],
  template: `
    <luoshi-home-intro [heading]="'home.reviewerTitle' | t" />
    <div class="stack">
      <luoshi-home-shortcuts />
      <luoshi-approval-glance />
    </div>
  `,
  styles: `.stack { display: grid; gap: 16px; }`,
})
export class ReviewerHomePage {}
