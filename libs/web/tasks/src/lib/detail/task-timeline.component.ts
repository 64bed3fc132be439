import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';
import type { DepartmentResponse, TaskEventKind, TaskEventResponse } from '@luoshi/contracts';
import { I18nService, TranslatePipe } from '@luoshi/web/core';
import { TimelineEntryComponent } from '@luoshi/web/ui';

const EVENT_COLORS: Partial<Record<TaskEventKind, string>> = {
  created: 'gray',
  split: 'gray',
  assigned: 'blue',
  updated: 'blue',
  accepted: 'green',
  resumed: 'green',
  instruction_answered: 'green',
  returned: 'red',
  cancelled: 'red',
  suspended: 'orange',
  urge: 'orange',
  reassigned: 'blue',
  instruction: '#722ed1',
  comment: 'gray',
};

export interface TimelineEntry {
  event: TaskEventResponse;
  color: string;
  label: string;
  /** "牵头单位：省交通运输厅；完成时限：2027-06-30" for assignments, "→ 省发展改革委" for a reassignment. */
  detail: string | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Everything that happened to the task, oldest first (assignment, acceptance, returns with reasons, comments, urges, instructions…). */
@Component({
  selector: 'luoshi-task-timeline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzEmptyModule, NzTimelineModule, TranslatePipe, TimelineEntryComponent],
  template: `
    @if (entries().length === 0) {
      <nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="'taskDetail.noEvents' | t" />
    } @else {
      <nz-timeline data-testid="task-timeline">
        @for (entry of entries(); track entry.event.id) {
          <nz-timeline-item [nzColor]="entry.color">
            <luoshi-timeline-entry
              data-testid="timeline-item"
              [attr.data-kind]="entry.event.kind"
              [at]="entry.event.at"
              [detail]="entry.detail"
              [note]="entry.event.body"
              noteTestId="timeline-body"
            >
              <span class="label">{{ entry.label }}</span>
              <span class="actor">{{ entry.event.actorName ?? ('taskDetail.system' | t) }}</span>
            </luoshi-timeline-entry>
          </nz-timeline-item>
        }
      </nz-timeline>
    }
  `,
  styles: `
    .label { font-weight: 600; }
    .actor { color: rgba(0, 0, 0, 0.65); }
    nz-timeline { display: block; padding-top: 8px; }
  `,
})
export class TaskTimelineComponent {
  private readonly i18n = inject(I18nService);
  readonly events = input.required<readonly TaskEventResponse[]>();
  readonly departments = input<readonly DepartmentResponse[]>([]);

  protected readonly entries = computed<TimelineEntry[]>(() => {
    const names = new Map<string, string>();
    for (const d of this.departments()) {
      names.set(d.id, d.name);
      names.set(d.code, d.name);
    }
    return this.events().map((event) => ({
      event,
      color: EVENT_COLORS[event.kind] ?? 'blue',
      label: this.i18n.lookup(`taskEvents.${event.kind}`) ?? event.kind,
      detail: this.detail(event, names),
    }));
  });

  private detail(event: TaskEventResponse, names: ReadonlyMap<string, string>): string | null {
    const data = event.data ?? {};
    if (event.kind === 'reassigned' && typeof data['toLeadDepartment'] === 'string') {
      return `→ ${names.get(data['toLeadDepartment']) ?? data['toLeadDepartment']}`;
    }
    if (event.kind === 'split' && Array.isArray(data['titles'])) return data['titles'].map(String).join('；');
    const changes = data['changes'];
    if ((event.kind === 'assigned' || event.kind === 'updated') && isRecord(changes)) {
      const parts = Object.entries(changes)
        .filter(([field]) => field !== 'status' && field !== 'deadlineText')
        .map(([field, change]) => `${this.i18n.lookup(`taskFields.${field}`) ?? field}：${this.format(field, isRecord(change) ? change['to'] : change, changes, names)}`);
      return parts.length > 0 ? parts.join('；') : null;
    }
    return null;
  }

  private format(field: string, value: unknown, changes: Record<string, unknown>, names: ReadonlyMap<string, string>): string {
    if (value === null || value === undefined) {
      return field === 'dueDate' ? this.i18n.t('tasks.longTerm') : '—';
    }
    if (Array.isArray(value)) return value.map((v) => names.get(String(v)) ?? String(v)).join('、') || '—';
    const text = String(value);
    if (field === 'leadDepartmentId') return names.get(text) ?? text;
    if (field === 'reportingCycle') return this.i18n.lookup(`taskCycles.${text}`) ?? text;
    if (field === 'dueDate') {
      // Show the phrase the office wrote, with the date it stands for.
      const phrase = changes['deadlineText'];
      const written = isRecord(phrase) ? phrase['to'] : null;
      return typeof written === 'string' && written !== text ? `${written}（${text}）` : text;
    }
    return text;
  }
}
