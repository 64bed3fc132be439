import { parseStreamEvent, reconnectDelay } from './notification-stream';

describe('notification feed helpers', () => {
  it('backs off exponentially up to five minutes', () => {
    expect([1, 2, 3, 4].map(reconnectDelay)).toEqual([1000, 2000, 4000, 8000]);
    expect(reconnectDelay(20)).toBe(300_000);
  });

  it('reads hello and notification events and ignores anything else', () => {
    expect(parseStreamEvent('{"type":"hello","unread":3}')).toEqual({ type: 'hello', unread: 3 });
    expect(parseStreamEvent('{"type":"notification","unread":4,"title":"催办"}')).toEqual({ type: 'notification', unread: 4, title: '催办' });
    expect(parseStreamEvent('')).toBeNull();
    expect(parseStreamEvent('not json')).toBeNull();
    expect(parseStreamEvent('{"type":"ping"}')).toBeNull();
    expect(parseStreamEvent(undefined)).toBeNull();
  });
});
