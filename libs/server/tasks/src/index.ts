export { TasksModule } from './tasks.module';
export { TaskQueryService, type TaskListFilter } from './task-query.service';
export { TaskSuggestionService } from './task-suggestion.service';
export { TaskException, TaskErrorCode } from './task.exception';
export { TaskEntity } from './task.entity';
export { TaskEventEntity } from './task-event.entity';
export { TaskInstructionEntity } from './task-instruction.entity';
