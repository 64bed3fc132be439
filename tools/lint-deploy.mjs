// Checks the deployment files without a Docker engine: `node tools/lint-deploy.mjs` (a step of `npm test`).
//  - docker-compose.yml: dclint (the Compose Specification's JSON schema, then its rules), and what
//    Luoshi needs of it (Redis noeviction + AOF, API and worker replicas, workers out of the API, an SMTP sink);
//  - Dockerfile: dockerfile-utils (the linter of the Dockerfile language server), and the image's
//    shape (multi-stage, npm ci, non-root runtime, health check, pinned base).
// Both linters are dev dependencies (dclint 3.1.0, dockerfile-utils 0.16.3); without them this fails
// and says what to install.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lib/workspace.mjs';

const require = createRequire(join(ROOT, 'package.json'));
const LINTERS = { dclint: '3.1.0', 'dockerfile-utils': '0.16.3', yaml: '2.9.0' };

function resolveOrExplain(name) {
  try {
    return require.resolve(name === 'dclint' ? 'dclint/package.json' : name);
  } catch {
    const install = Object.entries(LINTERS)
      .map(([n, v]) => `${n}@${v}`)
      .join(' ');
    throw new Error(`the linter "${name}" is not installed: add the dev dependencies with \`npm install --save-dev --save-exact ${install}\``);
  }
}

/** Luoshi's own requirements of the compose file; returns problems as text. */
export function checkCompose(compose) {
  const problems = [];
  const services = compose?.services ?? {};
  for (const name of ['postgres', 'redis', 'api', 'worker', 'setup']) if (!services[name]) problems.push(`service "${name}" is missing`);
  const redisCommand = [].concat(services.redis?.command ?? []).join(' ');
  if (!/--maxmemory-policy\s+noeviction/.test(redisCommand)) problems.push('redis must run with --maxmemory-policy noeviction (queued reminders must never be evicted)');
  if (!/--appendonly\s+yes/.test(redisCommand)) problems.push('redis must run with --appendonly yes (jobs survive a restart)');
  for (const name of ['api', 'worker']) {
    const replicas = services[name]?.deploy?.replicas;
    if (!(Number(replicas) >= 2)) problems.push(`${name} must run several replicas (deploy.replicas >= 2), has ${replicas ?? 'none'}`);
    const after = services[name]?.depends_on ?? {};
    if (after.setup?.condition !== 'service_completed_successfully') problems.push(`${name} must wait for setup (depends_on.setup.condition: service_completed_successfully)`);
    const env = services[name]?.environment ?? {};
    for (const key of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'SMTP_URL']) if (!(key in env)) problems.push(`${name} lacks ${key}`);
  }
  if (String(services.api?.environment?.WORKERS_IN_PROCESS) !== 'false') problems.push('api must set WORKERS_IN_PROCESS: "false" (the worker service runs the jobs)');
  const smtpUrl = String(services.api?.environment?.SMTP_URL ?? '');
  const smtpHost = /^smtps?:\/\/([^:/]+)/.exec(smtpUrl)?.[1];
  if (!smtpHost || !services[smtpHost]) problems.push(`SMTP_URL (${smtpUrl || 'unset'}) must point to an SMTP sink service of this file`);
  for (const [name, service] of Object.entries(services)) {
    if (service.image && !/:[\w][\w.-]*$/.test(service.image)) problems.push(`${name}: image "${service.image}" needs an explicit tag`);
    if (service.image && /:latest$/.test(service.image)) problems.push(`${name}: image "${service.image}" must not use :latest`);
  }
  return problems;
}

/** The image's shape; returns problems as text. */
export function checkDockerfile(text) {
  const problems = [];
  const lines = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const stages = lines.filter((l) => /^FROM\s/i.test(l));
  const named = stages.map((l) => /\sAS\s+([\w.-]+)\s*$/i.exec(l)?.[1]).filter(Boolean);
  if (stages.length < 2 || named.length < 2) problems.push(`multi-stage build expected (2+ named stages), found ${stages.length} FROM line(s)`);
  const lastFrom = lines.findLastIndex((l) => /^FROM\s/i.test(l));
  const final = lines.slice(lastFrom);
  if (!final.some((l) => /^COPY\s+--from=/i.test(l))) problems.push('the final stage should copy the build output from an earlier stage (COPY --from=…)');
  const user = final.filter((l) => /^USER\s/i.test(l)).at(-1);
  if (!user || /^USER\s+(root|0)(:|\s|$)/i.test(user)) problems.push('the final stage must run as a non-root USER');
  if (!final.some((l) => /^HEALTHCHECK\s/i.test(l))) problems.push('the final stage needs a HEALTHCHECK');
  if (!lines.some((l) => /^RUN\s.*\bnpm ci\b/i.test(l))) problems.push('dependencies must be installed with `npm ci` (from package-lock.json)');
  const args = Object.fromEntries(lines.map((l) => /^ARG\s+(\w+)=(\S+)/i.exec(l)).filter(Boolean).map((m) => [m[1], m[2]]));
  for (const from of stages) {
    const image = from.split(/\s+/)[1].replace(/^\$\{?(\w+)\}?$/, (_, name) => args[name] ?? '');
    if (named.includes(image)) continue;
    if (!/:[\w][\w.-]*$/.test(image) || /:latest$/.test(image)) problems.push(`base image "${image || from}" must carry an explicit version tag`);
  }
  return problems;
}

export async function lintDeployFiles({ log = console.log } = {}) {
  const failures = [];
  const composeFile = join(ROOT, 'docker-compose.yml');
  const dockerfile = join(ROOT, 'Dockerfile');

  const dclintPackage = resolveOrExplain('dclint');
  const dclintBin = join(dclintPackage, '..', JSON.parse(readFileSync(dclintPackage, 'utf8')).bin.dclint);
  const dclint = spawnSync(process.execPath, [dclintBin, composeFile], { cwd: ROOT, encoding: 'utf8' });
  if (dclint.stdout.trim()) log(dclint.stdout.trim());
  if (dclint.status !== 0) failures.push(`dclint rejected docker-compose.yml (exit ${dclint.status}):\n${dclint.stderr || dclint.stdout}`);

  const { parse } = await import(pathToFileURL(resolveOrExplain('yaml')).href);
  failures.push(...checkCompose(parse(readFileSync(composeFile, 'utf8'), { merge: true })).map((p) => `docker-compose.yml: ${p}`));

  const { validate } = require(resolveOrExplain('dockerfile-utils'));
  const text = readFileSync(dockerfile, 'utf8');
  for (const d of validate(text)) {
    failures.push(`Dockerfile:${d.range.start.line + 1}: ${d.severity === 1 ? 'error' : 'warning'} ${d.code ?? ''} ${d.message}`);
  }
  failures.push(...checkDockerfile(text).map((p) => `Dockerfile: ${p}`));

  if (failures.length) {
    const error = new Error(`deployment files:\n  - ${failures.join('\n  - ')}`);
    error.exitCode = 1;
    throw error;
  }
  log('docker-compose.yml and Dockerfile: valid and linted');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  lintDeployFiles().catch((error) => {
    console.error(`[lint-deploy] ${error.message}`);
    process.exit(error.exitCode ?? 1);
  });
}
