import { TaskHealthRollup } from './task-health-rollup';
import { Module } from '@nestjs/common';
import { CalendarModule } from '@luoshi/server/calendar';
import { IdentityModule } from '@luoshi/server/identity';
import { PlansModule } from '@luoshi/server/plans';
import { TaskAssignmentService } from './task-assignment.service';
import { TaskCollaborationService } from './task-collaboration.service';
import { TaskDispatchAudience } from './task-dispatch-audience';
import { TaskExcelService } from './task-excel.service';
import { TaskGenerationService } from './task-generation.service';
import { TaskLifecycleService } from './task-lifecycle.service';
import { TaskPortsModule } from './task-ports.module';
import { TaskQueryService } from './task-query.service';
import { TaskStore } from './task-store';
import { TaskSuggestionService } from './task-suggestion.service';
import { InstructionListService } from './instruction-list.service';
import { InstructionsController } from './instructions.controller';
import { PlanTasksController, TasksController } from './tasks.controller';

@Module({
  imports: [CalendarModule, IdentityModule, PlansModule, TaskPortsModule],
  controllers: [PlanTasksController, TasksController, InstructionsController],
  providers: [
    TaskStore,
    TaskQueryService,
    TaskAssignmentService,
    TaskLifecycleService,
    TaskCollaborationService,
    TaskDispatchAudience,
    TaskGenerationService,
    TaskSuggestionService,
    TaskExcelService,
    InstructionListService,
    TaskHealthRollup,
  ],
  // TaskReader comes with TaskPortsModule, which is global.
  exports: [TaskQueryService, TaskSuggestionService, TaskStore, TaskHealthRollup],
})
export class TasksModule {}
