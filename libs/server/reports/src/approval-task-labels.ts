import { Injectable, OnModuleInit } from '@nestjs/common';
import { type ApprovalTaskLabel, ApprovalSubjects } from '@luoshi/server/approvals';
import { PlanReader } from '@luoshi/server/plans';
import { TaskReader } from '@luoshi/server/tasks';

/**
 * Tells approvals how to label an instance's task (code, plan code and title) in the inbox:
 * approvals may not read tasks or plans, so a subject capability that may read both registers this.
 */
@Injectable()
export class ApprovalTaskLabels implements OnModuleInit {
  constructor(
    private readonly subjects: ApprovalSubjects,
    private readonly tasks: TaskReader,
    private readonly plans: PlanReader,
  ) {}

  onModuleInit(): void {
    this.subjects.labelTasksWith(async (m, taskIds) => {
      const tasks = await this.tasks.refs(m, taskIds);
      const plans = await this.plans.refs(m, [...tasks.values()].map((t) => t.planId));
      const labels = new Map<string, ApprovalTaskLabel>();
      for (const t of tasks.values()) {
        const plan = plans.get(t.planId);
        labels.set(t.id, { code: t.code, planCode: plan?.code ?? '', planTitle: plan?.title ?? '' });
      }
      return labels;
    });
  }
}
