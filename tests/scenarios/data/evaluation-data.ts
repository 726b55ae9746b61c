/** Form data of a quarterly cadre evaluation: four cadres, each scored by every rater of three tiers. */
type Data = Record<string, unknown>;

export const CADRES = ['head101', 'head102', 'head105', 'sec3'];
export const LEADERS = ['leader1', 'leader2', 'leader3', 'leader4'];
export const REPS = ['rep1', 'rep10', 'rep2', 'rep3', 'rep4', 'rep5', 'rep6', 'rep7', 'rep8', 'rep9'];

export const start = (o: Data = {}): Data => ({
  year: 2026,
  quarter: 1,
  scoringDeadline: '2026-03-06',
  leaderWeight: 40,
  cadreWeight: 30,
  repWeight: 30,
  cadres: CADRES,
  ...o,
});

/** Each tier's score of each cadre before a rater's own spread. */
const BASE: Record<string, Record<string, number>> = {
  leaders: { head101: 90, head102: 70, head105: 80, sec3: 60 },
  cadres: { head101: 85, head102: 75, head105: 65, sec3: 70 },
  reps: { head101: 88, head102: 72, head105: 60, sec3: 66 },
};

/**
 * One rater's sheet for one cadre. Leaders spread −2, 0, +1, +2.5 around the base (mean +0.375, so a
 * leader average of 90.375 shows as 90.38); representatives −1, 0, +1 by number (mean 0 over ten).
 */
export function sheet(tier: 'leaders' | 'cadres' | 'reps', rater: string, cadre: string): Data {
  const base = BASE[tier]![cadre]!;
  const n = Number(rater.replace(/\D/g, ''));
  const spread = tier === 'leaders' ? [-2, 0, 1, 2.5][n - 1]! : tier === 'reps' ? (n % 3) - 1 : 0;
  return { score: base + spread, strengths: '履职认真。' };
}

/** The confirmation: the computed bottom two with their units and talkers. */
export const ranking = (o: Data = {}): Data => ({
  lowestTwo: [
    { cadre: 'head105', unit: 'station-105', weightedScore: 69.65, talker: 'leader2' },
    { cadre: 'sec3', unit: 'branch-3', weightedScore: 64.95, talker: 'leader2' },
  ],
  publishOn: '2026-03-10',
  opinion: '同意排名，对后两名进行诫勉谈话。',
  ...o,
});
