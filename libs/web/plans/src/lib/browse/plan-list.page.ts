import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { AuthService, TranslatePipe } from '@luoshi/web/core';
import { LoadErrorComponent, PageHeaderComponent, planDirectory } from '@luoshi/web/ui';

/** Every signed-in user: the imported plans with their current version and figures. */
@Component({
  selector: 'luoshi-plan-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, NzButtonModule, NzEmptyModule, NzIconModule, NzTableModule, NzTagModule, TranslatePipe, LoadErrorComponent, PageHeaderComponent],
  template: `
    <luoshi-page-header [heading]="'plans.title' | t" [subtitle]="'plans.subtitle' | t" testId="page-title">
      @if (canImport()) {
        <a nz-button nzType="primary" routerLink="/plans/import" data-testid="plan-import-link"><nz-icon nzType="cloud-upload" />{{ 'plans.importNew' | t }}</a>
      }
    </luoshi-page-header>
    @if (plans.resource.error(); as error) {
      <luoshi-load-error [error]="error" (retry)="plans.resource.reload()" />
    }
    <div class="panel">
      <nz-table #table nzSize="middle" [nzData]="plans.list()" [nzLoading]="plans.resource.isLoading()" [nzHideOnSinglePage]="true" [nzNoResult]="empty" data-testid="plans-table">
        <thead>
          <tr>
            <th>{{ 'plans.planTitle' | t }}</th>
            <th nzWidth="90px">{{ 'plans.version' | t }}</th>
            <th nzWidth="80px" nzAlign="right">{{ 'plans.parts' | t }}</th>
            <th nzWidth="80px" nzAlign="right">{{ 'plans.measures' | t }}</th>
            <th nzWidth="80px" nzAlign="right">{{ 'plans.indicators' | t }}</th>
            <th nzWidth="90px" nzAlign="right">{{ 'plans.duties' | t }}</th>
            <th nzWidth="150px">{{ 'plans.updatedAt' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (plan of table.data; track plan.id) {
            <tr [attr.data-testid]="'plan-row'">
              <td><a [routerLink]="['/plans', plan.id]" class="title" data-testid="plan-link">{{ plan.title }}</a></td>
              <td><nz-tag nzColor="blue">{{ 'plans.versionTag' | t: { n: plan.currentVersion } }}</nz-tag></td>
              <td nzAlign="right" class="num">{{ plan.stats.parts }}</td>
              <td nzAlign="right" class="num" data-testid="plan-measures">{{ plan.stats.measures }}</td>
              <td nzAlign="right" class="num">{{ plan.stats.indicators }}</td>
              <td nzAlign="right" class="num">{{ plan.stats.duties }}</td>
              <td class="num muted">{{ plan.updatedAt | date: 'yyyy-MM-dd HH:mm' }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
    </div>
    <ng-template #empty>
      <nz-empty [nzNotFoundContent]="(canImport() ? 'plans.emptyOffice' : 'plans.empty') | t" />
    </ng-template>
  `,
  styles: `
    .panel { background: #fff; border-radius: 8px; padding: 16px 20px; }
    .title { font-weight: 500; }
    .num { font-variant-numeric: tabular-nums; }
    .muted { color: rgba(0, 0, 0, 0.6); }
  `,
})
export class PlanListPage {
  private readonly auth = inject(AuthService);
  protected readonly plans = planDirectory();
  protected readonly canImport = computed(() => this.auth.hasAnyRole(['office_admin']));
}
