import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { I18nService, toApiError, TranslatePipe } from '@luoshi/web/core';

/**
 * A failed load: the API's message in the current language, and a retry button only where trying
 * again can help (network, server, rate limit) — a missing or forbidden item stays so.
 */
@Component({
  selector: 'luoshi-load-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzAlertModule, NzButtonModule, TranslatePipe],
  template: `
    <nz-alert nzType="error" nzShowIcon [nzMessage]="'common.loadFailed' | t" [nzDescription]="description()" [nzAction]="retryable() ? action : null" data-testid="load-error" />
    <ng-template #action>
      <button nz-button nzSize="small" (click)="retry.emit()">{{ 'common.retry' | t }}</button>
    </ng-template>
  `,
  styles: `:host { display: block; margin-bottom: 16px; }`,
})
export class LoadErrorComponent {
  private readonly i18n = inject(I18nService);
  readonly error = input.required<unknown>();
  readonly retry = output();
  protected readonly retryable = computed(() => {
    const status = toApiError(this.error()).statusCode;
    return status === 0 || status === 408 || status === 429 || status >= 500;
  });
  protected readonly description = computed(() => {
    const error = toApiError(this.error());
    const text = this.i18n.errorText(error);
    return error.requestId ? `${text}（${this.i18n.t('errors.requestId', { id: error.requestId })}）` : text;
  });
}
