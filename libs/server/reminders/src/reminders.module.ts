import { Global, Module } from '@nestjs/common';
import { CalendarModule } from '@luoshi/server/calendar';
import { IdentityModule } from '@luoshi/server/identity';
import { ReminderDeliveryWorker } from './reminder-delivery.worker';
import { ReminderPlanner } from './reminder-planner.service';
import { ReminderRulesService } from './reminder-rules.service';
import { RemindersController } from './reminders.controller';

/** Reminder rows, their BullMQ jobs, delivery exactly once and the reconciler. */
@Global()
@Module({
  imports: [CalendarModule, IdentityModule],
  controllers: [RemindersController],
  providers: [ReminderPlanner, ReminderRulesService, ReminderDeliveryWorker],
  exports: [ReminderPlanner, ReminderDeliveryWorker],
})
export class RemindersModule {}
