import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DepartmentKeywordSeed, DepartmentSuggestionResponse } from '@luoshi/contracts';
import { type DepartmentKeyword, suggestDepartments } from './suggest-departments';
import { TaskStore } from './task-store';

/** Suggested lead and co-departments for a task, from its measure's text. */
@Injectable()
export class TaskSuggestionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: TaskStore,
  ) {}

  async suggest(taskId: string): Promise<DepartmentSuggestionResponse[]> {
    const m = this.dataSource.manager;
    const task = await this.store.find(m, taskId);
    const [measure] = await m.query(`SELECT title, body FROM plan_node WHERE id = $1`, [task.measureNodeId]);
    const text = [task.title, task.body, measure?.title ?? '', measure?.body ?? ''].join('\n');
    const [directory, keywords] = await Promise.all([
      this.store.directory(m),
      m.query(`SELECT department_id AS "departmentId", keyword FROM department_keyword`) as Promise<DepartmentKeyword[]>,
    ]);
    return suggestDepartments(text, directory.departments, keywords).map((s, i) => ({
      department: { id: s.department.id, code: s.department.code, name: s.department.name },
      suggestedRole: i === 0 ? 'lead' : 'co',
      reasons: s.reasons,
      score: s.score,
    }));
  }

  /** Loads seeds/department-keywords.json; idempotent, keeps what is there, skips unknown departments. */
  async seedKeywords(seeds: DepartmentKeywordSeed[]): Promise<{ keywords: number; unknownDepartments: string[] }> {
    const rows = seeds.flatMap((s) => s.words.map((keyword) => ({ code: s.departmentCode, keyword })));
    const inserted: { code: string }[] = await this.dataSource.query(
      `INSERT INTO department_keyword (department_id, keyword)
       SELECT d.id, k.keyword FROM jsonb_to_recordset($1::jsonb) AS k(code text, keyword text)
         JOIN department d ON d.code = k.code
       ON CONFLICT DO NOTHING
       RETURNING keyword`,
      [JSON.stringify(rows)],
    );
    const [{ codes }] = await this.dataSource.query(`SELECT coalesce(array_agg(code), '{}') AS codes FROM department`);
    const known = new Set(codes as string[]);
    return { keywords: inserted.length, unknownDepartments: [...new Set(seeds.map((s) => s.departmentCode))].filter((c) => !known.has(c)) };
  }
}
