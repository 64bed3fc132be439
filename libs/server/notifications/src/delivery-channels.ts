import { Inject, Injectable } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '@luoshi/server/platform';
import { robotMarkdownMessage, signedWebhookUrl } from './sign-webhook';
import { checkWebhookTarget, parseWebhookAllowList, type WebhookAllowList } from './webhook-address';

export interface OutgoingMessage {
  target: string;
  title: string;
  body: string;
  secret?: string;
}

/** E-mail over SMTP (nodemailer). Off unless SMTP_URL is set. */
@Injectable()
export class EmailChannel {
  private transport?: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return Boolean(this.config.SMTP_URL);
  }

  async send(message: OutgoingMessage): Promise<void> {
    if (!this.config.SMTP_URL) throw new Error('SMTP_URL is not configured');
    this.transport ??= createTransport(this.config.SMTP_URL, { from: this.config.SMTP_FROM });
    await this.transport.sendMail({ to: message.target, subject: message.title, text: message.body });
  }
}

/** Signed webhooks in the group-robot format; a non-2xx answer or errcode ≠ 0 is a failure. */
@Injectable()
export class WebhookChannel {
  private readonly allow: WebhookAllowList;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.allow = parseWebhookAllowList(config.WEBHOOK_ALLOWED_HOSTS);
  }

  async send(message: OutgoingMessage): Promise<void> {
    // Checked at every delivery too: a name may resolve elsewhere than when it was registered.
    const refused = await checkWebhookTarget(message.target, this.allow, true);
    if (refused) throw new Error(`webhook target refused: ${refused} (WEBHOOK_ALLOWED_HOSTS)`);
    const url = message.secret ? signedWebhookUrl(message.target, message.secret) : message.target;
    const response = await fetch(url, {
      method: 'POST',
      // A redirect could lead anywhere, internal addresses included.
      redirect: 'error',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(robotMarkdownMessage(message.title, message.body)),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`webhook answered ${response.status}: ${text.slice(0, 200)}`);
    try {
      const parsed = JSON.parse(text) as { errcode?: number; errmsg?: string };
      if (typeof parsed.errcode === 'number' && parsed.errcode !== 0) throw new Error(`webhook errcode ${parsed.errcode}: ${parsed.errmsg ?? ''}`);
    } catch (error) {
      if ((error as Error).message.startsWith('webhook errcode')) throw error;
    }
  }
}
