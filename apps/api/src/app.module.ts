import { Module } from '@nestjs/common';
import { AuditModule } from '@luoshi/server/audit';
import { CalendarModule } from '@luoshi/server/calendar';
import { IdentityModule } from '@luoshi/server/identity';
import { NotificationsModule } from '@luoshi/server/notifications';
import { PlansModule } from '@luoshi/server/plans';
import { PlatformModule } from '@luoshi/server/platform';
import { RemindersModule } from '@luoshi/server/reminders';
import { TasksModule } from '@luoshi/server/tasks';
import { ApprovalsModule } from '@luoshi/server/approvals';
import { ReportsModule } from '@luoshi/server/reports';
import { RequestsModule } from '@luoshi/server/requests';
import { DashboardsModule } from '@luoshi/server/dashboards';
import { IndicatorsModule } from '@luoshi/server/indicators';

/**
 * Composes the capabilities; no logic lives here. Job workers run in this process unless
 * WORKERS_IN_PROCESS=false (then run apps/worker, as many as needed).
 */
@Module({
  imports: [PlatformModule, AuditModule, IdentityModule, NotificationsModule, RemindersModule, PlansModule, CalendarModule, TasksModule, IndicatorsModule, DashboardsModule, ApprovalsModule, ReportsModule, RequestsModule],
})
export class AppModule {}
