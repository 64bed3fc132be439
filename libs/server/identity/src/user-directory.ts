import { Injectable } from '@nestjs/common';
import type { DepartmentKind } from '@luoshi/contracts';
import { distinctIds, rowsById, type Sql } from '@luoshi/server/platform';

/** A user as other capabilities may see one. */
export interface UserProfileRow {
  id: string;
  displayName: string;
  departmentId: string | null;
  roles: string[];
  active: boolean;
}

/** The columns of UserProfileRow, for `SELECT ${USER_PROFILE_COLUMNS} FROM app_user u`. */
const USER_PROFILE_COLUMNS = `u.id, u.display_name AS "displayName", u.department_id AS "departmentId", u.roles, u.active`;

/** A department as other capabilities show one. */
export interface DepartmentRefRow {
  id: string;
  code: string;
  name: string;
  kind: DepartmentKind;
}

/** The columns of DepartmentRefRow, for `SELECT ${DEPARTMENT_REF_COLUMNS} FROM department d`. */
const DEPARTMENT_REF_COLUMNS = `d.id, d.code, d.name, d.kind`;

/** A department with every name a document may use for it and what it is responsible for. */
export interface DepartmentProfileRow extends DepartmentRefRow {
  shortName: string;
  aliases: string[];
  responsibilities: string;
}

/** The columns of DepartmentProfileRow. */
const DEPARTMENT_PROFILE_COLUMNS = `${DEPARTMENT_REF_COLUMNS}, d.short_name AS "shortName", d.aliases, d.responsibilities`;

/**
 * The identity capability's read side for everyone else: users and departments by id, code or role.
 * Every method takes a batch (never one query per row); callers join the result in memory.
 */
@Injectable()
export class UserDirectory {
  /** Display names by user id (unknown ids are absent). */
  async displayNames(m: Sql, ids: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
    const rows = await rowsById<{ id: string; displayName: string }>(m, `SELECT u.id, u.display_name AS "displayName" FROM app_user u WHERE u.id = ANY($1::uuid[])`, ids);
    return new Map([...rows.values()].map((r) => [r.id, r.displayName]));
  }

  /** Users by id, active or not. */
  profiles(m: Sql, ids: readonly (string | null | undefined)[]): Promise<Map<string, UserProfileRow>> {
    return rowsById(m, `SELECT ${USER_PROFILE_COLUMNS} FROM app_user u WHERE u.id = ANY($1::uuid[])`, ids);
  }

  /** The active users among `ids`. */
  async activeAmong(m: Sql, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await m.query(`SELECT id FROM app_user WHERE id = ANY($1::uuid[]) AND active`, [distinctIds(ids)]);
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Active users holding one of `roles` in these departments (null = anywhere), in the order of
   * `departmentIds`, then by username, so lists built from them are stable.
   */
  async usersOf(m: Sql, departmentIds: readonly string[] | null, roles: readonly string[]): Promise<string[]> {
    if (departmentIds !== null && departmentIds.length === 0) return [];
    const rows: { id: string }[] = await m.query(
      `SELECT id FROM app_user
        WHERE active AND roles && $1::text[] AND ($2::uuid[] IS NULL OR department_id = ANY($2::uuid[]))
        ORDER BY array_position($2::uuid[], department_id), lower(username)`,
      [roles, departmentIds],
    );
    return rows.map((r) => r.id);
  }

  /** Active users holding one of `roles` in these departments, by username. */
  async members(m: Sql, departmentIds: readonly string[], roles: readonly string[]): Promise<UserProfileRow[]> {
    if (departmentIds.length === 0) return [];
    return m.query(
      `SELECT ${USER_PROFILE_COLUMNS} FROM app_user u
        WHERE u.department_id = ANY($1::uuid[]) AND u.active AND u.roles && $2::text[] ORDER BY u.username`,
      [departmentIds, roles],
    );
  }

  /**
   * The active users that are among `ids`, or hold one of `departmentRoles` in `departmentIds`, or
   * one of `roles` anywhere: the candidates of a whole batch of audiences (notices, reminders) in one
   * read, which the caller sorts out per audience.
   */
  async audience(
    m: Sql,
    who: { ids?: readonly string[]; departmentIds?: readonly string[]; departmentRoles?: readonly string[]; roles?: readonly string[] },
  ): Promise<UserProfileRow[]> {
    const ids = distinctIds(who.ids ?? []);
    const departmentIds = distinctIds(who.departmentIds ?? []);
    const roles = who.roles ?? [];
    if (ids.length === 0 && departmentIds.length === 0 && roles.length === 0) return [];
    return m.query(
      `SELECT ${USER_PROFILE_COLUMNS} FROM app_user u
        WHERE u.active AND (u.id = ANY($1::uuid[]) OR (u.department_id = ANY($2::uuid[]) AND u.roles && $3::text[]) OR u.roles && $4::text[])`,
      [ids, departmentIds, who.departmentRoles ?? [], roles],
    );
  }

  /** Phone numbers by user id (users without one are absent). */
  async phones(m: Sql, ids: readonly string[]): Promise<Map<string, string>> {
    const rows = await rowsById<{ id: string; phone: string }>(m, `SELECT u.id, u.phone FROM app_user u WHERE u.id = ANY($1::uuid[]) AND u.phone IS NOT NULL`, ids);
    return new Map([...rows.values()].map((r) => [r.id, r.phone]));
  }

  /** A user's phone number (null when none, or no such user). */
  async phoneOf(m: Sql, userId: string): Promise<string | null> {
    const [row] = await m.query(`SELECT phone FROM app_user WHERE id = $1`, [userId]);
    return row?.phone ?? null;
  }

  /** Sets a user's own phone number (the notification settings page edits it). */
  async setPhone(m: Sql, userId: string, phone: string | null): Promise<void> {
    await m.query(`UPDATE app_user SET phone = $2, updated_at = now() WHERE id = $1`, [userId, phone]);
  }

  /** A department by its code, or null. */
  async departmentByCode(m: Sql, code: string): Promise<DepartmentRefRow | null> {
    const [row] = await m.query(`SELECT ${DEPARTMENT_REF_COLUMNS} FROM department d WHERE d.code = $1`, [code]);
    return row ?? null;
  }

  /** Departments by id (unknown ids are absent). */
  departments(m: Sql, ids: readonly (string | null | undefined)[]): Promise<Map<string, DepartmentRefRow>> {
    return rowsById(m, `SELECT ${DEPARTMENT_REF_COLUMNS} FROM department d WHERE d.id = ANY($1::uuid[])`, ids);
  }

  /** The department whose name (spaces aside) or alias is `name`, or null. */
  async departmentAnswering(m: Sql, name: string): Promise<string | null> {
    const [row] = await m.query(`SELECT id FROM department WHERE regexp_replace(name, '\\s', '', 'g') = $1 OR $1 = ANY(aliases) LIMIT 1`, [name]);
    return row?.id ?? null;
  }

  /** Every department, by code (task suggestion ranks them all). */
  allDepartments(m: Sql): Promise<DepartmentProfileRow[]> {
    return m.query(`SELECT ${DEPARTMENT_PROFILE_COLUMNS} FROM department d ORDER BY d.code`);
  }

  /** Every department's id by code. */
  async departmentIdsByCode(m: Sql): Promise<Map<string, string>> {
    const rows: { id: string; code: string }[] = await m.query(`SELECT id, code FROM department`);
    return new Map(rows.map((d) => [d.code, d.id]));
  }
}
