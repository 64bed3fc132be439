import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, type ParamMap } from '@angular/router';
import { map } from 'rxjs';
import { DashboardViewComponent } from './dashboard-view.component';

/** The dashboard's choices as the URL holds them. */
function choicesIn(query: ParamMap) {
  return { planId: query.get('planId'), department: query.get('department'), granularity: query.get('granularity'), part: query.get('part') };
}

/**
 * The dashboard as a page shows it (/dashboard, the leader's /cockpit): its choices come from the
 * page's URL (?planId=&department=&granularity=&part=) and are written back to it, so Back from a
 * drill-down returns to them.
 */
@Component({
  selector: 'luoshi-url-dashboard',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DashboardViewComponent],
  template: `
    @let c = choices();
    <luoshi-dashboard-view [planId]="c.planId" [department]="c.department" [granularityParam]="c.granularity" [partParam]="c.part" [syncUrl]="true" />
  `,
})
export class UrlDashboardComponent {
  private readonly route = inject(ActivatedRoute);
  protected readonly choices = toSignal(this.route.queryParamMap.pipe(map(choicesIn)), { initialValue: choicesIn(this.route.snapshot.queryParamMap) });
}
