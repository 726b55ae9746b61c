/** Form data of a hardship-assistance case. */
type Data = Record<string, unknown>;

export const application = (o: Data = {}): Data => ({
  category: 'hardshipFamily',
  beneficiaryName: '王桂芳',
  relatedWorker: 'w003',
  branch: 'branch-1',
  patch: 'patch-2',
  address: '油建小区3栋2单元101',
  phone: '0546-8761234',
  householdSize: 4,
  monthlyIncomePerCapita: 560,
  causes: ['seriousIllness'],
  situation: '丈夫重病住院，两个孩子上学，家庭收入骤减。',
  helpWanted: ['cash', 'medical'],
  amountRequested: 2000,
  ...o,
});

export const homeVisit = (o: Data = {}): Data => ({
  visitedOn: '2026-03-03',
  visitors: ['com1a', 'head103'],
  findings: '入户查看，情况属实。',
  situationConfirmed: 'confirmed',
  recommendedAmount: 2000,
  recommendation: '建议给予慰问金帮扶。',
  ...o,
});

export const approval = (o: Data = {}): Data => ({
  opinion: '同意帮扶。',
  approvedAmount: 2000,
  fundSource: 'unionFund',
  followUpInterval: 'monthly',
  ...o,
});

export const payment = (o: Data = {}): Data => ({
  paidOn: '2026-03-06',
  amountPaid: 2000,
  method: 'bankTransfer',
  voucherNo: 'PZ-2026-031',
  recipientName: '王桂芳',
  ...o,
});

export const followUp = (o: Data = {}): Data => ({
  visitedOn: '2026-04-06',
  visitMethod: 'homeVisit',
  situationChange: 'improved',
  currentSituation: '丈夫已出院，家庭生活基本稳定。',
  recommendClose: false,
  ...o,
});

/** The district leader's approval: the interval and help are the branch's and stay read-only. */
export const leaderApproval = (o: Data = {}): Data => ({
  opinion: '同意。',
  approvedAmount: 5000,
  fundSource: 'partyCareFund',
  ...o,
});
