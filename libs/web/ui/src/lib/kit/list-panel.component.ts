import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { TranslatePipe } from '@luoshi/web/core';
import { ListStateComponent } from './list-state.component';

/**
 * A list page's body: the load error with retry (the kit's list state), then a white panel whose toolbar holds the page's
 * filters (the children marked `toolbar`, e.g. the search input), a spacer and Refresh; the list
 * itself is projected below the toolbar. Retry and Refresh both emit `refresh`.
 */
@Component({
  selector: 'luoshi-list-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzButtonModule, NzIconModule, TranslatePipe, ListStateComponent],
  template: `
    <luoshi-list-state [error]="error()" (retry)="refresh.emit()">
      <div class="panel">
        <div class="toolbar">
          <ng-content select="[toolbar]" />
          <span class="toolbar__spacer"></span>
          <button nz-button (click)="refresh.emit()" [attr.aria-label]="'common.refresh' | t"><nz-icon nzType="reload" />{{ 'common.refresh' | t }}</button>
        </div>
        <ng-content />
      </div>
    </luoshi-list-state>
  `,
  styles: `
    :host { display: block; }
    .panel { background: #fff; border-radius: 8px; padding: 16px 20px; }
    .toolbar { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin-bottom: 16px; }
    .toolbar__spacer { flex: 1; }
  `,
})
export class ListPanelComponent {
  /** The failed load, or null/undefined. */
  readonly error = input<unknown>(null);
  readonly refresh = output();
}
