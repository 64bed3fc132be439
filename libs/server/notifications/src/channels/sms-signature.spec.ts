import { canonicalSmsRequest, percentEncode, sha256Hex, smsAuthorization } from './sms-signature';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const request = {
  method: 'post',
  path: '/',
  // Out of order on purpose: the canonical form sorts.
  query: { TemplateParam: `{"title":"a b'"}`, SignName: '落实', PhoneNumbers: '13800000000' },
  headers: { 'x-acs-date': '2026-03-03T01:02:03Z', Host: 'sms.example.test', 'x-acs-action': 'SendSms', 'x-acs-content-sha256': EMPTY_SHA256, 'user-agent': 'not signed' },
  contentSha256: EMPTY_SHA256,
};

describe('SMS request signature', () => {
  it('percent-encodes as RFC 3986 (space %20, quote and star encoded, tilde kept)', () => {
    expect(percentEncode(`a b'*~(!)`)).toBe('a%20b%27%2A~%28%21%29');
    expect(sha256Hex('')).toBe(EMPTY_SHA256);
  });

  it('builds the canonical request from sorted query and signed headers only', () => {
    const { canonical, signedHeaders } = canonicalSmsRequest(request);
    expect(signedHeaders).toBe('host;x-acs-action;x-acs-content-sha256;x-acs-date');
    expect(canonical).toBe(
      [
        'POST',
        '/',
        'PhoneNumbers=13800000000&SignName=%E8%90%BD%E5%AE%9E&TemplateParam=%7B%22title%22%3A%22a%20b%27%22%7D',
        `host:sms.example.test\nx-acs-action:SendSms\nx-acs-content-sha256:${EMPTY_SHA256}\nx-acs-date:2026-03-03T01:02:03Z\n`,
        'host;x-acs-action;x-acs-content-sha256;x-acs-date',
        EMPTY_SHA256,
      ].join('\n'),
    );
  });

  it('signs with HMAC-SHA256 of the key secret (vector computed with openssl)', () => {
    expect(smsAuthorization(request, 'LTAI-test', 'test-secret-123')).toBe(
      'ACS3-HMAC-SHA256 Credential=LTAI-test,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date,' +
        'Signature=4bd41373d6c6ab4996b1405278613a355235a7bef7775b9177a502ed928f5470',
    );
    expect(smsAuthorization(request, 'LTAI-test', 'another-secret')).not.toContain('4bd41373');
  });
});
