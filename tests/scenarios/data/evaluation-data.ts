/** Form data of a quarterly cadre evaluation: four cadres, three tiers. */
type Data = Record<string, unknown>;

export const CADRES = ['head101', 'head102', 'head105', 'sec3'];

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

const sheet = (tier: string, scores: number[]): Data => ({
  tier,
  scores: CADRES.map((cadre, i) => ({ cadre, score: scores[i] })),
});

export const leaders = (): Data => sheet('districtLeader', [90, 70, 80, 60]);
export const fellows = (): Data => sheet('fellowCadre', [85, 75, 65, 70]);
export const reps = (): Data => sheet('workerRep', [88, 72, 60, 66]);

/** The confirmation: the computed bottom two with their units and talkers. */
export const ranking = (o: Data = {}): Data => ({
  lowestTwo: [
    { cadre: 'head105', unit: 'station-105', weightedScore: 69.5, talker: 'leader2' },
    { cadre: 'sec3', unit: 'branch-3', weightedScore: 64.8, talker: 'leader2' },
  ],
  publishOn: '2026-03-10',
  opinion: '同意排名，对后两名进行诫勉谈话。',
  ...o,
});
