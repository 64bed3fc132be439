export { CalendarModule } from './calendar.module';
export { CalendarService } from './calendar.service';
export { CalendarException } from './calendar.exception';
export { HolidayEntity, HolidayYearEntity } from './holiday.entity';
export { HOLIDAYS_READ_MODEL } from './read-models';
