/** Form data of an accountability case, as the people filling the forms would enter it. */
type Data = Record<string, unknown>;

export const report = (o: Data = {}): Data => ({
  source: 'errorBoard',
  unit: 'station-101',
  personConcerned: 'head101',
  occurredOn: '2026-02-26',
  discoveredOn: '2026-02-27',
  summary: '夜班巡井记录漏填三次',
  details: '2月下旬101计量站夜班巡井记录连续三次漏填，经工作失误曝光台曝光。',
  ...o,
});

export const investigation = (o: Data = {}): Data => ({
  investigatedOn: '2026-03-03',
  investigators: ['insp1', 'insp2'],
  facts: '经调阅巡井记录和询问当班职工，站长未履行检查职责。',
  responsibilityType: 'direct',
  severity: 'minor',
  handling: 'publicCriticism',
  ...o,
});

export const statement = (o: Data = {}): Data => ({
  statement: '本人对巡井记录检查不到位，愿意接受处理。',
  factsAcknowledged: 'agree',
  submittedOn: '2026-03-04',
  ...o,
});

export const proposal = (o: Data = {}): Data => ({
  factsFinding: '站长未按规定检查夜班巡井记录，导致连续三次漏填。',
  responsibilityType: 'direct',
  severity: 'minor',
  handling: 'publicCriticism',
  reasoning: '情节轻微，本人认识较好，按考核办法给予通报批评。',
  ...o,
});

export const decision = (o: Data = {}): Data => ({
  opinion: '同意小组处理意见。',
  decidedOn: '2026-03-09',
  ...o,
});

/** A district committee member's ballot opinion (表决意见). */
export const vote = (o: Data = {}): Data => ({
  opinion: '同意纪律督查小组的处理建议。',
  ...o,
});
