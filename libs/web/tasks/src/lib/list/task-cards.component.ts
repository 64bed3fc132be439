import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output, type TemplateRef } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzPaginationModule } from 'ng-zorro-antd/pagination';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import type { TaskResponse } from '@luoshi/contracts';
import { TranslatePipe } from '@luoshi/web/core';
import { TaskDeadlineComponent } from '../shared/task-deadline.component';
import { TaskHealthDotComponent } from '../shared/task-health-dot.component';
import { TaskStatusTagComponent } from '../shared/task-status-tag.component';

/**
 * The task list on a phone: one card per task, the whole title readable, the facts in two columns
 * and the card's own actions (签收 / 退办) at its foot, full width for a thumb. The list page keeps
 * the data, the filters and the actions; this only lays them out.
 */
@Component({
  selector: 'luoshi-task-cards',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NgTemplateOutlet,
    RouterLink,
    NzEmptyModule,
    NzPaginationModule,
    NzProgressModule,
    NzSpinModule,
    TranslatePipe,
    TaskDeadlineComponent,
    TaskHealthDotComponent,
    TaskStatusTagComponent,
  ],
  template: `
    <nz-spin [nzSpinning]="loading()">
      <ul class="cards" data-testid="task-cards">
        @for (t of tasks(); track t.id) {
          <li class="card" data-testid="task-card" [attr.data-code]="t.code" [attr.data-id]="t.id" [attr.data-status]="t.status">
            <div class="card__head">
              <span class="card__code">{{ t.code }}</span>
              <luoshi-task-status-tag [status]="t.status" [returnedReason]="t.returnedReason" />
              <luoshi-task-health-dot class="card__health" [health]="t.health" [reasons]="t.healthReasons" [showLabel]="true" />
            </div>
            @if (showPlan()) {
              <div class="card__plan" data-testid="task-plan">{{ t.planTitle }}</div>
            }
            <a class="card__title" [routerLink]="['/tasks', t.id]" data-testid="task-link">{{ t.title }}</a>
            <dl class="card__facts">
              <div class="fact">
                <dt>{{ 'daily.cardLead' | t }}</dt>
                <dd>{{ t.leadDepartment?.name ?? ('tasks.noLead' | t) }}</dd>
              </div>
              <div class="fact">
                <dt>{{ 'daily.cardCo' | t }}</dt>
                <dd>{{ coNames(t) || '—' }}</dd>
              </div>
              <div class="fact fact--wide">
                <dt>{{ 'daily.cardDeadline' | t }}</dt>
                <dd><luoshi-task-deadline [task]="t" /></dd>
              </div>
              <div class="fact fact--wide">
                <dt>{{ 'daily.cardProgress' | t }}</dt>
                <dd><nz-progress [nzPercent]="t.progress" nzSize="small" [nzStrokeWidth]="6" /></dd>
              </div>
            </dl>
            @if (actions(); as tpl) {
              <div class="card__actions">
                <ng-container [ngTemplateOutlet]="tpl" [ngTemplateOutletContext]="{ $implicit: t }" />
              </div>
            }
          </li>
        } @empty {
          @if (!loading()) {
            <li class="empty"><nz-empty [nzNotFoundContent]="emptyText()" /></li>
          }
        }
      </ul>
    </nz-spin>
    @if (total() > pageSize()) {
      <nz-pagination
        class="pager"
        nzSimple
        [nzTotal]="total()"
        [nzPageIndex]="pageIndex()"
        [nzPageSize]="pageSize()"
        (nzPageIndexChange)="pageIndexChange.emit($event)"
        data-testid="task-cards-pager"
      />
    }
  `,
  styles: `
    :host { display: block; }
    .cards { margin: 0; padding: 0; list-style: none; display: flex; flex-direction: column; gap: 10px; }
    .card { padding: 12px; border: 1px solid #f0f0f0; border-radius: 8px; background: #fff; box-shadow: 0 1px 2px rgba(0, 0, 0, 0.03); }
    .card__head { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
    .card__code { padding: 0 6px; border-radius: 4px; background: #e6f4ff; color: #0958d9; font-size: 12px; line-height: 22px;
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
    .card__health { margin-left: auto; }
    .card__plan { margin-top: 6px; font-size: 12px; color: #1d39c4; overflow-wrap: anywhere; }
    .card__title { display: block; margin: 8px 0; color: rgba(0, 0, 0, 0.88); font-size: 15px; font-weight: 500; line-height: 1.5; overflow-wrap: anywhere; }
    .card__facts { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 6px 12px; margin: 0; }
    .fact { min-width: 0; }
    .fact--wide { grid-column: 1 / -1; }
    .fact dt { font-size: 12px; color: rgba(0, 0, 0, 0.6); }
    .fact dd { margin: 0; overflow-wrap: anywhere; }
    .card__actions { display: flex; gap: 8px; margin-top: 10px; padding-top: 10px; border-top: 1px solid #f5f5f5; }
    .card__actions:empty { display: none; }
    .card__actions ::ng-deep .ant-btn { flex: 1; height: 40px; }
    .empty { padding: 24px 0; }
    .pager { margin-top: 12px; text-align: center; }
  `,
})
export class TaskCardsComponent {
  readonly tasks = input.required<readonly TaskResponse[]>();
  readonly loading = input(false);
  readonly total = input(0);
  readonly pageIndex = input(1);
  readonly pageSize = input(20);
  readonly emptyText = input('');
  /** Name each task's plan (the list shows several plans, whose codes repeat). */
  readonly showPlan = input(false);
  /** The card's actions, given the task as `$implicit`. */
  readonly actions = input<TemplateRef<{ $implicit: TaskResponse }> | null>(null);
  readonly pageIndexChange = output<number>();

  protected coNames(task: TaskResponse): string {
    return task.coDepartments.map((d) => d.name).join('、');
  }
}
