import { BlockList, isIP } from 'node:net';
import { lookup } from 'node:dns/promises';

/**
 * Robot webhooks go to the messaging platforms on the internet. Internal addresses (loopback,
 * private, link-local, carrier-grade NAT, multicast, reserved) are refused unless
 * WEBHOOK_ALLOWED_HOSTS lets them in: a comma-separated list of "loopback", "private", host
 * names, IP addresses or CIDR ranges (e.g. "loopback,10.1.0.0/16,robot.intranet").
 */
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

const INTERNAL = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24],
  ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) {
  INTERNAL.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [['::', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96], ['2001:db8::', 32]] as const) {
  INTERNAL.addSubnet(net, prefix, 'ipv6');
}

export interface WebhookAllowList {
  loopback: boolean;
  private: boolean;
  hosts: Set<string>;
  ranges: BlockList;
}

export function parseWebhookAllowList(setting: string): WebhookAllowList {
  const list: WebhookAllowList = { loopback: false, private: false, hosts: new Set(), ranges: new BlockList() };
  for (const raw of setting.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)) {
    if (raw === 'loopback') list.loopback = true;
    else if (raw === 'private') list.private = true;
    else if (raw.includes('/')) {
      const [net, prefix] = raw.split('/');
      const family = isIP(net);
      if (family) list.ranges.addSubnet(net, Number(prefix), family === 6 ? 'ipv6' : 'ipv4');
    } else if (isIP(raw)) list.ranges.addAddress(raw, isIP(raw) === 6 ? 'ipv6' : 'ipv4');
    else list.hosts.add(raw);
  }
  return list;
}

/** An IPv4-mapped IPv6 address (::ffff:10.0.0.1) is judged as the IPv4 address it carries. */
function unmap(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { address: mapped[1], family: 'ipv4' };
  return { address, family: isIP(address) === 6 ? 'ipv6' : 'ipv4' };
}

/** Why an address may not receive webhooks, or null when it may. */
export function refusedAddress(ip: string, allow: WebhookAllowList): string | null {
  const { address, family } = unmap(ip);
  if (allow.ranges.check(address, family)) return null;
  if (LOOPBACK.check(address, family)) return allow.loopback ? null : `${ip} is a loopback address`;
  if (INTERNAL.check(address, family)) return allow.private ? null : `${ip} is an internal or reserved address`;
  return null;
}

/**
 * Checks a webhook URL's host and every address it resolves to. Host names that do not resolve
 * here are let through (checked again at each delivery, when they must resolve).
 */
export async function checkWebhookTarget(url: string, allow: WebhookAllowList, requireResolution: boolean): Promise<string | null> {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, '');
  } catch {
    return 'not a valid URL';
  }
  if (allow.hosts.has(host)) return null;
  if (isIP(host)) return refusedAddress(host, allow);
  if (host === 'localhost' || host.endsWith('.localhost')) return allow.loopback ? null : `${host} is a loopback name`;
  let addresses: { address: string }[];
  try {
    addresses = await lookup(host, { all: true, verbatim: true });
  } catch {
    return requireResolution ? `${host} does not resolve` : null;
  }
  for (const { address } of addresses) {
    const problem = refusedAddress(address, allow);
    if (problem) return `${host} resolves to ${problem}`;
  }
  return null;
}
