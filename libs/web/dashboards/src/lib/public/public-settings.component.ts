import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { AuthService, I18nService, TranslatePipe } from '@luoshi/web/core';
import { LoadErrorComponent, pageAction, planDirectory, SelectComponent, SelectOptionsPipe } from '@luoshi/web/ui';
import { DashboardsApi } from '../api/dashboards.api';

/** office_admin switches the public summary (/public) on or off and may pin its plan; others see the state. */
@Component({
  selector: 'luoshi-public-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzButtonModule, NzCardModule, NzIconModule, NzSwitchModule, TranslatePipe, SelectComponent, SelectOptionsPipe, LoadErrorComponent],
  template: `
    <nz-card nzSize="small" [nzTitle]="'publicSummary.settingsTitle' | t" [nzExtra]="openLink" data-testid="public-settings">
      @if (settings.error(); as error) {
        <luoshi-load-error [error]="error" (retry)="settings.reload()" />
      } @else if (settings.hasValue()) {
        <p class="hint">{{ 'publicSummary.settingsHint' | t: { url: publicUrl } }}</p>
        <div class="row">
          <nz-switch [ngModel]="settings.value().enabled" (ngModelChange)="save($event, settings.value().planId)" [nzDisabled]="!canEdit()" [nzLoading]="saveAction.running()" [attr.aria-label]="'publicSummary.settingsTitle' | t" data-testid="public-toggle" />
          <span class="switch-label" data-testid="public-state">{{ (settings.value().enabled ? 'publicSummary.enabled' : 'publicSummary.disabled') | t }}</span>
        </div>
        <div class="row">
          <span class="label">{{ 'publicSummary.plan' | t }}</span>
          <luoshi-select
            class="plan"
            [options]="plans() | selectOptions: 'id' : 'title'"
            [placeholder]="'publicSummary.latestPlan' | t"
            [value]="settings.value().planId"
            (valueChange)="save(settings.value().enabled, $event)"
            [disabled]="!canEdit() || saveAction.running()"
            testId="public-plan"
          />
        </div>
      }
    </nz-card>
    <ng-template #openLink>
      <a href="/public" target="_blank" rel="noopener" data-testid="public-open">{{ 'publicSummary.open' | t }}</a>
    </ng-template>
  `,
  styles: `
    .hint { margin: 0 0 12px; color: rgba(0, 0, 0, 0.6); }
    .row { display: flex; align-items: center; gap: 8px; margin-bottom: 12px; }
    .label { color: rgba(0, 0, 0, 0.65); }
    .plan { flex: 1; min-width: 220px; }
  `,
})
export class PublicSettingsComponent {
  private readonly api = inject(DashboardsApi);
  private readonly auth = inject(AuthService);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(I18nService);
  protected readonly publicUrl = `${inject(DOCUMENT).location.origin}/public`;
  protected readonly settings = rxResource({ stream: () => this.api.publicSettings() });
  private readonly planList = planDirectory().list;
  protected readonly plans = computed(() => this.planList().filter((p) => p.kind === 'action_plan'));
  protected readonly canEdit = computed(() => this.auth.hasAnyRole(['office_admin']));
  protected readonly saveAction = pageAction();

  protected save(enabled: boolean, planId: string | null): void {
    this.saveAction.run(this.api.setPublicSettings({ enabled, planId }), (result) => {
      this.settings.set(result);
      this.message.success(this.i18n.t('publicSummary.saved'));
    }, () => this.settings.reload());
  }
}
