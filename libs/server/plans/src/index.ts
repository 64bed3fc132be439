export { PlansModule } from './plans.module';
export { PlanImportService, type PlanImportInput } from './plan-import.service';
export { PlansQueryService } from './plans-query.service';
export { PlanReader, type PlanRefRow } from './plan-reader';
export type { PlanOutlineRow } from './plan-reader';
export { measureAncestryJoins, measuresWhere, PART_CODE, PART_TITLE, SECTION_CODE, SECTION_TITLE } from './plan-node-ancestry';
export { CorrectionsService } from './corrections.service';
export { PlanEntity, PlanNodeEntity, IndicatorEntity, PlanDutyEntity } from './plan.entities';
export { PLANS_READ_MODEL } from './read-models';
