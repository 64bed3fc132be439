import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslatePipe } from '@luoshi/web/core';
import { ApprovalGlanceComponent } from '@luoshi/web/reports';
import { HomeShortcutsComponent } from './home-shortcuts.component';
import { HomeStackComponent } from './home-stack.component';

/** office_reviewer's home. */
@Component({
  selector: 'luoshi-reviewer-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, ApprovalGlanceComponent, HomeShortcutsComponent, HomeStackComponent],
  template: `
    <luoshi-home-stack [heading]="'home.reviewerTitle' | t">
      <luoshi-home-shortcuts />
      <luoshi-approval-glance />
    </luoshi-home-stack>
  `,
})
export class ReviewerHomePage {}
