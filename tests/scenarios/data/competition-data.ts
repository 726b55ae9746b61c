/** Form data of a monthly labour competition. */
type Data = Record<string, unknown>;

export const start = (o: Data = {}): Data => ({
  period: '2026-02',
  assessmentDeadline: '2026-03-05',
  inspectionTeam: ['safe1', 'tech1'],
  rewardBudget: 5000,
  ...o,
});

export const stations = (): Data => ({
  stationScores: [
    { station: 'station-113', basics: 96, safety: 95, technical: 90, teamBuilding: 94 },
    { station: 'station-101', basics: 90, safety: 92.5, technical: 93, teamBuilding: 88 },
  ],
  flagWinners: [
    { flag: 'basics', station: 'station-113' },
    { flag: 'safety', station: 'station-113' },
    { flag: 'technical', station: 'station-101' },
    { flag: 'teamBuilding', station: 'station-113' },
  ],
});

export const branches = (): Data => ({
  branchScores: [
    { branch: 'branch-4', partyBuilding: 95, production: 92, safetyStability: 96, teamBuilding: 93 },
  ],
  redFlagBranch: 'branch-4',
});

export const groups = (): Data => ({
  groupScores: [{ group: 'org-technical', serviceAttitude: 95, efficiency: 92, quality: 94, discipline: 96 }],
  serviceCupWinner: 'org-technical',
});

export const award = (totalBonus: number): Data => ({
  awards: [
    { unit: 'station-113', award: 'redFlagStation', bonus: totalBonus / 2 },
    { unit: 'branch-4', award: 'redFlagBranch', bonus: totalBonus / 4 },
    { unit: 'org-technical', award: 'serviceCup', bonus: totalBonus / 4 },
  ],
  totalBonus,
  presentedOn: '2026-03-10',
  occasion: '三月职工大会',
});

/** Awards to the three winners with the given bonuses, and a typed total (the sum unless given). */
export const awards = (bonuses: [number, number, number], typedTotal?: number): Data => {
  const [station, branch, group] = bonuses;
  return {
    awards: [
      { unit: 'station-113', award: 'redFlagStation', bonus: station },
      { unit: 'branch-4', award: 'redFlagBranch', bonus: branch },
      { unit: 'org-technical', award: 'serviceCup', bonus: group },
    ],
    totalBonus: typedTotal ?? station + branch + group,
    presentedOn: '2026-03-10',
    occasion: '三月职工大会',
  };
};
