import { ChangeDetectionStrategy, Component, inject, input, type TemplateRef } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { forkJoin } from 'rxjs';
import type { TaskListQuery } from '@luoshi/contracts';
import { TasksApi } from '@luoshi/web/core';
import { LoadErrorComponent } from '@luoshi/web/ui';

export interface TaskCountItem {
  /** data-testid `count-<id>`. */
  id: string;
  label: string;
  query: TaskListQuery;
  /** The list the tile opens, filtered the same way. */
  link: string;
  params: Record<string, string>;
  /** A coloured dot (health) or accent. */
  color?: string;
}

/** Task counts as tiles; each opens the task list filtered to what it counts. */
@Component({
  selector: 'luoshi-task-count-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NzCardModule, NzSkeletonModule, LoadErrorComponent],
  template: `
    <nz-card nzSize="small" [nzTitle]="heading()" [nzExtra]="extra()" [attr.data-testid]="testId()">
      @if (counts.error(); as error) {
        <luoshi-load-error [error]="error" (retry)="counts.reload()" />
      } @else {
        <div class="tiles">
          @for (item of items(); track item.id; let i = $index) {
            <a class="tile" [routerLink]="item.link" [queryParams]="item.params" [attr.data-testid]="'count-' + item.id">
              <span class="tile__value" [style.color]="item.color ?? null">
                @if (counts.hasValue()) {
                  {{ counts.value()[i] }}
                } @else {
                  –
                }
              </span>
              <span class="tile__label">
                @if (item.color) {
                  <span class="tile__dot" [style.background]="item.color"></span>
                }
                {{ item.label }}
              </span>
            </a>
          }
        </div>
      }
    </nz-card>
  `,
  styles: `
    .tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(120px, 1fr)); gap: 10px; }
    .tile { display: flex; flex-direction: column; gap: 2px; padding: 10px 12px; border: 1px solid #f0f0f0; border-radius: 8px; color: inherit;
      transition: border-color 0.2s, box-shadow 0.2s; }
    .tile:hover { border-color: #1677ff; box-shadow: 0 2px 8px rgba(22, 119, 255, 0.12); }
    .tile__value { font-size: 24px; font-weight: 600; line-height: 1.3; font-variant-numeric: tabular-nums; color: rgba(0, 0, 0, 0.88); }
    .tile__label { display: inline-flex; align-items: center; gap: 6px; color: rgba(0, 0, 0, 0.6); font-size: 13px; }
    .tile__dot { width: 8px; height: 8px; border-radius: 50%; }
  `,
})
export class TaskCountCardComponent {
  private readonly api = inject(TasksApi);
  readonly heading = input.required<string>();
  readonly items = input.required<readonly TaskCountItem[]>();
  readonly extra = input<TemplateRef<void>>();
  readonly testId = input<string>();

  protected readonly counts = rxResource({
    params: () => this.items(),
    stream: ({ params }) => forkJoin(params.map((item) => this.api.count(item.query))),
  });
}
