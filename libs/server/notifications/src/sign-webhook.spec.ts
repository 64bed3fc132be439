import { createHmac } from 'node:crypto';
import { robotMarkdownMessage, signedWebhookUrl, signWebhook } from './sign-webhook';

describe(signWebhook.name, () => {
  it('signs timestamp and secret with HMAC-SHA256 in base64', () => {
    const expected = createHmac('sha256', 'SEC123').update('1700000000000\nSEC123').digest('base64');
    expect(signWebhook(1700000000000, 'SEC123')).toBe(expected);
  });

  it('adds timestamp and sign to the URL, keeping its own parameters', () => {
    const url = new URL(signedWebhookUrl('http://127.0.0.1:9/robot/send?access_token=abc', 'SEC', 42));
    expect(url.searchParams.get('access_token')).toBe('abc');
    expect(url.searchParams.get('timestamp')).toBe('42');
    expect(url.searchParams.get('sign')).toBe(signWebhook(42, 'SEC'));
  });

  it('builds a markdown robot message', () => {
    expect(robotMarkdownMessage('催办', '请尽快填报')).toEqual({ msgtype: 'markdown', markdown: { title: '催办', text: '### 催办\n\n请尽快填报' } });
  });
});
