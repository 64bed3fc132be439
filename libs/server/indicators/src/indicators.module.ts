import { Module } from '@nestjs/common';
import { CalendarModule } from '@luoshi/server/calendar';
import { IdentityModule } from '@luoshi/server/identity';
import { IndicatorValuesService } from './indicator-values.service';
import { IndicatorsController } from './indicators.controller';
import { IndicatorsService } from './indicators.service';

/** The plan's quantitative targets: responsible departments, reported values, their review, and where each stands. */
@Module({
  imports: [CalendarModule, IdentityModule],
  controllers: [IndicatorsController],
  providers: [IndicatorsService, IndicatorValuesService],
  exports: [IndicatorsService],
})
export class IndicatorsModule {}
