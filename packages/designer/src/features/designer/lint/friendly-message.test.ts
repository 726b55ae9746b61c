import type { LintProblem } from '@flowform/engine/browser';
import { describe, expect, it } from 'vitest';
import { friendlyMessage } from './friendly-message';

const problem = (code: string): LintProblem => ({
  code,
  severity: 'error',
  message: 'The notification tells the stationHead of station-101 about a case they may not open',
  path: '/machine/states/approval/on/approve/actions/0/params/to',
  hint: 'Notify people who take part in the case, or let them read it (confidential.alsoVisibleTo)',
});

describe('friendlyMessage', () => {
  it('given people notified about a case they may not open, then the administrator reads why in Chinese or English', () => {
    expect(friendlyMessage(problem('notify-audience-cannot-read'), 'zh-CN')).toContain('无权查看该案件');
    expect(friendlyMessage(problem('notify-audience-cannot-read'), 'en')).toContain('may not open this case');
  });

  it('given a path where one person could approve their own step, then the administrator reads why and what to exclude', () => {
    expect(friendlyMessage(problem('self-approval-path'), 'zh-CN')).toContain('审批自己的工作');
    expect(friendlyMessage(problem('self-approval-path'), 'en')).toContain('approve their own work');
  });

  it('given a code without a reworded line, then there is none (the engine message stands)', () => {
    expect(friendlyMessage(problem('responses-not-array'), 'zh-CN')).toBeUndefined();
  });
});
