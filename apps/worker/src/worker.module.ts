import { Module } from '@nestjs/common';
import { AuditModule } from '@luoshi/server/audit';
import { CalendarModule } from '@luoshi/server/calendar';
import { NotificationsModule } from '@luoshi/server/notifications';
import { PlatformModule } from '@luoshi/server/platform';
import { RemindersModule } from '@luoshi/server/reminders';

/** The job processors without HTTP: reminders, deliveries, digests and the reconciler. */
@Module({
  imports: [PlatformModule, AuditModule, CalendarModule, NotificationsModule, RemindersModule],
})
export class WorkerModule {}
