import { Module } from '@nestjs/common';
import { CalendarModule } from '@luoshi/server/calendar';
import { IdentityModule } from '@luoshi/server/identity';
import { ApprovalService } from './approval.service';
import { ApprovalDelegationsService } from './approval-delegations.service';
import { ApprovalQueryService } from './approval-query.service';
import { ApprovalStore } from './approval-store';
import { ApprovalSubjects } from './approval-subjects';
import { ApprovalTemplatesService } from './approval-templates.service';
import { ApprovalTimeoutWorker } from './approval-timeout.worker';
import { ApprovalsController, ApprovalTemplatesController } from './approvals.controller';
import { ApproverResolver } from './approver-resolver';

/** Approval chains over the pure engine: instances, actions, inbox, templates, delegations, timeouts. */
@Module({
  imports: [CalendarModule, IdentityModule],
  controllers: [ApprovalsController, ApprovalTemplatesController],
  providers: [
    ApprovalService,
    ApprovalQueryService,
    ApprovalStore,
    ApprovalSubjects,
    ApprovalTemplatesService,
    ApprovalDelegationsService,
    ApproverResolver,
    ApprovalTimeoutWorker,
  ],
  exports: [ApprovalService, ApprovalQueryService, ApprovalSubjects, ApprovalTemplatesService, ApprovalTimeoutWorker],
})
export class ApprovalsModule {}
