/** Form data of an admonition talk. */
type Data = Record<string, unknown>;

export const request = (o: Data = {}): Data => ({
  cadre: 'head105',
  unit: 'station-105',
  reason: 'leaderInstruction',
  reasonDetail: '近期多次无故缺席班前教育，职工反映较大。',
  talker: 'leader2',
  ...o,
});

export const schedule = (o: Data = {}): Data => ({
  scheduledDate: '2026-03-04',
  scheduledTime: '09:30',
  location: '四区党总支办公室',
  recorder: 'org1',
  ...o,
});

export const record = (o: Data = {}): Data => ({
  talkedOn: '2026-03-04',
  problemsPointedOut: '工作责任心不强，班前教育组织不到位。',
  cadreStatement: '认识到问题的严重性，保证认真整改。',
  attitude: 'sincere',
  rectificationRequired: '一个月内补齐班前教育记录，每周向支部汇报。',
  rectificationDeadline: '2026-04-03',
  cadreSigned: true,
  ...o,
});

export const plan = (o: Data = {}): Data => ({
  selfReflection: '对班前教育重视不够，存在应付思想。',
  measures: [{ problem: '班前教育不到位', measure: '每天按时组织并记录', completeBy: '2026-04-01' }],
  submittedOn: '2026-03-06',
  ...o,
});

export const review = (o: Data = {}): Data => ({
  reviewedOn: '2026-04-03',
  result: 'rectified',
  findings: '班前教育记录齐全，职工反映良好。',
  opinion: '整改到位，同意结束。',
  ...o,
});
