/** The demo accounts worth trying first, with what each one does (the demo directory has more). */
export const DEMO_ACCOUNTS: { username: string; what: string }[] = [
  { username: 'admin', what: '系统管理员 administrator' },
  { username: 'leader1', what: '区领导 district leader (contracts branch 1)' },
  { username: 'sec1', what: '第一党支部书记 branch secretary' },
  { username: 'com1a', what: '支部委员 branch committee member' },
  { username: 'head103', what: '站长 station head, contracts assistance patch 2' },
  { username: 'biz1', what: '经营组 business group' },
  { username: 'insp1', what: '纪律督查 discipline inspector' },
  { username: 'w001', what: '职工 worker' },
];
