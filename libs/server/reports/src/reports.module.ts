import { Module } from '@nestjs/common';
import { ApprovalsModule } from '@luoshi/server/approvals';
import { CalendarModule } from '@luoshi/server/calendar';
import { IdentityModule } from '@luoshi/server/identity';
import { PlansModule } from '@luoshi/server/plans';
import { TasksModule } from '@luoshi/server/tasks';
import { ApprovalTaskLabels } from './approval-task-labels';
import { EvidenceService } from './evidence.service';
import { EVIDENCE_STORAGE, LocalDiskEvidenceStorage } from './evidence-storage';
import { ProgressReportService } from './progress-report.service';
import { ReportDraftsService } from './report-drafts.service';
import { ReportQueryService } from './report-query.service';
import { EvidenceController, ReportsController, TaskReportsController } from './reports.controller';
import { SpecialActionPlanService } from './special-action-plan.service';
import { SpecialActionPlansController } from './special-action-plans.controller';

/** Progress reports, evidence and special action plans (requests about a task live in @luoshi/server/requests). */
@Module({
  imports: [ApprovalsModule, TasksModule, PlansModule, CalendarModule, IdentityModule],
  controllers: [TaskReportsController, ReportsController, EvidenceController, SpecialActionPlansController],
  providers: [
    ApprovalTaskLabels,
    { provide: EVIDENCE_STORAGE, useClass: LocalDiskEvidenceStorage },
    EvidenceService,
    ReportDraftsService,
    ReportQueryService,
    ProgressReportService,
    SpecialActionPlanService,
  ],
  exports: [ReportDraftsService, EvidenceService],
})
export class ReportsModule {}
