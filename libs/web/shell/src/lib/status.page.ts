import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzResultModule } from 'ng-zorro-antd/result';
import { AuthService, TranslatePipe } from '@luoshi/web/core';

/** 404 / 403 / 500 result page; which one comes from the route's data. */
@Component({
  selector: 'luoshi-status-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NzResultModule, NzButtonModule, TranslatePipe],
  template: `
    <div class="status" [class.status--page]="standalone()" [attr.data-testid]="'status-' + status()">
      @switch (status()) {
        @case ('403') {
          <nz-result nzStatus="403" [nzTitle]="'errors.forbiddenTitle' | t" [nzSubTitle]="'errors.forbiddenBody' | t">
            <div nz-result-extra>
              <a nz-button nzType="primary" [routerLink]="home()">{{ 'common.backHome' | t }}</a>
            </div>
          </nz-result>
        }
        @case ('500') {
          <nz-result nzStatus="500" [nzTitle]="'errors.errorTitle' | t" [nzSubTitle]="'errors.errorBody' | t">
            <div nz-result-extra>
              <button nz-button nzType="primary" (click)="reload()">{{ 'errors.reload' | t }}</button>
              <a nz-button [routerLink]="home()">{{ 'common.backHome' | t }}</a>
            </div>
          </nz-result>
        }
        @default {
          <nz-result nzStatus="404" [nzTitle]="'errors.notFoundTitle' | t" [nzSubTitle]="'errors.notFoundBody' | t">
            <div nz-result-extra>
              <a nz-button nzType="primary" [routerLink]="home()">{{ 'common.backHome' | t }}</a>
            </div>
          </nz-result>
        }
      }
    </div>
  `,
  styles: `
    .status { background: #fff; border-radius: 8px; padding: 24px; min-height: 60vh; }
    .status--page { max-width: 960px; margin: 48px auto; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.06); }
  `,
})
export class StatusPage {
  private readonly auth = inject(AuthService);
  private readonly document = inject(DOCUMENT);
  /** Bound from the route's data. */
  readonly status = input<'403' | '404' | '500'>('404');
  /** Shown outside the app layout (the error page), so it frames itself. */
  readonly standalone = input(false);
  protected readonly home = computed(() => (this.auth.signedIn() ? this.auth.homePath() : '/login'));

  protected reload(): void {
    this.document.location.assign(this.auth.signedIn() ? this.auth.homePath() : '/login');
  }
}
