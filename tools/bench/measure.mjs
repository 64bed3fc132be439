// Measuring helpers of the bench: percentiles, sequential latencies, autocannon throughput, RSS.
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';

export const pct = (values, p) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
export const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

export function rssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
  } catch {
    return NaN;
  }
}

export function cannon(url, headers = {}, connections = 4, duration = 10) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration, headers }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

/** Sequential requests (one client): latencies in ms; every answer must be 200. */
export async function latencies(url, headers, n) {
  const times = [];
  for (let i = 0; i < n; i++) {
    times.push(
      await timeIt(async () => {
        const res = await fetch(url, { headers });
        if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
        await res.arrayBuffer();
      }),
    );
  }
  return times;
}

export async function timeIt(fn) {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

