import * as path from 'node:path';
import { checkOwnership, namesInTablePosition, sqlTextsOf, tablesAfter, tablesCreatedBy } from './scan-tables';
import { PENDING_OWNER_MOVES } from './pending-owner-moves';

const root = path.join(__dirname, '..', '..');
const key = (v: { file: string; table: string }) => `${v.file}: ${v.table}`;

describe('every table has one owner', () => {
  const report = checkOwnership(root);

  it('gives every table a migration creates exactly one owning lib', () => {
    expect(report.unowned).toEqual([]);
    expect(report.contested).toEqual([]);
    expect(report.unknown).toEqual([]);
  });

  it("keeps each lib's SQL to the tables it owns (PENDING_OWNER_MOVES aside)", () => {
    const pending = new Set(PENDING_OWNER_MOVES.map(key));
    const found = new Set(report.violations.map(key));
    if (PENDING_OWNER_MOVES.length) {
      console.info(`Pending owner moves (${PENDING_OWNER_MOVES.length}):\n${PENDING_OWNER_MOVES.map((p) => `  ${key(p)} (${p.why})`).join('\n')}`);
    }
    expect(report.violations.filter((v) => !pending.has(key(v))).map((v) => `${v.lib}: ${key(v)}`)).toEqual([]);
    // A move that is done leaves the list.
    expect(PENDING_OWNER_MOVES.filter((p) => !found.has(key(p))).map(key)).toEqual([]);
  });

  it('catches a lib that names a table it does not own', () => {
    const source = 'export const q = `SELECT t.id, u.display_name FROM task t JOIN app_user u ON u.id = t.owner_user_id`;';
    const { violations } = checkOwnership(root, { lib: 'tasks', file: 'libs/server/tasks/src/fake.ts', source });
    expect(violations.filter((v) => v.file.endsWith('fake.ts'))).toEqual([{ lib: 'tasks', file: 'libs/server/tasks/src/fake.ts', table: 'app_user' }]);
  });

  it('catches a lib that maps a table it does not own as a TypeORM entity', () => {
    const source = "@Entity('indicator')\nexport class IndicatorEntity {}";
    const { violations } = checkOwnership(root, { lib: 'plans', file: 'libs/server/plans/src/fake.entity.ts', source });
    expect(violations.filter((v) => v.file.endsWith('fake.entity.ts'))).toEqual([{ lib: 'plans', file: 'libs/server/plans/src/fake.entity.ts', table: 'indicator' }]);
  });
});

describe('finding table names in SQL', () => {
  it('reads FROM, JOIN, INTO, UPDATE, DELETE FROM, TABLE and REFERENCES, and comma lists', () => {
    const sql = `WITH x AS (SELECT 1) SELECT * FROM task t, plan p JOIN plan_node n ON true LEFT JOIN "department" d ON true;
      INSERT INTO task_event (a) VALUES (1); UPDATE reminder SET a = 1; DELETE FROM holiday; ALTER TABLE app_user ADD b int REFERENCES department (id)`;
    expect(namesInTablePosition(sql)).toEqual(['task', 'plan', 'plan_node', 'department', 'task_event', 'reminder', 'holiday', 'app_user', 'department']);
  });

  it('reads template strings around their interpolations, and not prose', () => {
    const texts = sqlTextsOf("const a = `SELECT ${cols} FROM task t WHERE ${w}`; const b = 'could not update task';");
    expect(texts.flatMap(namesInTablePosition)).toEqual(['task']);
  });

  it('lists the tables a migration creates', () => {
    expect(tablesCreatedBy('CREATE TABLE task (id uuid); CREATE TABLE IF NOT EXISTS x_y (a int)')).toEqual(['task', 'x_y']);
  });

  it('follows the migrations up() in order: a later drop removes a table, down() does not count', () => {
    const first = 'async up() { q(`CREATE TABLE a (id int)`); q(`CREATE TABLE b (id int)`) } async down() { q(`DROP TABLE a, b`) }';
    const second = 'async up() { q(`DROP TABLE b`); q(`CREATE TABLE c (id int)`) } async down() { q(`CREATE TABLE b (id int)`) }';
    expect([...tablesAfter([first, second])].sort()).toEqual(['a', 'c']);
  });
});
