import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import type { HolidayResponse, HolidayYearResponse, ImportHolidaysResponse, WorkingDaysResponse } from '@luoshi/contracts';
import { DATE_WINDOW } from '@luoshi/domain/calendar';
import { AllowRoles, Authenticated, CurrentActor, type RequestActor } from '@luoshi/server/platform';
import { CalendarService } from './calendar.service';

export class HolidayQueryDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(DATE_WINDOW.minYear) @Max(DATE_WINDOW.maxYear) year?: number;
}

export class ImportHolidaysDto {
  @IsString() @Length(1, 200_000) csv!: string;
  @IsOptional() @IsString() @MaxLength(500) source?: string;
}

export class WorkingDaysQueryDto {
  // Format here; the date window is checked by the service (CALENDAR_BAD_DATE naming the field).
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from: YYYY-MM-DD' }) from!: string;
  @Type(() => Number) @IsInt() @Min(-366) @Max(366) n!: number;
}

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  /** Years with their confirmed flag: the UI asks the office to confirm the unconfirmed ones. */
  @Get('years')
  @Authenticated()
  years(): Promise<HolidayYearResponse[]> {
    return this.calendar.listYears();
  }

  @Get('holidays')
  @Authenticated()
  holidays(@Query() query: HolidayQueryDto): Promise<HolidayResponse[]> {
    return this.calendar.listHolidays(query.year);
  }

  @Put('years/:year/confirm')
  @AllowRoles('office_admin')
  confirm(@Param('year', new ParseIntPipe()) year: number, @CurrentActor() actor: RequestActor): Promise<HolidayYearResponse> {
    return this.calendar.confirmYear(year, actor);
  }

  /** CSV `date,kind,name[,confirmed]`; replaces each year it names, all or nothing. */
  @Post('import')
  @HttpCode(200)
  @AllowRoles('office_admin')
  import(@Body() dto: ImportHolidaysDto, @CurrentActor() actor: RequestActor): Promise<ImportHolidaysResponse> {
    return this.calendar.importCsv(dto.csv, dto.source, actor);
  }

  @Get('working-days')
  @Authenticated()
  workingDays(@Query() query: WorkingDaysQueryDto): Promise<WorkingDaysResponse> {
    return this.calendar.workingDays(query.from, query.n);
  }
}
