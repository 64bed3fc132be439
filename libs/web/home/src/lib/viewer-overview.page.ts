import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzStatisticModule } from 'ng-zorro-antd/statistic';
import { DEPARTMENT_KINDS } from '@luoshi/contracts';
import { DirectoryApi, I18nService, TranslatePipe } from '@luoshi/web/core';
import { LoadErrorComponent } from '@luoshi/web/ui';
import { HomeIntroComponent } from './home-intro.component';
import { UpcomingCardComponent } from './upcoming-card.component';

/** viewer's read-only overview: the department directory by kind (real), more with task data. */
@Component({
  selector: 'luoshi-viewer-overview-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzCardModule, NzGridModule, NzStatisticModule, TranslatePipe, LoadErrorComponent, HomeIntroComponent, UpcomingCardComponent],
  template: `
    <luoshi-home-intro [heading]="'home.overviewTitle' | t" />
    @if (departments.error(); as error) {
      <luoshi-load-error [error]="error" (retry)="departments.reload()" />
    }
    <nz-card nzSize="small" [nzTitle]="'home.directoryByKind' | t" class="block">
      <div nz-row [nzGutter]="[16, 16]">
        @for (row of byKind(); track row.kind) {
          <div nz-col [nzXs]="12" [nzMd]="6">
            <nz-statistic [nzTitle]="i18n.kindLabel(row.kind)" [nzValue]="row.count ?? '–'" />
          </div>
        }
      </div>
    </nz-card>
    <luoshi-upcoming-card [text]="'home.upcomingOverview' | t" />
  `,
  styles: `.block { margin-bottom: 16px; }`,
})
export class ViewerOverviewPage {
  private readonly directory = inject(DirectoryApi);
  protected readonly i18n = inject(I18nService);
  protected readonly departments = rxResource({ stream: () => this.directory.departments() });
  protected readonly byKind = computed(() => {
    const list = this.departments.hasValue() ? this.departments.value() : null;
    return DEPARTMENT_KINDS.map((kind) => ({ kind, count: list ? list.filter((d) => d.kind === kind).length : null }));
  });
}
