import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { IndicatorDetailResponse, IndicatorTrackingResponse, IndicatorValueResponse } from '@luoshi/contracts';
import { AllowRoles, Authenticated, CurrentActor, type RequestActor, signedIn } from '@luoshi/server/platform';
import { IndicatorValuesService } from './indicator-values.service';
import { IndicatorListQueryDto, IndicatorValueQueryDto, ReportIndicatorValueDto, ReviewIndicatorValueDto, UpdateIndicatorDto } from './indicators.dto';
import { IndicatorsService } from './indicators.service';

@ApiTags('indicators')
@ApiBearerAuth()
@Controller('indicators')
export class IndicatorsController {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly values: IndicatorValuesService,
  ) {}

  /** The plan's indicators: baseline → latest → targets, projection and status. */
  @Get()
  @Authenticated()
  list(@Query() query: IndicatorListQueryDto): Promise<IndicatorTrackingResponse[]> {
    return this.indicators.track(query.planId);
  }

  /** Reported values (?status=submitted: the review queue). A department sees its own. Declared before :id. */
  @Get('values')
  @Authenticated()
  listValues(@Query() query: IndicatorValueQueryDto, @CurrentActor() actor: RequestActor): Promise<IndicatorValueResponse[]> {
    return this.values.list(query, signedIn(actor).user);
  }

  @Post('values/:valueId/approve')
  @HttpCode(200)
  @AllowRoles('office_reviewer')
  approve(
    @Param('valueId', new ParseUUIDPipe()) valueId: string,
    @Body() dto: ReviewIndicatorValueDto,
    @CurrentActor() actor: RequestActor,
  ): Promise<IndicatorValueResponse> {
    return this.values.approve(valueId, dto.comment, signedIn(actor));
  }

  /** 退回 — with the reason; the department may report the year again. */
  @Post('values/:valueId/return')
  @HttpCode(200)
  @AllowRoles('office_reviewer')
  returnValue(
    @Param('valueId', new ParseUUIDPipe()) valueId: string,
    @Body() dto: ReviewIndicatorValueDto,
    @CurrentActor() actor: RequestActor,
  ): Promise<IndicatorValueResponse> {
    return this.values.returnValue(valueId, dto.comment, signedIn(actor));
  }

  @Get(':id')
  @Authenticated()
  detail(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor): Promise<IndicatorDetailResponse> {
    return this.indicators.detail(id, signedIn(actor).user);
  }

  /** The office names the responsible department and the baseline. */
  @Patch(':id')
  @AllowRoles('office_admin')
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdateIndicatorDto, @CurrentActor() actor: RequestActor): Promise<IndicatorDetailResponse> {
    return this.indicators.update(id, dto, signedIn(actor));
  }

  /** 指标填报 — the responsible department's liaison or head; waits for the office's review. */
  @Post(':id/values')
  @AllowRoles('dept_liaison', 'dept_head')
  report(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: ReportIndicatorValueDto, @CurrentActor() actor: RequestActor): Promise<IndicatorValueResponse> {
    return this.values.report(id, dto, signedIn(actor));
  }
}
