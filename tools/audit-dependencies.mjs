// `npm test` step: `npm audit --omit=dev` must find no high or critical advisory in what the
// product ships. The advisories come from the package registry's audit endpoint; where it cannot
// answer (an offline machine, a mirror without the endpoint), the step says so plainly and does not
// pretend the dependencies were checked.
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lib/workspace.mjs';

/** Returns 'clean' | 'unavailable'; throws when a high or critical advisory is found. */
export function auditDependencies(log = console.log) {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  let report;
  try {
    report = JSON.parse(run.stdout || '{}');
  } catch {
    report = {};
  }
  const counts = report.metadata?.vulnerabilities;
  if (!counts) {
    const reason = (report.error?.summary || run.stderr || 'no answer').split('\n').find((l) => l.trim()) ?? 'no answer';
    // (Addresses left out of the message: the configured registry is the machine's business.)
    log(`npm audit: the audit endpoint did not answer (${reason.replace(/\S+:\/\/\S+/g, '<audit endpoint>').trim()}); dependencies NOT checked for advisories on this machine`);
    return 'unavailable';
  }
  const serious = (counts.high ?? 0) + (counts.critical ?? 0);
  log(`npm audit --omit=dev: ${JSON.stringify(counts)}`);
  if (serious > 0) throw new Error(`npm audit found ${counts.high ?? 0} high and ${counts.critical ?? 0} critical advisories in production dependencies (npm audit --omit=dev)`);
  return 'clean';
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    auditDependencies();
  } catch (error) {
    console.error(`[luoshi audit] FAILED: ${error.message}`);
    process.exit(1);
  }
}
