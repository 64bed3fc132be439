import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DashboardDepartmentRef } from '@luoshi/contracts';
import { UserDirectory } from '@luoshi/server/identity';
import { type PlanOutlineRow, PlanReader } from '@luoshi/server/plans';
import { DashboardException } from './dashboard.exception';

export interface PlanRef {
  id: string;
  code: string;
  title: string;
}

const planRef = ({ id, code, title }: PlanRef): PlanRef => ({ id, code, title });

/** Plans and departments as the dashboards name them, read from their owners. */
@Injectable()
export class DashboardLookups {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: PlanReader,
    private readonly users: UserDirectory,
  ) {}

  async plan(planId: string): Promise<PlanRef> {
    const plan = (await this.plans.refs(this.dataSource, [planId])).get(planId);
    if (!plan) throw DashboardException.planNotFound(planId);
    return planRef(plan);
  }

  /** The given plan, else the most recently imported active action plan. */
  async planOrDefault(planId: string | null | undefined): Promise<PlanRef> {
    if (planId) return this.plan(planId);
    const plan = await this.plans.latestActionPlan(this.dataSource);
    if (!plan) throw DashboardException.noPlan();
    return planRef(plan);
  }

  /** A department by code; unknown → 400 naming the query field, or 404 when the code is the path. */
  async department(code: string, from: 'query' | 'path' = 'query'): Promise<DashboardDepartmentRef> {
    const d = await this.users.departmentByCode(this.dataSource, code);
    if (!d) throw from === 'path' ? DashboardException.departmentNotFound(code) : DashboardException.unknownDepartment(code);
    return d;
  }

  /** The plan's live parts and sections in document order. */
  outline(planId: string): Promise<PlanOutlineRow[]> {
    return this.plans.outline(this.dataSource, planId);
  }

  /** Departments by id. */
  departments(ids: string[]): Promise<Map<string, DashboardDepartmentRef>> {
    return this.users.departments(this.dataSource, ids);
  }
}
