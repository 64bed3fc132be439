import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { NzTagModule } from 'ng-zorro-antd/tag';
import type { PlanNodeKind, PlanNodeResponse } from '@luoshi/contracts';
import { type PlanNodeDetail, TranslatePipe, type TranslationKey } from '@luoshi/web/core';
import { HighlightComponent } from '@luoshi/web/ui';
import { DutiesTableComponent } from '../shared/duties-table.component';
import { IndicatorsTableComponent } from '../shared/indicators-table.component';
import { dutyFromStored, indicatorFromStored } from '../shared/plan-rows';

/** One plan node: path, code, title, body (search term marked), sub-items, indicators, duties. */
@Component({
  selector: 'luoshi-plan-node-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzTagModule, TranslatePipe, HighlightComponent, DutiesTableComponent, IndicatorsTableComponent],
  template: `
    @let n = node();
    @if (ancestors().length > 0) {
      <nav class="path" data-testid="node-path">
        @for (a of ancestors(); track a.id) {
          <button type="button" class="path__item" (click)="open.emit(a.id)">{{ a.code }} {{ a.title }}</button>
          <span class="path__sep">/</span>
        }
      </nav>
    }
    <div class="meta">
      <span class="code" data-testid="node-code">{{ n.code }}</span>
      <nz-tag>{{ kindKey(n.kind) | t }}</nz-tag>
      @if (n.inferred) {
        <nz-tag nzColor="gold" [title]="'plans.inferredHint' | t" data-testid="node-inferred">{{ 'plans.inferred' | t }}</nz-tag>
      }
    </div>
    <h2 class="title" data-testid="node-title"><luoshi-highlight [text]="n.title" [term]="term()" /></h2>
    @if (n.body) {
      <p class="body" data-testid="node-body"><luoshi-highlight [text]="n.body" [term]="term()" /></p>
    } @else {
      <p class="body body--empty">{{ 'plans.noBody' | t }}</p>
    }

    @if (children().length > 0) {
      <h3 class="section">{{ 'plans.children' | t }}</h3>
      <ul class="children" data-testid="node-children">
        @for (child of children(); track child.id) {
          <li>
            <button type="button" class="child" (click)="open.emit(child.id)">
              <span class="child__code">{{ child.code }}</span>{{ child.title }}
            </button>
          </li>
        }
      </ul>
    }

    <h3 class="section">{{ 'plans.nodeIndicators' | t }}</h3>
    @if (indicatorRows().length > 0) {
      <luoshi-indicators-table [rows]="indicatorRows()" [showNode]="false" testId="node-indicators" />
    } @else {
      <p class="none">{{ 'plans.noIndicators' | t }}</p>
    }
    <h3 class="section">{{ 'plans.nodeDuties' | t }}</h3>
    @if (dutyRows().length > 0) {
      <luoshi-duties-table [rows]="dutyRows()" [showNode]="false" testId="node-duties" />
    } @else {
      <p class="none">{{ 'plans.noDuties' | t }}</p>
    }
  `,
  styles: `
    :host { display: block; }
    .path { display: flex; flex-wrap: wrap; gap: 4px; margin-bottom: 8px; font-size: 12px; }
    .path__item { padding: 0; border: 0; background: none; color: rgba(0, 0, 0, 0.6); cursor: pointer; }
    .path__item:hover { color: #0958d9; }
    .path__sep { color: rgba(0, 0, 0, 0.6); }
    .meta { display: flex; align-items: center; gap: 8px; margin-bottom: 6px; }
    .code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; color: rgba(0, 0, 0, 0.6); }
    .title { margin: 0 0 10px; font-size: 18px; font-weight: 600; line-height: 1.5; }
    .body { margin: 0 0 16px; line-height: 1.9; white-space: pre-wrap; color: rgba(0, 0, 0, 0.8); }
    .body--empty { color: rgba(0, 0, 0, 0.6); }
    .section { margin: 20px 0 8px; font-size: 14px; font-weight: 600; }
    .none { margin: 0; padding: 10px 12px; border-radius: 6px; background: #fafafa; color: rgba(0, 0, 0, 0.6); }
    .children { margin: 0; padding: 0; list-style: none; }
    .child { display: block; width: 100%; padding: 6px 8px; border: 0; border-radius: 4px; background: none; text-align: left; cursor: pointer; color: rgba(0, 0, 0, 0.85); }
    .child:hover { background: #f5f5f5; color: #0958d9; }
    .child__code { display: inline-block; min-width: 56px; color: rgba(0, 0, 0, 0.6); font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
  `,
})
export class PlanNodeDetailComponent {
  readonly node = input.required<PlanNodeDetail>();
  readonly ancestors = input<readonly PlanNodeResponse[]>([]);
  readonly children = input<readonly PlanNodeResponse[]>([]);
  readonly term = input<string | null>(null);
  readonly open = output<string>();
  protected readonly indicatorRows = computed(() => this.node().indicators.map(indicatorFromStored));
  protected readonly dutyRows = computed(() => this.node().duties.map(dutyFromStored));

  protected kindKey(kind: PlanNodeKind): TranslationKey {
    return `nodeKinds.${kind}`;
  }
}
