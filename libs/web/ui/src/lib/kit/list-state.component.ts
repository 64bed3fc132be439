import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { LoadErrorComponent } from '../load-error.component';

/**
 * The states around a list: the load error with retry (data-testid load-error), the list itself
 * (projected), and an empty note (data-testid list-empty) once it has loaded with nothing in it.
 * Tables that show their own empty state leave `empty` false.
 */
@Component({
  selector: 'luoshi-list-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzEmptyModule, LoadErrorComponent],
  template: `
    @if (error(); as failure) {
      <luoshi-load-error [error]="failure" (retry)="retry.emit()" />
    }
    @if (empty()) {
      <nz-empty [nzNotFoundContent]="emptyText() ?? null" data-testid="list-empty" />
    } @else {
      <ng-content />
    }
  `,
  styles: `:host { display: block; }`,
})
export class ListStateComponent {
  /** The failed load, or null/undefined. */
  readonly error = input<unknown>(null);
  readonly empty = input(false);
  readonly emptyText = input<string | null>(null);
  readonly retry = output();
}
