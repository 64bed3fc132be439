import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { TestApp } from './test-app';

/**
 * A small action plan written straight into plan and plan_node, so the task tests do not depend on
 * the plan parser. Codes follow the parser's scheme (part.section.measure). No plan_version row: the
 * plans API does not list these plans, and the plan tests' counts of versions stay their own.
 */
export const MEASURES: Record<string, [string, [string, string][]]> = {
  '2.1': [
    '交通互联互通',
    [
      ['建设沿湾铁路通道', '加快推进杭州湾南岸铁路项目前期工作，省发展改革委会同省交通运输厅推进。'],
      ['提升港口集疏运能力', '推动宁波舟山港与上海港合作，完善港口集疏运体系。'],
      ['完善省际公路网络', '打通省际断头路，提升公路通行能力。'],
      ['推进机场群协同', '优化杭州萧山国际机场航线网络。'],
      ['发展多式联运', '推进铁水联运，降低物流成本。'],
      ['建设城际轨道交通', '推进嘉兴至上海城际轨道交通建设。'],
    ],
  ],
  '2.2': [
    '生态共保',
    [
      ['共建生态廊道', '开展跨界河湖联合治理，改善生态环境。'],
      ['联防联控大气污染', '推进PM2.5和臭氧协同治理。'],
      ['加强水资源保护', '强化太湖流域水资源统一调度，由省水利厅负责。'],
      ['推进绿色能源', '扩大清洁能源消费比重。'],
      ['完善生态补偿', '建立新安江流域生态补偿机制，安排专项基金。'],
      ['建设美丽乡村', '推进农村人居环境整治。'],
    ],
  ],
  '2.3': [
    '科技创新',
    [
      ['共建重大实验室', '推动之江实验室与长三角高校合作。'],
      ['推动科技成果转化', '建设技术交易市场。'],
      ['培育数字经济', '推进大数据中心建设。'],
      ['吸引高端人才', '完善人才引进政策，促进就业。'],
      ['建设创新平台', '打造杭州城西科创大走廊。'],
      ['支持高校合作', '推动大学联盟建设。'],
    ],
  ],
  '2.4': [
    '公共服务',
    [
      ['推进医保异地结算', '扩大医保异地就医直接结算范围。'],
      ['共享优质医疗资源', '推动医院合作办医，促进健康服务。'],
      ['推动教育合作', '推进学校结对帮扶。'],
      ['促进文化旅游', '共建文化和旅游品牌。'],
      ['推进社保一体化', '推进社保关系转移接续。'],
      ['推进住房公积金互认', '推进住房公积金异地互认互贷。'],
    ],
  ],
  '2.5': [
    '开放合作',
    [
      ['扩大进口贸易', '办好进口博览会配套活动。'],
      ['建设开放平台', '推进自贸试验区联动发展。'],
      ['推进市场监管协同', '加强市场监管执法协作，保护消费者权益。'],
      ['推进土地节约集约', '盘活存量土地，优化自然资源配置。'],
      ['推动农业合作', '共建农产品供应链。'],
      ['推进城乡建设协同', '推进城乡规划衔接。'],
    ],
  ],
};

export interface PlanFixture {
  planId: string;
  code: string;
  /** Leaf measures (the ones that get tasks): 30 measures and 2 sub-measures. */
  leafCount: number;
}

export async function insertPlan(ds: DataSource, code: string): Promise<PlanFixture> {
  const planId = randomUUID();
  await ds.query(`INSERT INTO plan (id, code, title, kind, current_version) VALUES ($1, $2, $3, 'action_plan', 1)`, [
    planId,
    code,
    `测试行动方案 ${code}`,
  ]);
  let order = 0;
  const node = async (parentId: string | null, nodeCode: string, kind: string, title: string, body = '') => {
    const id = randomUUID();
    await ds.query(
      `INSERT INTO plan_node (id, plan_id, parent_id, code, kind, title, body, sort_order, source_line, first_version, changed_in_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, 1, 1)`,
      [id, planId, parentId, nodeCode, kind, title, body, ++order],
    );
    return id;
  };
  const part1 = await node(null, '1', 'part', '总体要求');
  await node(part1, '1.1', 'section', '指导思想', '坚持统筹推进，形成工作合力。');
  const part2 = await node(null, '2', 'part', '重点任务');
  for (const [sectionCode, [title, measures]] of Object.entries(MEASURES)) {
    const section = await node(part2, sectionCode, 'section', title);
    for (const [i, [mTitle, mBody]] of measures.entries()) await node(section, `${sectionCode}.${i + 1}`, 'measure', mTitle, mBody);
  }
  const part3 = await node(null, '3', 'part', '保障措施');
  const section31 = await node(part3, '3.1', 'section', '加强组织领导');
  // A measure with sub-measures is represented by its sub-measures.
  const parent = await node(section31, '3.1.1', 'measure', '健全工作机制', '建立健全推进机制。');
  await node(parent, '3.1.1.1', 'submeasure', '编制交通一体化专项行动计划', '省发展改革委会同省交通运输厅编制交通一体化发展专项行动计划。');
  await node(parent, '3.1.1.2', 'submeasure', '建立督查考核机制', '领导小组办公室会同杭州市建立督查考核机制。');
  return { planId, code, leafCount: 32 };
}

export interface TaskSummary {
  id: string;
  code: string;
  title: string;
  version: number;
  status: string;
  leadDepartment: { code: string } | null;
  coDepartments: { code: string }[];
  dueDate: string | null;
}

export async function listPlanTasks(t: TestApp, planId: string, user = 'office', query: Record<string, string> = {}): Promise<TaskSummary[]> {
  const res = await t
    .http()
    .get('/api/tasks')
    .query({ planId, pageSize: '100', sort: 'code', ...query })
    .set('Authorization', await t.login(user));
  if (res.status !== 200) throw new Error(`list failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.items;
}

const DEADLINES = ['2027年6月底', '2027年底', '每季度', '长期', '2027-03-31'];

/**
 * Inserts a plan, generates its tasks and assigns the whole plan in one bulk call: the lead is
 * the first suggested department (省发展改革委 when none), the next two suggestions co-handle.
 */
export async function assignedPlan(t: TestApp, code: string): Promise<{ plan: PlanFixture; tasks: TaskSummary[] }> {
  const plan = await insertPlan(t.dataSource, code);
  const office = await t.login('office');
  const generated = await t.http().post(`/api/plans/${plan.planId}/tasks/generate`).set('Authorization', office);
  if (generated.status !== 200) throw new Error(`generate failed: ${generated.status} ${JSON.stringify(generated.body)}`);
  const drafts = await listPlanTasks(t, plan.planId);
  const items = [];
  for (const [i, task] of drafts.entries()) {
    const s = await t.http().get(`/api/tasks/${task.id}/suggestions`).set('Authorization', office);
    const codes: string[] = s.body.map((x: { department: { code: string } }) => x.department.code);
    items.push({
      taskId: task.id,
      version: task.version,
      leadDepartmentCode: codes[0] ?? 'fgw',
      coDepartmentCodes: codes.slice(1, 3),
      deadlineText: DEADLINES[i % DEADLINES.length],
      reportingCycle: 'quarterly',
    });
  }
  const res = await t.http().post('/api/tasks/bulk-assign').set('Authorization', office).send({ items, dispatch: true });
  if (res.status !== 200) throw new Error(`bulk-assign failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { plan, tasks: await listPlanTasks(t, plan.planId) };
}
