import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, contentChild, Directive, inject, input, TemplateRef } from '@angular/core';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { injectHandset } from '../handset';

/** The page's card for one item (`let-item`), shown on a phone inside the kit's card frame. */
@Directive({ selector: 'ng-template[luoshiListCard]' })
export class ListCardDirective {
  readonly template = inject<TemplateRef<{ $implicit: unknown }>>(TemplateRef);
}

/** The page's table, shown on a desktop; `let-empty` is the kit's empty state, for the table's [nzNoResult]. */
@Directive({ selector: 'ng-template[luoshiListTable]' })
export class ListTableDirective {
  readonly template = inject<TemplateRef<{ $implicit: TemplateRef<void> }>>(TemplateRef);
}

/**
 * A list that is the page's table on a desktop and one card per item on a phone (below the `md`
 * breakpoint, see handset.ts), both with the same empty state. The page gives the table
 * (`<ng-template luoshiListTable let-empty>`) and what a card holds
 * (`<ng-template luoshiListCard let-item>`); the kit owns the switch, the card frame and the empty note.
 */
@Component({
  selector: 'luoshi-responsive-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, NzEmptyModule],
  template: `
    @if (handset()) {
      <ul class="cards" [attr.data-testid]="cardsTestId()">
        @for (item of items(); track trackBy()(item)) {
          <li class="card" [class.card--marked]="marked()(item)">
            <ng-container [ngTemplateOutlet]="card().template" [ngTemplateOutletContext]="{ $implicit: item }" />
          </li>
        } @empty {
          @if (!loading()) {
            <li><nz-empty [nzNotFoundContent]="emptyText()" /></li>
          }
        }
      </ul>
    } @else {
      <ng-container [ngTemplateOutlet]="table().template" [ngTemplateOutletContext]="{ $implicit: empty }" />
    }
    <ng-template #empty>
      <nz-empty [nzNotFoundContent]="emptyText()" />
    </ng-template>
  `,
  styles: `
    :host { display: block; }
    .cards { margin: 0; padding: 0; list-style: none; display: flex; flex-direction: column; gap: 10px; }
    .card { padding: 12px; border: 1px solid #f0f0f0; border-radius: 8px; }
    .card--marked { box-shadow: inset 3px 0 0 #1677ff; }
  `,
})
export class ResponsiveListComponent<T> {
  readonly items = input.required<readonly T[]>();
  /** What identifies an item across reloads (its id). */
  readonly trackBy = input<(item: T) => unknown>((item) => item);
  /** Cards to mark with a blue edge (e.g. what still needs the user). */
  readonly marked = input<(item: T) => boolean>(() => false);
  /** While true the cards leave out the empty note (the table shows its own spinner). */
  readonly loading = input(false);
  readonly emptyText = input<string>('');
  /** The journeys' handle on the card list. */
  readonly cardsTestId = input.required<string>();

  protected readonly handset = injectHandset();
  protected readonly card = contentChild.required(ListCardDirective);
  protected readonly table = contentChild.required(ListTableDirective);
}
