import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { TranslatePipe } from '@luoshi/web/core';
import type { DutyRow } from './plan-rows';
import { NodeCodeLinkComponent, PlanRowsTable } from './plan-rows-table';

/** Duties: deliverable, lead(s) and co-operating departments (collective units and unknown names marked), 完成时限. */
@Component({
  selector: 'luoshi-duties-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, NzEmptyModule, NzTableModule, NzTagModule, NzTooltipModule, TranslatePipe, NodeCodeLinkComponent],
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
          <th>{{ 'duty.deliverable' | t }}</th>
          <th nzWidth="200px">{{ 'duty.lead' | t }}</th>
          <th>{{ 'duty.co' | t }}</th>
          <th nzWidth="120px">{{ 'planExtra.deadline' | t }}</th>
          @if (showNode()) {
            <th nzWidth="100px">{{ 'duty.node' | t }}</th>
          }
        </tr>
      </thead>
      <tbody>
        @for (row of table.data; track row.key) {
          <tr data-testid="duty-row">
            <td>
              <span nz-tooltip [nzTooltipTitle]="row.source" class="deliverable">{{ row.deliverable }}</span>
              @if (row.kind === 'special_action_plan') {
                <nz-tag nzColor="purple" class="kind">{{ 'duty.special' | t }}</nz-tag>
              }
            </td>
            <td data-testid="duty-leads">
              @for (name of row.leads; track $index) {
                <ng-container *ngTemplateOutlet="nameTpl; context: { $implicit: name }" />
              } @empty {
                —
              }
            </td>
            <td data-testid="duty-co">
              @for (name of row.co; track $index) {
                <ng-container *ngTemplateOutlet="nameTpl; context: { $implicit: name }" />
              } @empty {
                —
              }
            </td>
            <td data-testid="duty-deadline">{{ row.deadlineText || '—' }}</td>
            @if (showNode()) {
              <td><luoshi-node-code-link [code]="row.nodeCode" (nodeClick)="nodeClick.emit($event)" /></td>
            }
          </tr>
        }
      </tbody>
    </nz-table>
    <ng-template #nameTpl let-name>
      @switch (name.state) {
        @case ('matched') {
          <nz-tag class="name">{{ name.name }}</nz-tag>
        }
        @case ('collective') {
          <nz-tag class="name" nzColor="default" [title]="'planExtra.collective' | t">{{ name.name }}</nz-tag>
        }
        @default {
          <nz-tag class="name" nzColor="orange" [title]="'duty.unmatched' | t" data-testid="duty-unresolved">{{ name.name }}</nz-tag>
        }
      }
    </ng-template>
    <ng-template #empty><nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="emptyText()" /></ng-template>
  `,
  styles: `
    .deliverable { border-bottom: 1px dashed rgba(0, 0, 0, 0.25); cursor: help; }
    .kind { margin-left: 6px; }
    .name { margin-bottom: 4px; }
  `,
})
export class DutiesTableComponent extends PlanRowsTable<DutyRow> {
  readonly testId = input('duties-table');
}
