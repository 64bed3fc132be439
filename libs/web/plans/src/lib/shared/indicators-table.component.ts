import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { TranslatePipe, type TranslationKey } from '@luoshi/web/core';
import { COMPARISON_SYMBOLS, type IndicatorRow } from './plan-rows';
import { NodeCodeLinkComponent, PlanRowsTable } from './plan-rows-table';

/** Indicators: name, ≥/≤/=, value, unit, year (and the item they belong to). */
@Component({
  selector: 'luoshi-indicators-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzEmptyModule, NzTableModule, NzTagModule, NzTooltipModule, TranslatePipe, NodeCodeLinkComponent],
  template: `
    <nz-table
      #table
      nzSize="small"
      [nzData]="rows()"
      [nzPageSize]="pageSize()"
      [nzHideOnSinglePage]="true"
      [nzNoResult]="empty"
      [attr.data-testid]="testId()"
    >
      <thead>
        <tr>
          <th>{{ 'indicator.name' | t }}</th>
          <th nzWidth="70px" nzAlign="center">{{ 'indicator.comparison' | t }}</th>
          <th nzWidth="110px" nzAlign="right">{{ 'indicator.value' | t }}</th>
          <th nzWidth="90px">{{ 'indicator.unit' | t }}</th>
          <th nzWidth="90px">{{ 'indicator.year' | t }}</th>
          @if (showNode()) {
            <th nzWidth="100px">{{ 'indicator.node' | t }}</th>
          }
        </tr>
      </thead>
      <tbody>
        @for (row of table.data; track row.key) {
          @for (target of row.targets; track $index; let first = $first) {
            <tr data-testid="indicator-row">
              @if (first) {
                <td [attr.rowspan]="row.targets.length">
                  <span nz-tooltip [nzTooltipTitle]="row.source" class="name">{{ row.name }}</span>
                  @if (row.attribute) {
                    <nz-tag class="attr" [nzColor]="row.attribute === '约束性' ? 'red' : 'blue'" data-testid="indicator-attribute">{{ row.attribute }}</nz-tag>
                  }
                  @if (row.baseline; as baseline) {
                    <div class="baseline">{{ 'indicator.baseline' | t }}：{{ baseline.value }}{{ row.unit }}@if (baseline.year) {（{{ baseline.year }}）}</div>
                  }
                </td>
                <td [attr.rowspan]="row.targets.length" nzAlign="center" [title]="comparisonKey(row) | t">
                  <span class="cmp">{{ symbols[row.comparison] }}</span>
                </td>
              }
              <td nzAlign="right" class="num">{{ target.value }}</td>
              <td>{{ row.unit }}</td>
              <td class="num">{{ target.year ?? '—' }}</td>
              @if (showNode() && first) {
                <td [attr.rowspan]="row.targets.length"><luoshi-node-code-link [code]="row.nodeCode" (nodeClick)="nodeClick.emit($event)" /></td>
              }
            </tr>
          }
        }
      </tbody>
    </nz-table>
    <ng-template #empty><nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="emptyText()" /></ng-template>
  `,
  styles: `
    .name { border-bottom: 1px dashed rgba(0, 0, 0, 0.25); cursor: help; }
    .attr { margin-left: 6px; }
    .baseline { margin-top: 2px; font-size: 12px; color: rgba(0, 0, 0, 0.6); }
    .cmp { font-family: Arial, Helvetica, sans-serif; font-size: 16px; font-weight: 600; color: #0958d9; }
    .num { font-variant-numeric: tabular-nums; }
  `,
})
export class IndicatorsTableComponent extends PlanRowsTable<IndicatorRow> {
  readonly testId = input('indicators-table');
  protected readonly symbols = COMPARISON_SYMBOLS;

  protected comparisonKey(row: IndicatorRow): TranslationKey {
    return `comparisons.${row.comparison}`;
  }
}
