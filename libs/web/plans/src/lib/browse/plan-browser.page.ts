import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, input, linkedSignal, signal } from '@angular/core';
import { rxResource, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import type { NzFormatEmitEvent } from 'ng-zorro-antd/core/tree';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTreeModule } from 'ng-zorro-antd/tree';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import type { PlanNodeResponse } from '@luoshi/contracts';
import { PlansApi, TranslatePipe } from '@luoshi/web/core';
import { BackLinkComponent, DetailTitleComponent, HighlightComponent, LoadErrorComponent, SearchInputComponent } from '@luoshi/web/ui';
import { DiffSummaryComponent } from '../shared/diff-summary.component';
import { DutiesTableComponent } from '../shared/duties-table.component';
import { IndicatorsTableComponent } from '../shared/indicators-table.component';
import { ancestorKeys, buildPlanTree, defaultExpanded, itemsFromStored, partSummaries } from '../shared/plan-tree';
import { dutyFromStored, indicatorFromStored } from '../shared/plan-rows';
import { PlanNodeDetailComponent } from './plan-node-detail.component';

const matches = (node: PlanNodeResponse, term: string) => node.title.includes(term) || node.body.includes(term) || node.code === term;

/**
 * Every signed-in user: one plan as a searchable tree beside the selected node (code, title,
 * body, indicators, duties); tabs for the plan's indicators, duties and version history.
 * /plans/:planId/nodes/:nodeId deep-links to a node.
 */
@Component({
  selector: 'luoshi-plan-browser-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    FormsModule,
    RouterLink,
    BackLinkComponent,
    DetailTitleComponent,
    NzButtonModule,
    NzEmptyModule,
    NzIconModule,
    NzSkeletonModule,
    NzSpinModule,
    NzTableModule,
    NzTabsModule,
    NzTagModule,
    NzTreeModule,
    TranslatePipe,
    HighlightComponent,
    LoadErrorComponent,
    DiffSummaryComponent,
    DutiesTableComponent,
    IndicatorsTableComponent,
    PlanNodeDetailComponent,
    SearchInputComponent,
  ],
  templateUrl: './plan-browser.page.html',
  styleUrl: './plan-browser.page.css',
})
export class PlanBrowserPage {
  private readonly api = inject(PlansApi);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** Route parameters (one route matches both URLs, see planBrowserMatcher). */
  readonly planId = input.required<string>();
  readonly nodeId = input<string | undefined>();

  protected readonly tabIndex = signal(0);
  protected readonly expandedVersion = signal<number | null>(null);
  protected readonly query = signal('');
  /** The search term, debounced; the API filters the tree (matches and their ancestors). */
  protected readonly term = toSignal(
    toObservable(this.query).pipe(
      debounceTime(300),
      map((q) => q.trim()),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );

  protected readonly plan = rxResource({ params: () => this.planId(), stream: ({ params }) => this.api.get(params) });
  protected readonly fullTree = rxResource({ params: () => this.planId(), stream: ({ params }) => this.api.tree(params) });
  protected readonly searchTree = rxResource({
    params: () => (this.term() ? { planId: this.planId(), q: this.term() } : undefined),
    stream: ({ params }) => this.api.tree(params.planId, params.q),
  });
  protected readonly node = rxResource({
    params: () => {
      const nodeId = this.nodeId();
      return nodeId ? { planId: this.planId(), nodeId } : undefined;
    },
    stream: ({ params }) => this.api.node(params.planId, params.nodeId),
  });
  protected readonly indicators = rxResource({ params: () => this.planId(), stream: ({ params }) => this.api.indicators(params) });
  protected readonly duties = rxResource({ params: () => this.planId(), stream: ({ params }) => this.api.duties(params) });
  protected readonly versions = rxResource({ params: () => this.planId(), stream: ({ params }) => this.api.versions(params) });

  protected readonly allNodes = computed(() => (this.fullTree.hasValue() ? this.fullTree.value() : []));
  protected readonly allItems = computed(() => itemsFromStored(this.allNodes()));
  protected readonly searching = computed(() => this.term() !== '');
  protected readonly visibleNodes = computed(() => {
    if (!this.searching()) return this.allNodes();
    return this.searchTree.hasValue() ? this.searchTree.value() : [];
  });
  protected readonly matchCount = computed(() => {
    const term = this.term();
    return term ? this.visibleNodes().filter((n) => matches(n, term)).length : 0;
  });
  /** Expanded nodes: the parts and the path to the selected node, then whatever the user opens or closes. */
  protected readonly expanded = linkedSignal<{ items: ReturnType<typeof itemsFromStored>; nodeId: string | null }, Set<string>>({
    source: () => ({ items: this.allItems(), nodeId: this.nodeId() ?? null }),
    computation: (source, previous) => {
      const base = previous && previous.value.size > 0 ? previous.value : defaultExpanded(source.items, source.nodeId);
      return new Set([...base, ...ancestorKeys(source.items, source.nodeId)]);
    },
  });
  protected readonly treeData = computed(() =>
    buildPlanTree(itemsFromStored(this.visibleNodes()), {
      expanded: this.searching() ? 'all' : this.expanded(),
      selected: this.nodeId() ?? null,
    }),
  );
  protected readonly idByCode = computed(() => new Map(this.allNodes().map((n) => [n.code, n.id])));
  protected readonly children = computed(() => {
    const id = this.nodeId();
    return this.allNodes()
      .filter((n) => n.parentId === id)
      .sort((a, b) => a.order - b.order);
  });
  protected readonly ancestors = computed(() => {
    const byId = new Map(this.allNodes().map((n) => [n.id, n]));
    return ancestorKeys(this.allItems(), this.nodeId() ?? null)
      .map((id) => byId.get(id))
      .filter((n): n is PlanNodeResponse => n !== undefined)
      .reverse();
  });
  protected readonly parts = computed(() => partSummaries(this.allItems()));
  protected readonly indicatorRows = computed(() => (this.indicators.hasValue() ? this.indicators.value().map(indicatorFromStored) : []));
  protected readonly dutyRows = computed(() => (this.duties.hasValue() ? this.duties.value().map(dutyFromStored) : []));

  constructor() {
    // A deep link opens the tree at its node: bring the selected row into view once drawn.
    effect(() => {
      if (!this.nodeId() || this.treeData().length === 0) return;
      setTimeout(() => this.host.nativeElement.querySelector('.ant-tree-treenode-selected')?.scrollIntoView({ block: 'nearest' }), 0);
    });
  }

  protected onTreeClick(event: NzFormatEmitEvent): void {
    const key = event.node?.key;
    if (key) this.openNode(key);
  }

  protected onExpand(event: NzFormatEmitEvent): void {
    const node = event.node;
    if (!node || this.searching()) return;
    this.expanded.update((set) => {
      const next = new Set(set);
      if (node.isExpanded) next.add(node.key);
      else next.delete(node.key);
      return next;
    });
  }

  protected openNode(nodeId: string): void {
    this.tabIndex.set(0);
    void this.router.navigate(['/plans', this.planId(), 'nodes', nodeId]);
  }

  protected openCode(code: string): void {
    const id = this.idByCode().get(code);
    if (id) this.openNode(id);
  }

  protected clearSearch(): void {
    this.query.set('');
  }
}
