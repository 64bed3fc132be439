import { Global, Module } from '@nestjs/common';
import { PLAN_INDICATORS } from '@luoshi/server/plans';
import { PlanIndicatorStore } from './plan-indicator-store';

/**
 * Provides the PLAN_INDICATORS port through which a plan import writes its indicators. Global
 * because plans cannot import indicators (indicators read plans); a process that loads plans loads this.
 */
@Global()
@Module({
  providers: [PlanIndicatorStore, { provide: PLAN_INDICATORS, useExisting: PlanIndicatorStore }],
  exports: [PLAN_INDICATORS],
})
export class PlanIndicatorsModule {}
