import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzAutocompleteModule } from 'ng-zorro-antd/auto-complete';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { I18nService, TranslatePipe } from '@luoshi/web/core';
import { AuditApi, type AuditQuery } from '../api/audit.api';
import { JsonViewComponent, LoadErrorComponent, pagedList, PageHeaderComponent } from '@luoshi/web/ui';

/** Actions the server records today; the filter also accepts any other text. */
export const KNOWN_AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'user.create',
  'user.update',
  'department.create',
  'department.update',
] as const;

export const KNOWN_SUBJECT_TYPES = ['user', 'department'] as const;

const FAILED_ACTIONS = new Set<string>(['auth.login_failed']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Top-level fields whose value differs between two snapshots (both must be objects). */
export function changedFields(before: unknown, after: unknown): string[] {
  if (!isRecord(before) || !isRecord(after)) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

function startOfDay(date: Date, addDays = 0): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + addDays);
}

/** office_admin: search the audit log; each row expands to its before/after snapshots. */
@Component({
  selector: 'luoshi-audit-log-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    FormsModule,
    NzAutocompleteModule,
    NzButtonModule,
    NzDatePickerModule,
    NzIconModule,
    NzInputModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    TranslatePipe,
    JsonViewComponent,
    LoadErrorComponent,
    PageHeaderComponent,
  ],
  templateUrl: './audit-log.page.html',
  styleUrls: ['../admin-page.css', './audit-log.page.css'],
})
export class AuditLogPage {
  private readonly audit = inject(AuditApi);
  protected readonly i18n = inject(I18nService);
  protected readonly subjectTypes = KNOWN_SUBJECT_TYPES;

  // Filter inputs (applied on search).
  protected readonly action = signal('');
  protected readonly subjectType = signal<string | null>(null);
  protected readonly range = signal<Date[]>([]);
  protected readonly q = signal('');

  protected readonly list = pagedList({ initial: { page: 1, pageSize: 20 } as AuditQuery, load: (query) => this.audit.search(query) });
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());

  protected readonly actionOptions = computed(() => {
    const text = this.action().trim().toLowerCase();
    return KNOWN_AUDIT_ACTIONS.map((code) => ({ code, label: this.actionLabel(code) })).filter(
      (option) => !text || option.code.includes(text) || option.label.toLowerCase().includes(text),
    );
  });

  protected actionLabel(action: string): string {
    return this.i18n.lookup(`auditActions.${action.replace(/\./g, '_')}`) ?? action;
  }

  protected subjectLabel(type: string): string {
    return this.i18n.lookup(`subjectTypes.${type}`) ?? type;
  }

  protected readonly changedFields = changedFields;

  protected isFailure(action: string): boolean {
    return FAILED_ACTIONS.has(action);
  }

  protected apply(): void {
    const [from, to] = this.range();
    this.expanded.set(new Set());
    this.list.setFilters({
      action: this.action().trim() || undefined,
      subjectType: this.subjectType() ?? undefined,
      from: from ? startOfDay(from).toISOString() : undefined,
      to: to ? startOfDay(to, 1).toISOString() : undefined,
      q: this.q().trim() || undefined,
    });
  }

  protected reset(): void {
    this.action.set('');
    this.subjectType.set(null);
    this.range.set([]);
    this.q.set('');
    this.apply();
  }

  protected toggle(id: string, open: boolean): void {
    this.expanded.update((set) => {
      const next = new Set(set);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });
  }
}
