import { ChangeDetectionStrategy, Component, Directive, input, output } from '@angular/core';

/**
 * What the duties and indicators tables share: their rows, the empty text, the page size, and the
 * column of node codes, each of which opens its node (`nodeClick`).
 */
@Directive()
export abstract class PlanRowsTable<Row> {
  readonly rows = input.required<readonly Row[]>();
  readonly emptyText = input('');
  /** Off where the table already shows one node's rows. */
  readonly showNode = input(true);
  readonly pageSize = input(20);
  readonly nodeClick = output<string>();
}

/** A row's node code as a link-styled button that asks to open the node, or a dash for none. */
@Component({
  selector: 'luoshi-node-code-link',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (code(); as value) {
      <button type="button" class="code-link" (click)="nodeClick.emit(value)">{{ value }}</button>
    } @else {
      —
    }
  `,
  styles: `
    .code-link { padding: 0; border: 0; background: none; color: #0958d9; cursor: pointer; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
  `,
})
export class NodeCodeLinkComponent {
  readonly code = input<string | null | undefined>(null);
  readonly nodeClick = output<string>();
}
