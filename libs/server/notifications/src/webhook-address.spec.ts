import { checkWebhookTarget, parseWebhookAllowList, refusedAddress } from './webhook-address';

describe(refusedAddress.name, () => {
  const none = parseWebhookAllowList('');

  it.each(['127.0.0.1', '127.5.5.5', '::1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::', 'fd00::1', 'fe80::1', '::ffff:10.0.0.1', '::ffff:127.0.0.1', '224.0.0.1'])(
    'refuses the internal address %s by default',
    (ip) => {
      expect(refusedAddress(ip, none)).not.toBeNull();
    },
  );

  it.each(['8.8.8.8', '47.96.1.1', '2408:4000::1'])('lets the public address %s through', (ip) => {
    expect(refusedAddress(ip, none)).toBeNull();
  });

  it('lets loopback, private ranges or exact ranges in only when the setting says so', () => {
    expect(refusedAddress('127.0.0.1', parseWebhookAllowList('loopback'))).toBeNull();
    expect(refusedAddress('10.0.0.1', parseWebhookAllowList('loopback'))).not.toBeNull();
    expect(refusedAddress('10.0.0.1', parseWebhookAllowList('private'))).toBeNull();
    expect(refusedAddress('10.1.2.3', parseWebhookAllowList('10.1.0.0/16'))).toBeNull();
    expect(refusedAddress('10.2.0.1', parseWebhookAllowList('10.1.0.0/16'))).not.toBeNull();
  });
});

describe(checkWebhookTarget.name, () => {
  it('judges literal addresses and local names without asking DNS, and allows listed host names', async () => {
    const none = parseWebhookAllowList('');
    expect(await checkWebhookTarget('http://127.0.0.1:8080/robot', none, false)).toMatch(/loopback/);
    expect(await checkWebhookTarget('http://[::1]/robot', none, false)).toMatch(/loopback/);
    expect(await checkWebhookTarget('http://localhost/robot', none, false)).toMatch(/loopback/);
    expect(await checkWebhookTarget('http://169.254.169.254/latest/meta-data', none, false)).toMatch(/internal/);
    expect(await checkWebhookTarget('https://robot.intranet/send', parseWebhookAllowList('robot.intranet'), true)).toBeNull();
    expect(await checkWebhookTarget('http://127.0.0.1:8080/robot', parseWebhookAllowList('loopback'), true)).toBeNull();
  });
});
