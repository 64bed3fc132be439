import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { InstructionListResponse } from '@luoshi/contracts';
import { AllowRoles, CurrentActor, type RequestActor, signedIn } from '@luoshi/server/platform';
import { InstructionListService } from './instruction-list.service';
import { InstructionListQueryDto } from './tasks.dto';

/** 批示: given from a task (POST /api/tasks/:id/instructions), listed here for the leaders' page. */
@ApiTags('tasks')
@ApiBearerAuth()
@Controller('instructions')
export class InstructionsController {
  constructor(private readonly instructions: InstructionListService) {}

  @Get()
  @AllowRoles('leader', 'office_admin', 'office_reviewer', 'viewer')
  list(@Query() query: InstructionListQueryDto, @CurrentActor() actor: RequestActor): Promise<InstructionListResponse> {
    return this.instructions.list({ state: query.state, page: query.page, pageSize: query.pageSize }, signedIn(actor).user);
  }
}
