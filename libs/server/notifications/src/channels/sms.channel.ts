import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UserDirectory } from '@luoshi/server/identity';
import { APP_CONFIG, type AppConfig } from '@luoshi/server/platform';
import { DeliveryChannel, type DeliveryRow, NotificationChannel, type NotifyOutcome, PermanentDeliveryError, type WrittenNotification } from './delivery-channel';
import { quietHoursEnd } from './quiet-hours';
import { sha256Hex, smsAuthorization } from './sms-signature';

/** Template variables are limited in length by the SMS services (35 characters is the common cap). */
const TEMPLATE_VARIABLE_MAX = 35;
/** Business codes that mean "try again later" (flow control), not "never". */
const RETRYABLE_CODES = /THROTTL|LIMIT_CONTROL|SYSTEM_ERROR|ServiceUnavailable/i;

/**
 * SMS through an HTTP gateway in the shape of the major cloud SMS APIs: SendSms with the sign
 * name, a template code and its parameters, signed with the access key secret (ACS3-HMAC-SHA256).
 * To users with a phone number who opted in; an SMS due in their quiet hours waits for their end.
 * 5xx and flow control are retried; other refusals fail at once.
 */
@NotificationChannel('sms')
@Injectable()
export class SmsChannel extends DeliveryChannel {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UserDirectory,
  ) {
    super();
  }

  get enabled(): boolean {
    return Boolean(this.config.SMS_GATEWAY_URL);
  }

  async plan(m: EntityManager, notifications: WrittenNotification[], _publicBaseUrl: string, now = new Date()): Promise<Partial<NotifyOutcome>> {
    const optedIn: { id: string; user_id: string; quiet_start: string | null; quiet_end: string | null }[] = await m.query(
      `SELECT n.id, n.user_id, to_char(p.quiet_start, 'HH24:MI') AS quiet_start, to_char(p.quiet_end, 'HH24:MI') AS quiet_end
         FROM notification n
         JOIN notification_preference p ON p.user_id = n.user_id AND p.sms_enabled
        WHERE n.id = ANY($1::uuid[])`,
      [notifications.map((n) => n.id)],
    );
    if (optedIn.length === 0) return {};
    // The number lives on the user profile (identity), read for the whole batch at once.
    const phones = await this.users.phones(m, optedIn.map((c) => c.user_id));
    const candidates = optedIn.flatMap((c) => {
      const phone = phones.get(c.user_id);
      return phone ? [{ ...c, phone }] : [];
    });
    if (candidates.length === 0) return {};
    const rows: { id: string }[] = await m.query(
      `INSERT INTO notification_delivery (notification_id, reminder_id, channel, target, title, body, status, user_id, not_before)
       SELECT n.id, n.reminder_id, 'sms', x.phone, n.title, n.title, 'pending', n.user_id, x.not_before
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, phone text, not_before timestamptz)
         JOIN notification n ON n.id = x.id
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [JSON.stringify(candidates.map((c) => ({ id: c.id, phone: c.phone, not_before: quietHoursEnd(now, c.quiet_start, c.quiet_end)?.toISOString() ?? null })))],
    );
    return { deliveryIds: rows.map((r) => r.id) };
  }

  override async send(_m: EntityManager, row: DeliveryRow): Promise<void> {
    const { SMS_GATEWAY_URL: gateway, SMS_ACCESS_KEY_ID: keyId, SMS_ACCESS_KEY_SECRET: secret } = this.config;
    if (!gateway || !keyId || !secret) throw new PermanentDeliveryError('SMS gateway is not configured');
    const url = new URL(gateway);
    const query: Record<string, string> = {
      PhoneNumbers: row.target,
      SignName: this.config.SMS_SIGN_NAME,
      TemplateCode: this.config.SMS_TEMPLATE_CODE,
      TemplateParam: JSON.stringify({ title: [...row.title].slice(0, TEMPLATE_VARIABLE_MAX).join('') }),
    };
    const contentSha256 = sha256Hex('');
    const headers: Record<string, string> = {
      host: url.host,
      'x-acs-action': 'SendSms',
      'x-acs-version': '2017-05-25',
      'x-acs-date': new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      'x-acs-signature-nonce': randomUUID(),
      'x-acs-content-sha256': contentSha256,
    };
    headers['authorization'] = smsAuthorization({ method: 'POST', path: url.pathname, query, headers, contentSha256 }, keyId, secret);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const response = await fetch(url, { method: 'POST', headers, redirect: 'error', signal: AbortSignal.timeout(10_000) });
    const text = await response.text();
    if (response.status >= 500) throw new Error(`SMS gateway answered ${response.status}: ${text.slice(0, 200)}`);
    let answer: { Code?: string; Message?: string } = {};
    try {
      answer = JSON.parse(text) as typeof answer;
    } catch {
      /* judged by the status below */
    }
    if (!response.ok || answer.Code !== 'OK') {
      const reason = `SMS gateway refused (${response.status} ${answer.Code ?? ''}): ${answer.Message ?? text.slice(0, 200)}`;
      if (response.status === 429 || RETRYABLE_CODES.test(answer.Code ?? '')) throw new Error(reason);
      throw new PermanentDeliveryError(reason);
    }
  }
}
