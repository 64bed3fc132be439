import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { HomeIntroComponent } from './home-intro.component';

/**
 * A role's home laid out as most are: the heading and greeting, then the projected cards one under
 * another. minmax(0, 1fr): the column never grows to its tiles' one-row width (on a phone that widened the page).
 */
@Component({
  selector: 'luoshi-home-stack',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [HomeIntroComponent],
  template: `
    <luoshi-home-intro [heading]="heading()" />
    <div class="stack"><ng-content /></div>
  `,
  styles: `.stack { display: grid; grid-template-columns: minmax(0, 1fr); gap: 16px; }`,
})
export class HomeStackComponent {
  readonly heading = input.required<string>();
}
