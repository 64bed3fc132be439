import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertProviders } from './channels/channel-registry';
import { CHANNEL_NAMES, matrixChannels, NOTIFICATION_MATRIX, renderNotificationMatrix } from './notification-matrix';

describe('notification matrix', () => {
  it('is the table docs/decisions.md shows', () => {
    const docs = readFileSync(join(__dirname, '../../../../docs/decisions.md'), 'utf8');
    expect(docs).toContain(renderNotificationMatrix());
  });

  it('tells someone of every event, in-app at least', () => {
    for (const row of Object.values(NOTIFICATION_MATRIX)) {
      expect(row.audience.length).toBeGreaterThan(0);
      expect(row.channels).toContain('in_app');
    }
    expect(matrixChannels()).toEqual([...CHANNEL_NAMES]);
  });
});

describe(assertProviders.name, () => {
  it('fails start-up naming each configured channel without a provider', () => {
    expect(() => assertProviders(['in_app', 'sms', 'fax', 'pager', 'fax'], new Set(['in_app', 'sms']))).toThrow(/no provider for notification channel\(s\) fax, pager/);
    expect(() => assertProviders(['in_app', 'sms'], new Set(['in_app', 'sms', 'email']))).not.toThrow();
  });
});
