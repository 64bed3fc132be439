import { Global, Module } from '@nestjs/common';
import { TASK_DEPARTMENTS } from '@luoshi/server/notifications';
import { REMINDER_TASKS } from '@luoshi/server/reminders';
import { TaskReader } from './task-reader';

/**
 * The ports through which capabilities under tasks read task rows (notifications their task
 * audiences' departments, reminders the deadlines and recipients), both answered by TaskReader.
 * Global because those modules cannot import tasks.
 */
@Global()
@Module({
  providers: [
    TaskReader,
    { provide: TASK_DEPARTMENTS, useExisting: TaskReader },
    { provide: REMINDER_TASKS, useExisting: TaskReader },
  ],
  exports: [TaskReader, TASK_DEPARTMENTS, REMINDER_TASKS],
})
export class TaskPortsModule {}
