import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@luoshi/server/identity';
import { CorrectionsService } from './corrections.service';
import { DepartmentMappingService } from './department-mapping.service';
import { PLAN_ENTITIES } from './plan.entities';
import { PlanImportService } from './plan-import.service';
import { PlanCorrectionsController, PlansController } from './plans.controller';
import { PlanReader } from './plan-reader';
import { PlansQueryService } from './plans-query.service';

@Module({
  imports: [TypeOrmModule.forFeature(PLAN_ENTITIES), IdentityModule],
  controllers: [PlansController, PlanCorrectionsController],
  providers: [PlanImportService, PlansQueryService, CorrectionsService, DepartmentMappingService, PlanReader],
  exports: [PlanImportService, PlansQueryService, CorrectionsService, PlanReader],
})
export class PlansModule {}
