import { redactQuery, redactUrl } from './redact-url';

describe(redactUrl.name, () => {
  it('redacts tokens, tickets and other credentials in query strings and keeps the rest', () => {
    expect(redactUrl('/api/notifications/stream?ticket=abc&x=1')).toBe('/api/notifications/stream?ticket=[redacted]&x=1');
    expect(redactUrl('/api/notifications/stream?access_token=eyJhbGciOi.x.y')).toBe('/api/notifications/stream?access_token=[redacted]');
    expect(redactUrl('/p?refresh%5Ftoken=1&q=交通')).toBe('/p?refresh%5Ftoken=[redacted]&q=交通');
    expect(redactUrl('/api/tasks?page=2&q=港口')).toBe('/api/tasks?page=2&q=港口');
    expect(redactUrl('/api/tasks')).toBe('/api/tasks');
  });

  it('redacts the parsed query the log also prints', () => {
    expect(redactQuery({ ticket: 't', page: '2' })).toEqual({ ticket: '[redacted]', page: '2' });
  });
});
