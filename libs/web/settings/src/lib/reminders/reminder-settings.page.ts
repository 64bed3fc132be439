import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzTagModule } from 'ng-zorro-antd/tag';
import type { ReminderRuleResponse } from '@luoshi/contracts';
import { I18nService, ReminderApiPaths, RemindersApi, toApiError, TranslatePipe } from '@luoshi/web/core';
import { LoadErrorComponent, PageHeaderComponent, planDirectory, SelectOptionsPipe } from '@luoshi/web/ui';
import { ReminderRuleFormComponent } from './reminder-rule-form.component';

/** office_admin: the global reminder rule, per-plan overrides, and the queue monitor (Bull Board). */
@Component({
  selector: 'luoshi-reminder-settings-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzEmptyModule,
    NzIconModule,
    NzSelectModule,
    NzSkeletonModule,
    NzTagModule,
    TranslatePipe,
    SelectOptionsPipe,
    LoadErrorComponent,
    PageHeaderComponent,
    ReminderRuleFormComponent,
  ],
  templateUrl: './reminder-settings.page.html',
  styles: `
    .card { margin-bottom: 16px; }
    .hint { margin: -4px 0 16px; color: rgba(0, 0, 0, 0.6); }
    .picker { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; margin-bottom: 16px; }
    .picker__select { width: 420px; max-width: 100%; }
    .note { margin-bottom: 16px; }
  `,
})
export class ReminderSettingsPage {
  private readonly api = inject(RemindersApi);
  private readonly message = inject(NzMessageService);
  private readonly view = inject(DOCUMENT).defaultView;
  protected readonly i18n = inject(I18nService);

  protected readonly global = rxResource({ stream: () => this.api.rule({ scope: 'global' }) });
  protected readonly plans = planDirectory();
  protected readonly planId = signal<string | null>(null);
  protected readonly planRule = rxResource({
    params: () => this.planId() ?? undefined,
    stream: ({ params }) => this.api.rule({ scope: 'plan', scopeId: params }),
  });
  protected readonly openingBoard = signal(false);
  private readonly planForm = viewChild<ReminderRuleFormComponent>('planForm');

  protected onGlobalSaved(saved: ReminderRuleResponse): void {
    this.global.set(saved);
    this.message.success(this.i18n.t('reminders.saved', { scope: this.i18n.t('reminders.global') }));
    // A plan without its own rule follows the global one.
    if (this.planRule.value()?.inherited) this.planRule.reload();
  }

  protected onPlanSaved(saved: ReminderRuleResponse): void {
    this.planRule.set(saved);
    this.message.success(this.i18n.t('reminders.saved', { scope: this.i18n.t('reminders.plan') }));
  }

  protected fillFromGlobal(): void {
    const global = this.global.value();
    if (global) this.planForm()?.load(global.rule);
  }

  /** The session cookie first, then Bull Board in a tab opened now (so no pop-up blocker steps in). */
  protected openQueueBoard(): void {
    const tab = this.view?.open('about:blank', '_blank');
    if (!tab) {
      this.message.warning(this.i18n.t('reminders.popupBlocked'));
      return;
    }
    this.openingBoard.set(true);
    this.api.openQueueBoardSession().subscribe({
      next: () => {
        this.openingBoard.set(false);
        tab.location.href = ReminderApiPaths.queueBoard;
      },
      error: (error: unknown) => {
        this.openingBoard.set(false);
        tab.close();
        this.message.error(this.i18n.errorText(toApiError(error)));
      },
    });
  }
}
