import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import type { NzFormatEmitEvent } from 'ng-zorro-antd/core/tree';
import { NzStatisticModule } from 'ng-zorro-antd/statistic';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTreeModule } from 'ng-zorro-antd/tree';
import type { CorrectionResponse, PlanImportResponse, PlanNodeKind } from '@luoshi/contracts';
import { TranslatePipe, type TranslationKey } from '@luoshi/web/core';
import { buildCorrectedText } from '../shared/corrected-text';
import { DiffSummaryComponent } from '../shared/diff-summary.component';
import { DutiesTableComponent } from '../shared/duties-table.component';
import { IndicatorsTableComponent } from '../shared/indicators-table.component';
import { buildPlanTree, itemsFromPreview } from '../shared/plan-tree';
import { dutyFromPreview, indicatorFromPreview } from '../shared/plan-rows';
import { CorrectedTextComponent } from './corrected-text.component';

type SummaryKey = 'parts' | 'sections' | 'measures' | 'indicators' | 'duties' | 'corrections' | 'warnings';

const SUMMARY: readonly { key: SummaryKey; label: TranslationKey }[] = [
  { key: 'parts', label: 'plans.parts' },
  { key: 'sections', label: 'plans.sections' },
  { key: 'measures', label: 'plans.measures' },
  { key: 'indicators', label: 'plans.indicators' },
  { key: 'duties', label: 'plans.duties' },
  { key: 'corrections', label: 'plans.corrections' },
  { key: 'warnings', label: 'plans.warnings' },
];

/** What a dry-run import found: summary figures, preamble, the tree, the corrected text, corrections (each can be rejected), warnings, indicators, duties, the diff. */
@Component({
  selector: 'luoshi-import-preview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzEmptyModule,
    NzStatisticModule,
    NzSwitchModule,
    NzTableModule,
    NzTabsModule,
    NzTagModule,
    NzTreeModule,
    TranslatePipe,
    CorrectedTextComponent,
    DiffSummaryComponent,
    DutiesTableComponent,
    IndicatorsTableComponent,
  ],
  templateUrl: './import-preview.component.html',
  styleUrl: './import-preview.component.css',
})
export class ImportPreviewComponent {
  private readonly document = inject(DOCUMENT);
  readonly result = input.required<PlanImportResponse>();
  /** A preview with new options is on its way: rejecting waits. */
  readonly busy = input(false);
  /** The office rejects a suggested correction (the page previews again without it). */
  readonly reject = output<CorrectionResponse>();

  protected readonly tabIndex = signal(0);
  protected readonly showOriginal = signal(false);
  protected readonly focusLine = signal<number | null>(null);
  protected readonly selectedCode = signal<string | null>(null);

  protected readonly summary = computed(() => {
    const r = this.result();
    const values: Record<SummaryKey, number> = { ...r.stats, warnings: r.warnings.length };
    return SUMMARY.map((item) => ({ ...item, value: values[item.key] }));
  });
  protected readonly isReimport = computed(() => this.result().previousVersion !== null);
  protected readonly tree = computed(() =>
    buildPlanTree(itemsFromPreview(this.result().nodes), { expanded: 'all', selected: this.selectedCode() }),
  );
  protected readonly selectedNode = computed(() => this.result().nodes.find((n) => n.code === this.selectedCode()) ?? null);
  protected readonly selectedIndicators = computed(() =>
    this.result()
      .indicators.map(indicatorFromPreview)
      .filter((row) => row.nodeCode === this.selectedCode()),
  );
  protected readonly text = computed(() => buildCorrectedText(this.result().title, this.result().nodes, this.result().corrections));
  protected readonly indicators = computed(() => this.result().indicators.map(indicatorFromPreview));
  protected readonly duties = computed(() => this.result().duties.map(dutyFromPreview));

  /** Tab order: tree, text, corrections, warnings, indicators, duties, diff. */
  protected readonly textTab = 1;

  protected kindKey(kind: PlanNodeKind): TranslationKey {
    return `nodeKinds.${kind}`;
  }

  protected select(event: NzFormatEmitEvent): void {
    const key = event.node?.key;
    if (key) this.selectedCode.set(key);
  }

  /** Shows the text tab scrolled to the block holding `line`. */
  protected goToLine(line: number): void {
    const blocks = this.text().blocks;
    const block = [...blocks].reverse().find((b) => b.line <= line) ?? blocks[0];
    this.focusLine.set(block?.line ?? null);
    this.tabIndex.set(this.textTab);
    setTimeout(() => this.document.getElementById(`preview-line-${block?.line}`)?.scrollIntoView({ block: 'center' }), 50);
  }
}
