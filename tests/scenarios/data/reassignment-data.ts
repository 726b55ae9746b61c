/** Form data of a branch-secretary reassignment. */
type Data = Record<string, unknown>;

export const proposal = (o: Data = {}): Data => ({
  branch: 'branch-2',
  secretary: 'sec2',
  visits: [{ visitedOn: '2026-02-20', observation: '夜班班前教育多次未组织，职工意见较大。' }],
  problems: ['inattentive', 'slow', 'laxDiscipline'],
  problemDetails: '工作心不在焉，布置的工作拖拉，支部纪律松弛。',
  staffOpinion: '职工和班子成员意见很大。',
  proposedAction: 'transfer',
  proposedNewPost: '机关生产组',
  ...o,
});

export const opinion = (capacity: string, o: Data = {}): Data => ({
  capacity,
  stance: 'agree',
  observations: '工作确实拖拉，同意调整。',
  ...o,
});

export const review = (o: Data = {}): Data => ({
  opinionsSummary: '支部委员和职工代表多数同意调整。',
  agreeCount: 4,
  recommendation: 'support',
  successor: 'head105',
  successorCurrentPost: '105计量站站长',
  reviewOpinion: '同意调整，建议由105站站长接任。',
  ...o,
});

/** A district committee member's ballot opinion (表决意见). */
export const vote = (o: Data = {}): Data => ({
  opinion: '同意调整，同意组织提名的继任人选。',
  ...o,
});

export const talk = (o: Data = {}): Data => ({
  talkedOn: '2026-03-22',
  talkContent: '通报区委会决定，指出存在的问题。',
  secretaryResponse: '服从组织决定。',
  attitude: 'accepts',
  ...o,
});
