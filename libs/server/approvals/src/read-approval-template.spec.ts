import { getSeedApprovalTemplate } from '@luoshi/domain/workflow';
import { readApprovalTemplate } from './read-approval-template';

const defaults = { name: '进展报告审批', nextVersion: 2 };

describe(readApprovalTemplate.name, () => {
  it('accepts a seed template and sets the next version', () => {
    const seed = getSeedApprovalTemplate('extension_request');
    const result = readApprovalTemplate('extension_request', { steps: seed.steps }, defaults);
    expect(result.problems).toEqual([]);
    expect(result.template).toMatchObject({ code: 'extension_request', name: '进展报告审批', version: 2, cc: [] });
    expect(result.template?.steps).toEqual(seed.steps);
  });

  it('names every bad field with its path', () => {
    const result = readApprovalTemplate(
      'progress_report',
      {
        name: '',
        steps: [
          { key: 'Head', name: '审核', mode: 'sometimes', approvers: [{ kind: 'role', role: 'boss' }], timeoutWorkingDays: 0, extra: 1 },
          { key: 'b', name: '复核', mode: 'single', approvers: [] },
        ],
        cc: [{ kind: 'users', userIds: ['x'] }],
      },
      defaults,
    );
    expect(result.template).toBeNull();
    expect(result.problems).toEqual(
      expect.arrayContaining([
        'name: 应为 1–50 个字符',
        'steps[0].extra: 不允许的字段',
        expect.stringContaining('steps[0].key'),
        expect.stringContaining('steps[0].mode'),
        expect.stringContaining('steps[0].approvers[0].role'),
        expect.stringContaining('steps[0].timeoutWorkingDays'),
        'steps[1].approvers: 至少一条审批人规则',
        'cc[0].userIds: 应为至少一个用户 ID',
      ]),
    );
  });

  it('runs the engine checks too: duplicate step keys are refused', () => {
    const step = { key: 'a', name: '审核', mode: 'single', approvers: [{ kind: 'office' }] };
    const result = readApprovalTemplate('x', { steps: [step, step] }, defaults);
    expect(result.problems).toEqual([expect.stringContaining('重复')]);
  });
});
