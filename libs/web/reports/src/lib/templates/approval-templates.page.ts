import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import type { ApprovalStepTemplateBody, ApprovalTemplateResponse, ApproverRuleBody } from '@luoshi/contracts';
import { type ApiError, ApprovalsApi, I18nService, toApiError, TranslatePipe } from '@luoshi/web/core';
import { LoadErrorComponent, PageHeaderComponent } from '@luoshi/web/ui';
import { describeRule } from '../shared/report-labels';

interface StepDraft {
  key: string;
  name: string;
  mode: ApprovalStepTemplateBody['mode'];
  /** null = no timeout. */
  timeout: number | null;
  remind: boolean;
}

interface Draft {
  code: string;
  name: string;
  steps: StepDraft[];
}

const MODES: readonly ApprovalStepTemplateBody['mode'][] = ['single', 'countersign', 'anySign'];

/**
 * /settings/approval-templates (office_admin) — each template's steps with mode, approvers and
 * timeouts; names, modes and timeouts can be edited (the API validates and names the field). Running
 * approvals keep the snapshot they started with.
 */
@Component({
  selector: 'luoshi-approval-templates-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzIconModule,
    NzInputModule,
    NzInputNumberModule,
    NzSelectModule,
    NzSkeletonModule,
    NzSwitchModule,
    NzTableModule,
    NzTagModule,
    TranslatePipe,
    LoadErrorComponent,
    PageHeaderComponent,
  ],
  template: `
    <luoshi-page-header [heading]="'approvalTemplates.title' | t" [subtitle]="'approvalTemplates.subtitle' | t" testId="page-title" />
    <nz-alert class="note" nzType="info" nzShowIcon [nzMessage]="'approvalTemplates.snapshotNote' | t" data-testid="snapshot-note" />

    @if (templates.error(); as error) {
      <luoshi-load-error [error]="error" (retry)="templates.reload()" />
    } @else if (templates.isLoading() && !templates.hasValue()) {
      <nz-skeleton [nzActive]="true" [nzParagraph]="{ rows: 8 }" />
    }
    @for (tpl of list(); track tpl.code) {
      <nz-card class="card" nzSize="small" [nzTitle]="titleTpl" [nzExtra]="extraTpl" [attr.data-testid]="'template-' + tpl.code">
        <ng-template #titleTpl>
          @if (draft()?.code === tpl.code) {
            <input nz-input class="name-input" [ngModel]="draft()?.name" (ngModelChange)="setName($event)" maxlength="50" data-testid="template-name" />
          } @else {
            <span>{{ tpl.name }}</span>
          }
          <nz-tag class="tag">{{ tpl.code }}</nz-tag>
          <nz-tag nzColor="blue">{{ 'approvalTemplates.version' | t: { n: tpl.version } }}</nz-tag>
        </ng-template>
        <ng-template #extraTpl>
          <span class="muted">{{ 'approvalTemplates.updatedAt' | t: { at: (tpl.updatedAt | date: 'yyyy-MM-dd HH:mm') ?? '' } }}</span>
          @if (draft()?.code === tpl.code) {
            <button nz-button nzSize="small" class="btn" (click)="cancel()">{{ 'common.cancel' | t }}</button>
            <button nz-button nzSize="small" nzType="primary" class="btn" [nzLoading]="saving()" (click)="save(tpl)" data-testid="template-save">{{ 'approvalTemplates.save' | t }}</button>
          } @else {
            <button nz-button nzSize="small" class="btn" [disabled]="!!draft()" (click)="edit(tpl)" data-testid="template-edit"><nz-icon nzType="edit" />{{ 'approvalTemplates.edit' | t }}</button>
          }
        </ng-template>

        @if (draft()?.code === tpl.code && errorText(); as text) {
          <nz-alert class="error" nzType="error" nzShowIcon [nzMessage]="text" data-testid="template-error" />
        }
        <nz-table nzSize="small" [nzData]="tpl.steps" [nzShowPagination]="false" [nzFrontPagination]="false">
          <thead>
            <tr>
              <th nzWidth="44px">#</th>
              <th nzWidth="130px">{{ 'approvalTemplates.key' | t }}</th>
              <th>{{ 'approvalTemplates.stepName' | t }}</th>
              <th nzWidth="200px">{{ 'approvalTemplates.mode' | t }}</th>
              <th>{{ 'approvalTemplates.approvers' | t }}</th>
              <th nzWidth="150px">{{ 'approvalTemplates.timeout' | t }}</th>
              <th nzWidth="200px">{{ 'approvalTemplates.onTimeout' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (step of tpl.steps; track step.key; let i = $index) {
              <tr [attr.data-testid]="'template-step-' + step.key">
                <td class="muted">{{ i + 1 }}</td>
                <td class="mono">{{ step.key }}</td>
                @if (draft()?.code === tpl.code) {
                  <td><input nz-input nzSize="small" maxlength="50" [ngModel]="draft()?.steps?.[i]?.name" (ngModelChange)="setStep(i, { name: $event })" [attr.data-testid]="'step-name-' + step.key" /></td>
                  <td>
                    <nz-select nzSize="small" class="full" [ngModel]="draft()?.steps?.[i]?.mode" (ngModelChange)="setStep(i, { mode: $event })" [attr.data-testid]="'step-mode-' + step.key">
                      @for (m of modes; track m) {
                        <nz-option [nzValue]="m" [nzLabel]="modeLabel(m)" />
                      }
                    </nz-select>
                  </td>
                  <td>{{ rules(step.approvers) }}</td>
                  <td>
                    <nz-input-number nzSize="small" [nzMin]="0" [nzStep]="1" [nzPlaceHolder]="'approvalTemplates.noTimeout' | t" [ngModel]="draft()?.steps?.[i]?.timeout" (ngModelChange)="setStep(i, { timeout: $event ?? null })" [attr.data-testid]="'step-timeout-' + step.key" />
                  </td>
                  <td>
                    <nz-switch nzSize="small" [ngModel]="draft()?.steps?.[i]?.remind" (ngModelChange)="setStep(i, { remind: $event })" />
                    <span class="switch-label">{{ 'approvalTemplates.remind' | t }}</span>
                    @if (step.onTimeout?.escalateTo; as to) {
                      <div class="muted small">{{ 'approvalTemplates.escalate' | t: { who: rule(to) } }}</div>
                    }
                  </td>
                } @else {
                  <td>{{ step.name }}</td>
                  <td>{{ modeLabel(step.mode) }}</td>
                  <td>{{ rules(step.approvers) }}</td>
                  <td>{{ step.timeoutWorkingDays ?? ('approvalTemplates.noTimeout' | t) }}</td>
                  <td>
                    @if (step.timeoutWorkingDays) {
                      {{ (step.onTimeout?.remind === false ? 'approvalTemplates.noRemind' : 'approvalTemplates.remind') | t }}
                      @if (step.onTimeout?.escalateTo; as to) {
                        <div class="muted small">{{ 'approvalTemplates.escalate' | t: { who: rule(to) } }}</div>
                      }
                    } @else {
                      <span class="muted">—</span>
                    }
                  </td>
                }
              </tr>
            }
          </tbody>
        </nz-table>
        <p class="cc">{{ 'approvals.labelled' | t: { label: ('approvalTemplates.cc' | t), value: tpl.cc.length ? rules(tpl.cc) : ('approvalTemplates.noCc' | t) } }}</p>
      </nz-card>
    }
  `,
  styles: `
    .note { margin-bottom: 16px; }
    .card { display: block; margin-bottom: 16px; }
    .name-input { width: 220px; }
    .tag { margin-left: 8px; }
    .btn { margin-left: 8px; }
    .error { margin-bottom: 12px; }
    .full { width: 100%; }
    .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
    .muted { color: rgba(0, 0, 0, 0.6); }
    .small { font-size: 12px; }
    .switch-label { margin-left: 6px; }
    .cc { margin: 8px 0 0; color: rgba(0, 0, 0, 0.6); }
  `,
})
export class ApprovalTemplatesPage {
  private readonly api = inject(ApprovalsApi);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(I18nService);

  protected readonly modes = MODES;
  protected readonly templates = rxResource({ stream: () => this.api.templates() });
  protected readonly list = computed(() => (this.templates.hasValue() ? this.templates.value() : []));
  protected readonly draft = signal<Draft | null>(null);
  protected readonly saving = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly errorText = computed(() => {
    const error = this.error();
    return error ? this.i18n.errorText(error) : null;
  });

  protected modeLabel(mode: ApprovalStepTemplateBody['mode']): string {
    return this.i18n.t(`approvalModes.${mode}`);
  }

  protected rule(rule: ApproverRuleBody): string {
    return describeRule(rule, this.i18n);
  }

  protected rules(rules: readonly ApproverRuleBody[]): string {
    return rules.map((r) => describeRule(r, this.i18n)).join('、');
  }

  protected edit(tpl: ApprovalTemplateResponse): void {
    this.error.set(null);
    this.draft.set({
      code: tpl.code,
      name: tpl.name,
      steps: tpl.steps.map((s) => ({ key: s.key, name: s.name, mode: s.mode, timeout: s.timeoutWorkingDays ?? null, remind: s.onTimeout?.remind !== false })),
    });
  }

  protected cancel(): void {
    this.draft.set(null);
    this.error.set(null);
  }

  protected setName(name: string): void {
    this.draft.update((d) => (d ? { ...d, name } : d));
  }

  protected setStep(index: number, change: Partial<StepDraft>): void {
    this.draft.update((d) => (d ? { ...d, steps: d.steps.map((s, i) => (i === index ? { ...s, ...change } : s)) } : d));
  }

  protected save(tpl: ApprovalTemplateResponse): void {
    const draft = this.draft();
    if (!draft) return;
    // Approvers, keys and escalation stay as they are; only names, modes and timeouts change here.
    const steps: ApprovalStepTemplateBody[] = tpl.steps.map((step, i) => {
      const edit = draft.steps[i];
      const next: ApprovalStepTemplateBody = { ...step, name: edit.name, mode: edit.mode };
      if (edit.timeout === null) {
        delete next.timeoutWorkingDays;
        delete next.onTimeout;
      } else {
        next.timeoutWorkingDays = edit.timeout;
        next.onTimeout = { ...(step.onTimeout ?? {}), remind: edit.remind };
      }
      return next;
    });
    this.saving.set(true);
    this.error.set(null);
    this.api.updateTemplate(tpl.code, { name: draft.name, steps, cc: tpl.cc, version: tpl.version }).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.draft.set(null);
        this.message.success(this.i18n.t('approvalTemplates.saved', { n: saved.version }));
        this.templates.reload();
      },
      error: (raw: unknown) => {
        this.saving.set(false);
        const error = toApiError(raw);
        if (error.code === 'APPROVAL_TEMPLATE_STALE') {
          this.message.warning(this.i18n.t('approvalTemplates.stale'));
          this.draft.set(null);
          this.templates.reload();
        } else {
          this.error.set(error);
        }
      },
    });
  }
}
