export { DashboardsModule } from './dashboards.module';
export { DashboardService } from './dashboard.service';
export { EvaluationService } from './evaluation.service';
export { DashboardCache, DASHBOARD_CACHE_TTL_SECONDS } from './dashboard-cache';
export { DashboardException } from './dashboard.exception';
export { scoreDepartment, rankDepartments, weightProblems, DEFAULT_EVALUATION_WEIGHTS, EVALUATION_RULES } from './score-department';
