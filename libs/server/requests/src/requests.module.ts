import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ApprovalsModule } from '@luoshi/server/approvals';
import { IdentityModule } from '@luoshi/server/identity';
import { ReportsModule } from '@luoshi/server/reports';
import { TasksModule } from '@luoshi/server/tasks';
import { ChangeRequestKind } from './kinds/change.kind';
import { CompletionRequestKind } from './kinds/completion.kind';
import { ExtensionRequestKind } from './kinds/extension.kind';
import { RequestsController } from './requests.controller';
import { TaskRequestKinds } from './task-request-kinds';
import { TaskRequestStore } from './task-request-store';
import { TaskRequestsService } from './task-requests.service';

/** Requests about a task (延期, 办结, 任务变更 …): one table, one flow, kinds as providers. */
@Module({
  imports: [DiscoveryModule, ApprovalsModule, IdentityModule, TasksModule, ReportsModule],
  controllers: [RequestsController],
  providers: [TaskRequestKinds, TaskRequestStore, TaskRequestsService, ExtensionRequestKind, CompletionRequestKind, ChangeRequestKind],
})
export class RequestsModule {}
