import { CreateIdentityAndAudit1764300000000 } from './1764300000000-CreateIdentityAndAudit';
import { CreatePlans1764300100000 } from './1764300100000-CreatePlans';
import { CreateCalendar1764400000000 } from './1764400000000-CreateCalendar';
import { CreateTasks1764400100000 } from './1764400100000-CreateTasks';
import { CreateRemindersAndDelivery1764500000000 } from './1764500000000-CreateRemindersAndDelivery';
import { CreateApprovalsAndReports1764600000000 } from './1764600000000-CreateApprovalsAndReports';
import { CreateDashboardsAndIndicators1764700000000 } from './1764700000000-CreateDashboardsAndIndicators';
import { ExtendPlanImport1780150000000 } from './1780150000000-ExtendPlanImport';
import { ChainAuditEvents1780200000000 } from './1780200000000-ChainAuditEvents';
import { AddTaskListKeys1780300000000 } from './1780300000000-AddTaskListKeys';
import { AddDailyUseIndexes1780413000000 } from './1780413000000-AddDailyUseIndexes';
import { AddDepartmentResponsibilities1780450000000 } from './1780450000000-AddDepartmentResponsibilities';
import { AddSmsChannel1780500000000 } from './1780500000000-AddSmsChannel';
import { AddTaskHealthRollup1780600000000 } from './1780600000000-AddTaskHealthRollup';
import { OneTaskRequestTable1780700000000 } from './1780700000000-OneTaskRequestTable';

/** Every migration, in order. Listed by class (not a glob) so source and compiled code behave alike. */
export const ALL_MIGRATIONS = [CreateIdentityAndAudit1764300000000, CreatePlans1764300100000, CreateCalendar1764400000000, CreateTasks1764400100000,
  CreateRemindersAndDelivery1764500000000,
  CreateApprovalsAndReports1764600000000,
  CreateDashboardsAndIndicators1764700000000,
  ExtendPlanImport1780150000000,
  ChainAuditEvents1780200000000,
  AddTaskListKeys1780300000000,
  AddDailyUseIndexes1780413000000,
  AddDepartmentResponsibilities1780450000000,
  AddSmsChannel1780500000000,
  AddTaskHealthRollup1780600000000,
  OneTaskRequestTable1780700000000,
];
