import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarModule } from '@luoshi/server/calendar';
import { DepartmentKeywordEntity } from './department-keyword.entity';
import { TaskAssignmentService } from './task-assignment.service';
import { TaskCollaborationService } from './task-collaboration.service';
import { TaskDispatchNotices } from './task-dispatch-notices';
import { TaskEventEntity } from './task-event.entity';
import { TaskExcelService } from './task-excel.service';
import { TaskGenerationService } from './task-generation.service';
import { TaskInstructionEntity } from './task-instruction.entity';
import { TaskLifecycleService } from './task-lifecycle.service';
import { TaskQueryService } from './task-query.service';
import { TaskStore } from './task-store';
import { TaskSuggestionService } from './task-suggestion.service';
import { TaskEntity } from './task.entity';
import { PlanTasksController, TasksController } from './tasks.controller';

@Module({
  imports: [
    TypeOrmModule.forFeature([TaskEntity, TaskEventEntity, TaskInstructionEntity, DepartmentKeywordEntity]),
    CalendarModule,
  ],
  controllers: [PlanTasksController, TasksController],
  providers: [
    TaskStore,
    TaskQueryService,
    TaskAssignmentService,
    TaskLifecycleService,
    TaskCollaborationService,
    TaskDispatchNotices,
    TaskGenerationService,
    TaskSuggestionService,
    TaskExcelService,
  ],
  exports: [TaskQueryService, TaskSuggestionService, TaskStore],
})
export class TasksModule {}
