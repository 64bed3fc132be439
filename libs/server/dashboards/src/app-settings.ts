import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@luoshi/server/audit';
import type { RequestActor } from '@luoshi/server/platform';

export const SETTING_EVALUATION_WEIGHTS = 'evaluation.weights';
export const SETTING_PUBLIC_SUMMARY = 'public_summary';

export interface StoredSetting<T> {
  value: T;
  updatedAt: string;
}

/** Reads and writes app_setting rows; every write is audited in its transaction. */
@Injectable()
export class AppSettings {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get<T>(key: string): Promise<StoredSetting<T> | null> {
    const [row] = await this.dataSource.query(`SELECT value, updated_at AS "updatedAt" FROM app_setting WHERE key = $1`, [key]);
    return row ? { value: row.value as T, updatedAt: new Date(row.updatedAt).toISOString() } : null;
  }

  async put<T>(key: string, value: T, actor: RequestActor): Promise<StoredSetting<T>> {
    return this.dataSource.transaction(async (m) => {
      const [before] = await m.query(`SELECT value FROM app_setting WHERE key = $1 FOR UPDATE`, [key]);
      const [row] = await m.query(
        `INSERT INTO app_setting (key, value, updated_by, updated_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = now()
         RETURNING updated_at AS "updatedAt"`,
        [key, JSON.stringify(value), actor.user?.id ?? null],
      );
      await this.audit.record(m, actor, {
        action: 'setting.update',
        subjectType: 'app_setting',
        subjectId: key,
        before: before ? { value: before.value } : null,
        after: { value },
      });
      return { value, updatedAt: new Date(row.updatedAt).toISOString() };
    });
  }
}
