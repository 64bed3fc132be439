import type { DataSource } from 'typeorm';
import type { DepartmentSeed, Role } from '@luoshi/contracts';
import { hashPassword } from './password-hasher';

export interface DemoUserSeed {
  username: string;
  displayName: string;
  roles: Role[];
  departmentCode: string;
}

/**
 * Loads the department directory and the demo users. Idempotent: existing rows are kept as they
 * are (a second start keeps what people changed); demo users are switched off when demo is off.
 */
export async function seedIdentity(
  dataSource: DataSource,
  input: { departments: DepartmentSeed[]; demoUsers: DemoUserSeed[]; demoEnabled: boolean; demoPassword: string },
): Promise<{ departments: number; demoUsers: number }> {
  return dataSource.transaction(async (m) => {
    for (const d of input.departments) {
      await m.query(
        // A responsibilities text the office has not written yet is filled in; one it wrote is kept.
        `INSERT INTO department (code, name, short_name, kind, parent_id, aliases, responsibilities)
         VALUES ($1, $2, $3, $4, (SELECT id FROM department WHERE code = $5), $6, $7)
         ON CONFLICT (code) DO UPDATE SET responsibilities = EXCLUDED.responsibilities WHERE department.responsibilities = ''`,
        [d.code, d.name, d.shortName, d.kind, d.parentCode, d.aliases, d.responsibilities ?? ''],
      );
    }
    if (!input.demoEnabled) {
      await m.query(`UPDATE app_user SET active = false WHERE demo AND active`);
      return { departments: input.departments.length, demoUsers: 0 };
    }
    const passwordHash = await hashPassword(input.demoPassword);
    for (const u of input.demoUsers) {
      await m.query(
        `INSERT INTO app_user (username, display_name, password_hash, department_id, roles, demo)
         SELECT $1, $2, $3, d.id, $4, true FROM department d WHERE d.code = $5
         ON CONFLICT (lower(username)) DO NOTHING`,
        [u.username, u.displayName, passwordHash, u.roles, u.departmentCode],
      );
    }
    return { departments: input.departments.length, demoUsers: input.demoUsers.length };
  });
}
