import { Module } from '@nestjs/common';
import { CalendarModule } from '@luoshi/server/calendar';
import { IdentityModule } from '@luoshi/server/identity';
import { PlansModule } from '@luoshi/server/plans';
import { IndicatorValuesService } from './indicator-values.service';
import { IndicatorsController } from './indicators.controller';
import { IndicatorsService } from './indicators.service';
import { PlanIndicatorsModule } from './plan-indicators.module';

/** The plan's quantitative targets: responsible departments, reported values, their review, and where each stands. */
@Module({
  imports: [CalendarModule, IdentityModule, PlansModule, PlanIndicatorsModule],
  controllers: [IndicatorsController],
  providers: [IndicatorsService, IndicatorValuesService],
  exports: [IndicatorsService],
})
export class IndicatorsModule {}
