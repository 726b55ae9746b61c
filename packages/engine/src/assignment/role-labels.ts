/** Display names of roles and unit kinds in both languages, for rule explanations and pickers. */
import type { LocalizedText } from '../definition/definition-types';
import type { KnownRoleName, UnitKind } from './directory-seed';

/** Labels of the known roles, in the customer's words. */
export const ROLE_LABELS: Record<KnownRoleName, LocalizedText> = {
  administrator: { 'zh-CN': '系统管理员', en: 'administrator' },
  districtLeader: { 'zh-CN': '区领导', en: 'district leader' },
  branchSecretary: { 'zh-CN': '支部书记', en: 'branch secretary' },
  branchCommitteeMember: { 'zh-CN': '支委委员', en: 'branch committee member' },
  cadre: { 'zh-CN': '基层干部', en: 'cadre' },
  stationHead: { 'zh-CN': '站长', en: 'station head' },
  worker: { 'zh-CN': '职工', en: 'worker' },
  workerRep: { 'zh-CN': '职工代表', en: 'worker representative' },
  integritySupervisor: { 'zh-CN': '义务廉洁监督员', en: 'integrity supervisor' },
  disciplineInspector: { 'zh-CN': '纪律督查员', en: 'discipline inspector' },
  disciplineLeader: { 'zh-CN': '纪检负责人', en: 'discipline leader' },
  organGroupMember: { 'zh-CN': '机关职能组成员', en: 'organ group member' },
};

/** Labels of the unit kinds. */
export const UNIT_KIND_LABELS: Record<UnitKind, LocalizedText> = {
  district: { 'zh-CN': '管理区', en: 'district' },
  branch: { 'zh-CN': '党支部', en: 'Party branch' },
  station: { 'zh-CN': '计量站', en: 'metering station' },
  organGroup: { 'zh-CN': '机关职能组', en: 'organ functional group' },
  supervisionGroup: { 'zh-CN': '纪律督查小组', en: 'discipline supervision group' },
  patch: { 'zh-CN': '帮扶片区', en: 'family patch' },
  well: { 'zh-CN': '重点井', en: 'key well' },
};

/** A role's label; an unknown role shows its name, so custom roles still read sensibly. */
export function roleLabel(role: string, locale: 'zh-CN' | 'en'): string {
  return Object.hasOwn(ROLE_LABELS, role) ? ROLE_LABELS[role as KnownRoleName][locale] : role;
}
