// Finds the tables a server lib's SQL names, so a test can hold every lib to the tables it owns.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/** SQL lives in string and template literals; an interpolation becomes a blank so the words around it stay apart. */
export function sqlTextsOf(source: string, fileName = 'source.ts'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const texts: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) texts.push(node.text);
    else if (ts.isTemplateExpression(node)) {
      texts.push([node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ${} '));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return texts;
}

const NAME = `"?([a-z_][a-z0-9_]*)"?`;
const ALIAS = `(?:\\s+(?:AS\\s+)?(?!(?:WHERE|ON|USING|SET|JOIN|LEFT|RIGHT|INNER|FULL|CROSS|GROUP|ORDER|LIMIT|VALUES|SELECT|RETURNING|FOR|UNION|WITH)\\b)[a-z_][a-z0-9_]*)?`;
// Keywords are matched in upper case only: the repo writes SQL keywords in capitals, and prose ("update task") is not SQL.
const TABLE_CONTEXT = new RegExp(
  `\\b(?:FROM|JOIN|INTO|UPDATE|TABLE|TRUNCATE|REFERENCES)\\s+(?:ONLY\\s+|IF\\s+(?:NOT\\s+)?EXISTS\\s+)?${NAME}${ALIAS}((?:\\s*,\\s*${NAME}${ALIAS})*)`,
  'g',
);

/** Every name in a table position (after FROM, JOIN, INTO, UPDATE, TABLE, TRUNCATE, REFERENCES, and comma lists after them). */
export function namesInTablePosition(sql: string): string[] {
  const names: string[] = [];
  for (const match of sql.matchAll(TABLE_CONTEXT)) {
    names.push(match[1]);
    const rest = match[2];
    if (rest) for (const more of rest.matchAll(new RegExp(`,\\s*${NAME}`, 'g'))) names.push(more[1]);
  }
  return names;
}

/** The tables a migration source creates. */
export function tablesCreatedBy(source: string): string[] {
  return [...source.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"?([a-z_][a-z0-9_]*)"?/g)].map((m) => m[1]);
}

/** The tables that exist after every migration's up() ran in order: down() is the way back, not the schema. */
export function tablesAfter(migrationSources: readonly string[]): Set<string> {
  const tables = new Set<string>();
  for (const source of migrationSources) {
    const up = source.split(/async down\(/)[0];
    for (const step of up.matchAll(/(CREATE|DROP) TABLE (?:IF (?:NOT )?EXISTS )?((?:"?[a-z_][a-z0-9_]*"?(?:\s*,\s*)?)+)/g)) {
      const names = step[2].split(',').map((n) => n.trim().replace(/"/g, ''));
      for (const name of names) {
        if (step[1] === 'CREATE') tables.add(name);
        else tables.delete(name);
      }
    }
  }
  return tables;
}

export interface Violation {
  lib: string;
  file: string;
  table: string;
}

/** The tables a source maps with TypeORM's `@Entity('name')`: a repository on them is SQL too. */
export function entityTablesOf(source: string): string[] {
  return [...source.matchAll(/@Entity\(\s*['"`]([a-z_][a-z0-9_]*)['"`]/g)].map((m) => m[1]);
}

/** The known tables named by one source (in SQL or as an entity) that its lib does not own. */
export function violationsIn(lib: string, file: string, source: string, owned: ReadonlySet<string>, known: ReadonlySet<string>): Violation[] {
  const seen = new Set<string>();
  const named = [...sqlTextsOf(source, file).flatMap(namesInTablePosition), ...entityTablesOf(source)];
  for (const name of named) if (known.has(name) && !owned.has(name)) seen.add(name);
  return [...seen].sort().map((table) => ({ lib, file, table }));
}

/** The non-spec sources of a lib, without migrations and test fixtures. */
export function libSources(libSrc: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'migrations' && entry.name !== 'testing' && entry.name !== 'node_modules') walk(full);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) out.push(full);
    }
  };
  walk(libSrc);
  return out.sort();
}

export interface OwnershipReport {
  violations: Violation[];
  /** Tables a migration creates that no lib claims. */
  unowned: string[];
  /** Tables two or more libs claim, with the claimants. */
  contested: { table: string; libs: string[] }[];
  /** Claimed names no migration creates. */
  unknown: { lib: string; table: string }[];
}

/** Holds each server lib (libs/server/<lib>/src/owned-tables.ts) to its tables. */
export function checkOwnership(root: string, extra?: { lib: string; file: string; source: string }): OwnershipReport {
  const serverDir = path.join(root, 'libs/server');
  const migrations = path.join(serverDir, 'platform/src/migrations');
  // Migration files start with their timestamp, so name order is run order.
  const known = tablesAfter(
    fs.readdirSync(migrations).filter((f) => /^\d+-.*\.ts$/.test(f)).sort().map((f) => fs.readFileSync(path.join(migrations, f), 'utf8')),
  );
  const owners = new Map<string, string[]>();
  const ownedBy = new Map<string, Set<string>>();
  const unknown: OwnershipReport['unknown'] = [];
  for (const lib of fs.readdirSync(serverDir).sort()) {
    const ownedFile = path.join(serverDir, lib, 'src/owned-tables.ts');
    // Read as text: the check takes each lib's list without importing the lib; the file holds nothing but table names.
    const tables = fs.existsSync(ownedFile) ? sqlTextsOf(fs.readFileSync(ownedFile, 'utf8')) : [];
    ownedBy.set(lib, new Set(tables));
    for (const table of tables) {
      owners.set(table, [...(owners.get(table) ?? []), lib]);
      if (!known.has(table)) unknown.push({ lib, table });
    }
  }
  const violations: Violation[] = [];
  const scan = (lib: string, file: string, source: string): void => {
    violations.push(...violationsIn(lib, file, source, ownedBy.get(lib) ?? new Set(), known));
  };
  for (const lib of ownedBy.keys()) {
    const src = path.join(serverDir, lib, 'src');
    if (!fs.existsSync(src)) continue;
    for (const file of libSources(src)) scan(lib, path.relative(root, file), fs.readFileSync(file, 'utf8'));
  }
  if (extra) scan(extra.lib, extra.file, extra.source);
  return {
    violations,
    unowned: [...known].filter((t) => !owners.has(t)).sort(),
    contested: [...owners].filter(([, libs]) => libs.length > 1).map(([table, libs]) => ({ table, libs })),
    unknown,
  };
}
