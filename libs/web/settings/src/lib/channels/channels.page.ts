import { DatePipe, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import type { NotificationDeliveryResponse, NotificationPreferenceRequest, WebhookEndpointResponse } from '@luoshi/contracts';
import { AuthService, type DeliveryStatus, DirectoryApi, I18nService, NotificationsApi, TranslatePipe, type TranslationKey } from '@luoshi/web/core';
import { checkForm, ConfirmLinkComponent, FieldComponent, formDialogs, LoadErrorComponent, pageAction, PageHeaderComponent, submission } from '@luoshi/web/ui';
import { type WebhookFormData, WebhookFormDialog } from './webhook-form.dialog';

/** As the API checks them: a mainland mobile number, a Beijing time HH:mm. */
const MOBILE = /^(\+86)?1[3-9][0-9]{9}$/;
const HHMM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

const STATUSES: readonly DeliveryStatus[] = ['failed', 'pending', 'held', 'sent'];

/** Everyone: my e-mail preferences. office_admin: group robots (webhooks) and failed deliveries. */
@Component({
  selector: 'luoshi-channels-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    NgTemplateOutlet,
    FormsModule,
    ReactiveFormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzEmptyModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzRadioModule,
    NzSkeletonModule,
    NzSwitchModule,
    NzTableModule,
    NzTagModule,
    NzTooltipModule,
    TranslatePipe,
    LoadErrorComponent,
    PageHeaderComponent,
    FieldComponent,
    ConfirmLinkComponent,
  ],
  templateUrl: './channels.page.html',
  styleUrl: './channels.page.css',
})
export class ChannelsPage {
  private readonly api = inject(NotificationsApi);
  private readonly directory = inject(DirectoryApi);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);
  protected readonly isOffice = inject(AuthService).hasAnyRole(['office_admin']);
  private readonly dialogs = formDialogs();

  // My preferences.
  protected readonly preferences = rxResource({ stream: () => this.api.preferences() });
  protected readonly prefsSave = submission();
  protected readonly prefs = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.email, Validators.maxLength(200)]],
    emailEnabled: [false],
    dailyDigest: [false],
    phone: ['', [Validators.pattern(MOBILE)]],
    smsEnabled: [false],
    quietStart: ['', [Validators.pattern(HHMM)]],
    quietEnd: ['', [Validators.pattern(HHMM)]],
  });

  // Office: robots and deliveries.
  protected readonly webhooks = rxResource({
    params: () => (this.isOffice ? true : undefined),
    stream: () => this.api.webhooks(),
  });
  protected readonly statuses = STATUSES;
  protected readonly deliveryStatus = signal<DeliveryStatus>('failed');
  protected readonly deliveries = rxResource({
    params: () => (this.isOffice ? this.deliveryStatus() : undefined),
    stream: ({ params }) => this.api.deliveries(params),
  });
  protected readonly rowAction = pageAction<string>();
  /** A webhook delivery's target is the endpoint id: show the robot's name. */
  private readonly webhookNames = computed(() => new Map((this.webhooks.value() ?? []).map((w) => [w.id, w.name])));

  constructor() {
    effect(() => {
      const value = this.preferences.value();
      if (value) {
        this.prefs.reset({
          email: value.email ?? '',
          emailEnabled: value.emailEnabled,
          dailyDigest: value.dailyDigest,
          phone: value.phone ?? '',
          smsEnabled: value.smsEnabled,
          quietStart: value.quietStart ?? '',
          quietEnd: value.quietEnd ?? '',
        });
      }
    });
  }

  protected targetLabel(delivery: NotificationDeliveryResponse): string {
    return delivery.channel === 'webhook' ? (this.webhookNames().get(delivery.target) ?? delivery.target) : delivery.target;
  }

  protected statusKey(status: DeliveryStatus): TranslationKey {
    return `deliveryStatus.${status}`;
  }

  protected channelKey(channel: NotificationDeliveryResponse['channel']): TranslationKey {
    return `deliveryChannels.${channel}`;
  }

  /** Quiet hours are both times or neither. */
  protected quietHoursHalf(): boolean {
    const { quietStart, quietEnd } = this.prefs.getRawValue();
    return !quietStart !== !quietEnd;
  }

  protected savePreferences(): void {
    if (!checkForm(this.prefs) || this.quietHoursHalf()) return;
    const value = this.prefs.getRawValue();
    const body: NotificationPreferenceRequest = {
      email: value.email.trim() || null,
      emailEnabled: value.emailEnabled,
      dailyDigest: value.dailyDigest,
      phone: value.phone.trim() || null,
      smsEnabled: value.smsEnabled,
      quietStart: value.quietStart || null,
      quietEnd: value.quietEnd || null,
    };
    this.prefsSave.runAndStay(this.api.updatePreferences(body), (saved) => {
      this.preferences.set(saved);
      this.message.success(this.i18n.t('channels.saved'));
    });
  }

  protected addWebhook(): void {
    this.directory.departments().subscribe({
      next: (departments) => this.openWebhookForm({ departments }),
      error: () => this.openWebhookForm({ departments: [] }),
    });
  }

  protected disableWebhook(webhook: WebhookEndpointResponse): void {
    this.rowAction.runFor(webhook.id, this.api.disableWebhook(webhook.id), () => {
      this.webhooks.update((list) => list?.map((w) => (w.id === webhook.id ? { ...w, enabled: false } : w)));
      this.message.success(this.i18n.t('channels.disabled', { name: webhook.name }));
    });
  }

  protected retry(delivery: NotificationDeliveryResponse): void {
    this.rowAction.runFor(delivery.id, this.api.retryDelivery(delivery.id), () => {
      this.deliveries.update((list) => list?.filter((d) => d.id !== delivery.id));
      this.message.success(this.i18n.t('channels.retried'));
    });
  }

  private openWebhookForm(data: WebhookFormData): void {
    this.dialogs
      .saved<WebhookEndpointResponse, WebhookFormData>(WebhookFormDialog, { title: this.i18n.t('channels.addWebhook'), data, width: 560 })
      .subscribe((saved) => {
        this.webhooks.update((list) => [...(list ?? []), saved]);
        this.message.success(this.i18n.t('channels.added', { name: saved.name }));
      });
  }
}
