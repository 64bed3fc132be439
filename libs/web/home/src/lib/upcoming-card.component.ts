import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { TranslatePipe } from '@luoshi/web/core';

/** States honestly that a home's data comes with a later feature; no placeholder numbers. */
@Component({
  selector: 'luoshi-upcoming-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzCardModule, NzEmptyModule, TranslatePipe],
  template: `
    <nz-card [nzTitle]="'home.upcoming' | t" nzSize="small" data-testid="upcoming">
      <nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="text()" />
    </nz-card>
  `,
})
export class UpcomingCardComponent {
  readonly text = input.required<string>();
}
