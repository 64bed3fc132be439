import { Module } from '@nestjs/common';
import { ApprovalsModule } from '@luoshi/server/approvals';
import { CalendarModule } from '@luoshi/server/calendar';
import { PlansModule } from '@luoshi/server/plans';
import { TasksModule } from '@luoshi/server/tasks';
import { CompletionRequestService } from './completion-request.service';
import { EvidenceService } from './evidence.service';
import { EVIDENCE_STORAGE, LocalDiskEvidenceStorage } from './evidence-storage';
import { ExtensionRequestService } from './extension-request.service';
import { ProgressReportService } from './progress-report.service';
import { ReportDraftsService } from './report-drafts.service';
import { ReportQueryService } from './report-query.service';
import { EvidenceController, ReportsController, TaskReportsController, TaskRequestsController } from './reports.controller';
import { SpecialActionPlanService } from './special-action-plan.service';
import { SpecialActionPlansController } from './special-action-plans.controller';

/** Progress reports, evidence, extension and completion requests, special action plans. */
@Module({
  imports: [ApprovalsModule, TasksModule, PlansModule, CalendarModule],
  controllers: [TaskReportsController, ReportsController, TaskRequestsController, EvidenceController, SpecialActionPlansController],
  providers: [
    { provide: EVIDENCE_STORAGE, useClass: LocalDiskEvidenceStorage },
    EvidenceService,
    ReportDraftsService,
    ReportQueryService,
    ProgressReportService,
    ExtensionRequestService,
    CompletionRequestService,
    SpecialActionPlanService,
  ],
  exports: [ReportDraftsService, EvidenceService],
})
export class ReportsModule {}
