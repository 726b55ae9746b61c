/** Form data of a weekly supervision bulletin. */
type Data = Record<string, unknown>;

const safety = {
  category: 'safety',
  unit: 'station-113',
  person: 'head113',
  description: '113站加热炉区域灭火器过期未更换。',
  severity: 'ordinary',
};
const duty = {
  category: 'cadreDuty',
  unit: 'branch-2',
  person: 'sec2',
  description: '第二党支部连续两周未组织夜班班前教育。',
  severity: 'serious',
};

export const findings = (o: Data = {}): Data => ({
  weekOf: '2026-03-02',
  inspectedOn: '2026-03-02',
  inspectors: ['insp1', 'insp2'],
  findings: [safety],
  ...o,
});

export const moreFindings = (): Data => findings({ inspectedOn: '2026-03-04', findings: [safety, duty] });

export const bulletin = (o: Data = {}): Data => ({
  bulletinNo: 'DCTB-2026-09',
  weekFrom: '2026-03-02',
  weekTo: '2026-03-06',
  overview: '本周督查计量站12个、党支部3个，发现问题2项。',
  items: [
    { ...safety, handling: 'notice', rectifyBy: '2026-03-13' },
    { ...duty, handling: 'accountability', rectifyBy: '2026-03-13' },
  ],
  ...o,
});

export const approval = (o: Data = {}): Data => ({ opinion: '同意下发。', issueDate: '2026-03-07', ...o });

export const rectification = (unit: string, person: string): Data => ({
  unit,
  causeAnalysis: '日常检查不到位。',
  measures: '立即整改并建立检查台账。',
  responsiblePerson: person,
  rectifiedOn: '2026-03-10',
  result: '已整改完毕。',
});

/** The group's verification, item by item (113 站 head113, 第二党支部 sec2): all rectified unless told. */
export const verification = (results: Record<string, string> = {}, o: Data = {}): Data => ({
  verifiedOn: '2026-03-14',
  itemResults: [
    { unit: 'station-113', person: 'head113', result: results.head113 ?? 'passed' },
    { unit: 'branch-2', person: 'sec2', result: results.sec2 ?? 'passed' },
  ].filter((r) => !o.only || (o.only as string[]).includes(r.person)),
  verificationNotes: '现场复查。',
  ...Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'only')),
});
