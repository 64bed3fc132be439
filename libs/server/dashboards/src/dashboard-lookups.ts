import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DashboardDepartmentRef } from '@luoshi/contracts';
import { DashboardException } from './dashboard.exception';

export interface PlanRef {
  id: string;
  code: string;
  title: string;
}

/** Plans and departments as the dashboards name them. */
@Injectable()
export class DashboardLookups {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async plan(planId: string): Promise<PlanRef> {
    const [plan] = await this.dataSource.query(`SELECT id, code, title FROM plan WHERE id = $1`, [planId]);
    if (!plan) throw DashboardException.planNotFound(planId);
    return plan;
  }

  /** The given plan, else the most recently imported active action plan. */
  async planOrDefault(planId: string | null | undefined): Promise<PlanRef> {
    if (planId) return this.plan(planId);
    const [plan] = await this.dataSource.query(
      `SELECT id, code, title FROM plan WHERE status = 'active' AND kind = 'action_plan' ORDER BY created_at DESC, id LIMIT 1`,
    );
    if (!plan) throw DashboardException.noPlan();
    return plan;
  }

  /** A department by code; unknown → 400 naming the query field, or 404 when the code is the path. */
  async department(code: string, from: 'query' | 'path' = 'query'): Promise<DashboardDepartmentRef> {
    const [d] = await this.dataSource.query(`SELECT id, code, name, kind FROM department WHERE code = $1`, [code]);
    if (!d) throw from === 'path' ? DashboardException.departmentNotFound(code) : DashboardException.unknownDepartment(code);
    return d;
  }

}
