import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';
import { CALENDAR_ENTITIES } from './holiday.entity';

/** Holidays, make-up working days and the working-day calendar built from them. */
@Module({
  imports: [TypeOrmModule.forFeature(CALENDAR_ENTITIES)],
  controllers: [CalendarController],
  providers: [CalendarService],
  exports: [CalendarService],
})
export class CalendarModule {}
