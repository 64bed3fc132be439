import { ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, input, output, signal } from '@angular/core';
import { FormArray, FormControl, FormGroup, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { tap } from 'rxjs';
import type { ReminderRecipientRule, ReminderRuleBody, ReminderRuleResponse } from '@luoshi/contracts';
import {
  type ApiError,
  I18nService,
  REMINDER_LEVELS,
  REMINDER_RECIPIENTS,
  type ReminderLevel,
  type ReminderRuleScope,
  RemindersApi,
  toApiError,
  TranslatePipe,
  type TranslationKey,
} from '@luoshi/web/core';
import { submission } from '@luoshi/web/ui';
import { parseRuleErrors, type RuleErrors } from './rule-errors';

type OffsetGroup = FormGroup<{
  workingDays: FormControl<number | null>;
  recipients: FormControl<ReminderRecipientRule[]>;
  level: FormControl<ReminderLevel | null>;
}>;
type EscalationGroup = FormGroup<{
  afterWorkingDays: FormControl<number | null>;
  recipients: FormControl<ReminderRecipientRule[]>;
}>;
type Ladder = 'offsets' | 'escalation';

/** What the two ladders' tables differ in; the rest of their layout is one template. */
const LADDERS = [
  {
    array: 'offsets',
    key: 'offset',
    days: 'workingDays',
    level: true,
    title: 'reminders.offsets',
    hint: 'reminders.offsetsHint',
    daysHeader: 'reminders.workingDays',
    add: 'reminders.addOffset',
  },
  {
    array: 'escalation',
    key: 'escalation',
    days: 'afterWorkingDays',
    level: false,
    title: 'reminders.escalation',
    hint: 'reminders.escalationHint',
    daysHeader: 'reminders.afterWorkingDays',
    add: 'reminders.addEscalation',
  },
] as const satisfies readonly { array: Ladder; key: string; days: string; level: boolean; title: TranslationKey; hint: TranslationKey; daysHeader: TranslationKey; add: TranslationKey }[];

/**
 * Edits one reminder rule (offsets, escalation ladder, send time, quiet hours) and saves it with
 * PUT /api/reminders/rules; the server validates, and its messages appear under the fields.
 */
@Component({
  selector: 'luoshi-reminder-rule-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    NzAlertModule,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    NzInputNumberModule,
    NzSelectModule,
    NzTableModule,
    NzTooltipModule,
    TranslatePipe,
  ],
  templateUrl: './reminder-rule-form.component.html',
  styleUrl: './reminder-rule-form.component.css',
})
export class ReminderRuleFormComponent {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly api = inject(RemindersApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly i18n = inject(I18nService);

  readonly target = input.required<ReminderRuleScope>();
  readonly rule = input.required<ReminderRuleBody>();
  /** Prefix for data-testid attributes (two forms can share a page). */
  readonly testId = input('rule');
  readonly saved = output<ReminderRuleResponse>();

  protected readonly ladders = LADDERS;
  protected readonly recipients = REMINDER_RECIPIENTS;
  protected readonly levels = REMINDER_LEVELS;
  protected readonly ruleSave = submission();
  protected readonly errors = signal<RuleErrors>({ fields: {}, general: [] });
  /** Bumped on every edit so the computed "when" texts follow the form. */
  private readonly revision = signal(0);

  protected readonly form = this.fb.group({
    offsets: new FormArray<OffsetGroup>([]),
    escalation: new FormArray<EscalationGroup>([]),
    sendAt: this.fb.control(''),
    quietStart: this.fb.control(''),
    quietEnd: this.fb.control(''),
  });

  constructor() {
    effect(() => this.load(this.rule()));
    this.form.valueChanges.subscribe(() => this.revision.update((n) => n + 1));
  }

  protected get offsets(): FormArray<OffsetGroup> {
    return this.form.controls.offsets;
  }

  protected get escalation(): FormArray<EscalationGroup> {
    return this.form.controls.escalation;
  }

  /** The "when" column of each ladder, row by row. */
  protected readonly whenTexts = computed<Record<Ladder, string[]>>(() => {
    this.revision();
    this.i18n.lang();
    return {
      offsets: this.offsets.controls.map((row) => this.offsetText(row.controls.workingDays.value)),
      escalation: this.escalation.controls.map((row) => {
        const n = row.controls.afterWorkingDays.value;
        return n === null ? '' : this.i18n.t('reminders.escalationWhen', { n });
      }),
    };
  });

  protected rows(ladder: Ladder): FormGroup[] {
    return this.form.controls[ladder].controls;
  }

  protected fieldError(key: string): string | null {
    return this.errors().fields[key] ?? null;
  }

  protected recipientKey(recipient: ReminderRecipientRule): TranslationKey {
    return `recipients.${recipient}`;
  }

  protected levelKey(level: ReminderLevel): TranslationKey {
    return `notificationLevels.${level}`;
  }

  /** A new row one day after the last one. */
  protected addRow(ladder: Ladder): void {
    if (ladder === 'offsets') {
      const last = this.offsets.controls.at(-1)?.controls.workingDays.value ?? -1;
      this.offsets.push(this.offsetGroup({ workingDays: last + 1, recipients: ['assignee'] }));
    } else {
      const last = this.escalation.controls.at(-1)?.controls.afterWorkingDays.value ?? 0;
      this.escalation.push(this.escalationGroup({ afterWorkingDays: last + 1, recipients: ['office'] }));
    }
    this.clearErrors();
  }

  protected removeRow(ladder: Ladder, index: number): void {
    this.form.controls[ladder].removeAt(index);
    this.clearErrors();
  }

  /** Back to the given rule (discarding edits), e.g. the global one for a plan. */
  load(rule: ReminderRuleBody): void {
    this.offsets.clear({ emitEvent: false });
    for (const o of rule.offsets) this.offsets.push(this.offsetGroup(o), { emitEvent: false });
    this.escalation.clear({ emitEvent: false });
    for (const e of rule.escalation) this.escalation.push(this.escalationGroup(e), { emitEvent: false });
    this.form.patchValue({ sendAt: rule.sendAt, quietStart: rule.quietHours.start, quietEnd: rule.quietHours.end });
    this.form.markAsPristine();
    this.clearErrors();
  }

  protected save(): void {
    this.clearErrors();
    const work = this.api.saveRule(this.target(), this.body()).pipe(tap({ error: (raw: unknown) => this.showProblems(toApiError(raw)) }));
    this.ruleSave.runAndStay(work, (saved) => {
      this.form.markAsPristine();
      this.saved.emit(saved);
    });
  }

  protected reset(): void {
    this.load(this.rule());
  }

  private clearErrors(): void {
    this.ruleSave.error.set(null);
    this.errors.set({ fields: {}, general: [] });
  }

  /** Each invalid field's message beside it (the alert shows the error's text), scrolled into view. */
  private showProblems(error: ApiError): void {
    if (error.code === 'REMINDER_RULE_INVALID') this.errors.set(parseRuleErrors(error.details));
    // The save button is at the bottom; the first problem may be far above it.
    setTimeout(() => this.host.nativeElement.querySelector('.field-error, nz-alert')?.scrollIntoView({ block: 'center', behavior: 'smooth' }), 0);
  }

  /** What is sent: the form as typed (the server is the judge of what is valid). */
  private body(): ReminderRuleBody {
    const value = this.form.getRawValue();
    return {
      offsets: value.offsets.map((o) => ({
        workingDays: o.workingDays as number,
        recipients: o.recipients,
        ...(o.level ? { level: o.level } : {}),
      })),
      escalation: value.escalation.map((e) => ({ afterWorkingDays: e.afterWorkingDays as number, recipients: e.recipients })),
      sendAt: value.sendAt.trim(),
      quietHours: { start: value.quietStart.trim(), end: value.quietEnd.trim() },
      timeZone: 'Asia/Shanghai',
    };
  }

  private offsetText(n: number | null): string {
    if (n === null) return '';
    if (n < 0) return this.i18n.t('reminders.offsetBefore', { n: -n });
    if (n === 0) return this.i18n.t('reminders.offsetDue');
    return this.i18n.t('reminders.offsetAfter', { n });
  }

  private offsetGroup(o: { workingDays: number; recipients: ReminderRecipientRule[]; level?: string }): OffsetGroup {
    return new FormGroup({
      workingDays: new FormControl<number | null>(o.workingDays),
      recipients: new FormControl<ReminderRecipientRule[]>([...o.recipients], { nonNullable: true }),
      level: new FormControl<ReminderLevel | null>((o.level as ReminderLevel | undefined) ?? null),
    });
  }

  private escalationGroup(e: { afterWorkingDays: number; recipients: ReminderRecipientRule[] }): EscalationGroup {
    return new FormGroup({
      afterWorkingDays: new FormControl<number | null>(e.afterWorkingDays),
      recipients: new FormControl<ReminderRecipientRule[]>([...e.recipients], { nonNullable: true }),
    });
  }
}
