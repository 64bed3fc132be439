export { PlansModule } from './plans.module';
export { PlanImportService, type PlanImportInput } from './plan-import.service';
export { PlansQueryService } from './plans-query.service';
export { PlanReader, type PlanRefRow } from './plan-reader';
export { CorrectionsService } from './corrections.service';
export { PlanEntity, PlanNodeEntity, IndicatorEntity, PlanDutyEntity } from './plan.entities';
