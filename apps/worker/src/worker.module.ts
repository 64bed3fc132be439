import { Module } from '@nestjs/common';
import { ApprovalsModule } from '@luoshi/server/approvals';
import { AuditModule } from '@luoshi/server/audit';
import { CalendarModule } from '@luoshi/server/calendar';
import { IdentityModule } from '@luoshi/server/identity';
import { PlanIndicatorsModule } from '@luoshi/server/indicators';
import { NotificationsModule } from '@luoshi/server/notifications';
import { PlansModule } from '@luoshi/server/plans';
import { PlatformModule } from '@luoshi/server/platform';
import { RemindersModule } from '@luoshi/server/reminders';
import { ReportsModule } from '@luoshi/server/reports';
import { TasksModule } from '@luoshi/server/tasks';

/**
 * The job processors without HTTP: reminders, deliveries, digests, approval step timeouts,
 * report drafts and the reconcilers. The capabilities they act through come along (no routes
 * are served from this process).
 */
@Module({
  imports: [
    PlatformModule,
    AuditModule,
    IdentityModule,
    CalendarModule,
    NotificationsModule,
    RemindersModule,
    PlansModule,
    // Plans' import (reports use it) writes indicators through this port.
    PlanIndicatorsModule,
    TasksModule,
    ApprovalsModule,
    ReportsModule,
  ],
})
export class WorkerModule {}
