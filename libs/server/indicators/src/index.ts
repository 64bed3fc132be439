export { IndicatorsModule } from './indicators.module';
export { IndicatorsService } from './indicators.service';
export { IndicatorException } from './indicator.exception';
export { assessIndicator, meetsTarget, fitLinearTrend, AT_RISK_GAP_FRACTION, EQ_TOLERANCE_FRACTION } from './assess-indicator';
export { PlanIndicatorsModule } from './plan-indicators.module';
