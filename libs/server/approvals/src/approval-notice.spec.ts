import { APPROVAL_NOTIFY_REASONS } from '@luoshi/domain/workflow';
import { approvalNotice } from './approval-notice';

describe(approvalNotice.name, () => {
  it('has a Chinese title for every reason the engine emits', () => {
    for (const reason of Object.values(APPROVAL_NOTIFY_REASONS)) {
      const notice = approvalNotice(reason, { title: '进展报告', actorName: '周处长' });
      expect(notice.title).toMatch(/^【.+】进展报告$/);
      expect(notice.body).toContain('进展报告');
    }
  });

  it('quotes the comment of a return so the drafter sees why', () => {
    const notice = approvalNotice('approval_returned', { title: '2026年第四季度进展', actorName: '周处长', comment: '请补充投资完成情况' });
    expect(notice.title).toBe('【审批退回】2026年第四季度进展');
    expect(notice.body).toContain('周处长的意见：请补充投资完成情况');
  });
});
