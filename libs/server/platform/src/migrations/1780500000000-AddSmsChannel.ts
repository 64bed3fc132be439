import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SMS channel: a phone number on the user profile, SMS opt-in and quiet hours next to the
 * e-mail preferences, 'sms' among the delivery channels, and a not-before time for deliveries held
 * back by quiet hours, and the notification matrix's event on each notification.
 */
export class AddSmsChannel1780500000000 implements MigrationInterface {
  name = 'AddSmsChannel1780500000000';

  async up(q: QueryRunner): Promise<void> {
    // Mainland mobile numbers, optionally with +86; stored as entered after validation.
    await q.query(`ALTER TABLE app_user ADD COLUMN phone text CHECK (phone ~ '^(\\+86)?1[3-9][0-9]{9}$')`);
    await q.query(`
      ALTER TABLE notification_preference
        ADD COLUMN sms_enabled boolean NOT NULL DEFAULT false,
        ADD COLUMN quiet_start time,
        ADD COLUMN quiet_end time,
        ADD CONSTRAINT notification_preference_quiet_pair CHECK ((quiet_start IS NULL) = (quiet_end IS NULL))`);
    await q.query(`ALTER TABLE notification_delivery DROP CONSTRAINT notification_delivery_channel_check`);
    await q.query(`ALTER TABLE notification_delivery ADD CONSTRAINT notification_delivery_channel_check CHECK (channel IN ('email', 'webhook', 'sms'))`);
    await q.query(`ALTER TABLE notification_delivery ADD COLUMN not_before timestamptz`);
    // The notification matrix's event (task_assigned, urge …) that produced the notification.
    await q.query(`ALTER TABLE notification ADD COLUMN event text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification DROP COLUMN event`);
    await q.query(`DELETE FROM notification_delivery WHERE channel = 'sms'`);
    await q.query(`ALTER TABLE notification_delivery DROP COLUMN not_before`);
    await q.query(`ALTER TABLE notification_delivery DROP CONSTRAINT notification_delivery_channel_check`);
    await q.query(`ALTER TABLE notification_delivery ADD CONSTRAINT notification_delivery_channel_check CHECK (channel IN ('email', 'webhook'))`);
    await q.query(`
      ALTER TABLE notification_preference
        DROP CONSTRAINT notification_preference_quiet_pair,
        DROP COLUMN sms_enabled, DROP COLUMN quiet_start, DROP COLUMN quiet_end`);
    await q.query(`ALTER TABLE app_user DROP COLUMN phone`);
  }
}
