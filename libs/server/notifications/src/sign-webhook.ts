import { createHmac } from 'node:crypto';

/**
 * The group-robot signature of the office messaging platforms: HMAC-SHA256 keyed by the secret
 * over `${timestamp}\n${secret}`, base64, sent as `timestamp` and `sign` query parameters.
 */
export function signWebhook(timestamp: number, secret: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

export function signedWebhookUrl(url: string, secret: string, timestamp = Date.now()): string {
  const target = new URL(url);
  target.searchParams.set('timestamp', String(timestamp));
  target.searchParams.set('sign', signWebhook(timestamp, secret));
  return target.toString();
}

/** The robot message body: markdown with a title. */
export function robotMarkdownMessage(title: string, text: string): { msgtype: 'markdown'; markdown: { title: string; text: string } } {
  return { msgtype: 'markdown', markdown: { title, text: `### ${title}\n\n${text}` } };
}
