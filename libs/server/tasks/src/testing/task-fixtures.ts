import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkingDayCalendar } from '@luoshi/domain/calendar';
import { DepartmentDirectory, type DirectoryDepartment } from '../department-directory';
import type { TaskRow } from '../task-row';

/** The shipped holiday seeds as a calendar (test code only). */
export function seedCalendar(): WorkingDayCalendar {
  const dir = join(__dirname, '../../../../../seeds/holidays');
  return new WorkingDayCalendar([2025, 2026, 2027].map((y) => JSON.parse(readFileSync(join(dir, `${y}.json`), 'utf8'))));
}

let serial = 0;
const dept = (code: string, name: string, kind: DirectoryDepartment['kind'] = 'provincial', aliases: string[] = []): DirectoryDepartment => ({
  id: `00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`,
  code,
  name,
  shortName: name,
  kind,
  aliases,
});

export const DEPARTMENTS: DirectoryDepartment[] = [
  dept('office', '省推进长三角一体化发展工作领导小组办公室', 'office', ['领导小组办公室']),
  dept('fgw', '省发展改革委', 'provincial', ['省发改委', '省发展和改革委员会']),
  dept('jtt', '省交通运输厅'),
  dept('sthjt', '省生态环境厅'),
  dept('kjt', '省科技厅', 'provincial', ['省科学技术厅']),
  dept('hgj', '杭州海关'),
  dept('hz', '杭州市', 'city'),
  dept('nb', '宁波市', 'city'),
];

export const directory = () => new DepartmentDirectory(DEPARTMENTS);
export const idOf = (code: string) => DEPARTMENTS.find((d) => d.code === code)!.id;

export function draftTask(overrides: Partial<TaskRow> = {}): TaskRow {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    planId: '22222222-2222-4222-8222-222222222222',
    code: '2.1.1',
    measureNodeId: '33333333-3333-4333-8333-333333333333',
    title: '建设沿湾铁路通道',
    body: '加快推进杭州湾南岸铁路项目前期工作。',
    leadDepartmentId: null,
    coDepartmentIds: [],
    ownerUserId: null,
    startDate: null,
    dueDate: null,
    deadlineText: null,
    reportingCycle: 'quarterly',
    status: 'draft',
    resumeTo: null,
    progress: 0,
    lastReportLate: false,
    returnedReason: null,
    version: 1,
    ...overrides,
  };
}
