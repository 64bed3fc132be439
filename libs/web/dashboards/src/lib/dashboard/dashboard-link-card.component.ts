import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { TranslatePipe } from '@luoshi/web/core';

/** A home page's way into the dashboard: what it shows, and the button. No data, no charts. */
@Component({
  selector: 'luoshi-dashboard-link-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NzButtonModule, NzCardModule, NzIconModule, TranslatePipe],
  template: `
    <nz-card nzSize="small" [nzTitle]="'dashboard.title' | t" data-testid="dashboard-link-card">
      <div class="card">
        <nz-icon nzType="fund" class="card__icon" />
        <p class="card__text">{{ 'dashboard.linkText' | t }}</p>
        <a nz-button nzType="primary" routerLink="/dashboard" data-testid="open-dashboard">{{ 'dashboard.open' | t }}</a>
      </div>
    </nz-card>
  `,
  styles: `
    .card { display: flex; align-items: center; gap: 16px; }
    .card__icon { font-size: 32px; color: #0958d9; }
    .card__text { flex: 1; margin: 0; color: rgba(0, 0, 0, 0.65); }
  `,
})
export class DashboardLinkCardComponent {}
