import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzResultModule } from 'ng-zorro-antd/result';
import { AuthService, I18nService, TranslatePipe, type TranslationKey } from '@luoshi/web/core';
import { PageHeaderComponent } from '@luoshi/web/ui';

/** Placeholder for a menu entry whose feature arrives in a later release. Shows no data. */
@Component({
  selector: 'luoshi-coming-soon-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NzResultModule, NzButtonModule, TranslatePipe, PageHeaderComponent],
  template: `
    <luoshi-page-header [heading]="featureName()" testId="page-title" />
    <div class="panel" data-testid="coming-soon">
      <nz-result nzStatus="info" nzIcon="tool" [nzTitle]="'comingSoon.title' | t" [nzSubTitle]="'comingSoon.body' | t: { feature: featureName() }">
        <div nz-result-extra>
          <a nz-button nzType="primary" [routerLink]="auth.homePath()">{{ 'common.backHome' | t }}</a>
        </div>
      </nz-result>
    </div>
  `,
  styles: `.panel { background: #fff; border-radius: 8px; padding: 24px; }`,
})
export class ComingSoonPage {
  private readonly i18n = inject(I18nService);
  protected readonly auth = inject(AuthService);
  /** Bound from the route's data. */
  readonly feature = input.required<TranslationKey>();
  protected readonly featureName = computed(() => this.i18n.t(this.feature()));
}
