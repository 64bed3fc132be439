import { Module } from '@nestjs/common';
import { CalendarModule } from '@luoshi/server/calendar';
import { IdentityModule } from '@luoshi/server/identity';
import { IndicatorsModule } from '@luoshi/server/indicators';
import { PlansModule } from '@luoshi/server/plans';
import { TasksModule } from '@luoshi/server/tasks';
import { AppSettings } from './app-settings';
import { BulletinService } from './bulletin.service';
import { DashboardCache } from './dashboard-cache';
import { DashboardLookups } from './dashboard-lookups';
import { DashboardService } from './dashboard.service';
import { BulletinsController, DashboardsController, EvaluationController, PublicSummaryController } from './dashboards.controller';
import { EvaluationService } from './evaluation.service';
import { PublicSummaryService } from './public-summary.service';

/** Leaders' dashboards, evaluation (考核), supervision bulletins (督查通报) and the public summary. */
@Module({
  imports: [TasksModule, CalendarModule, IndicatorsModule, IdentityModule, PlansModule],
  controllers: [DashboardsController, EvaluationController, BulletinsController, PublicSummaryController],
  providers: [AppSettings, DashboardCache, DashboardLookups, DashboardService, EvaluationService, BulletinService, PublicSummaryService],
  exports: [DashboardService, EvaluationService, DashboardCache],
})
export class DashboardsModule {}
