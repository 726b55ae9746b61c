/**
 * Explains an assignment rule in plain words, for the designer's properties panel, lint messages
 * and a task's "why me" line.
 */
import type { AssignmentRule } from '../definition/definition-types';
import type { Directory } from './directory';
import { roleLabel } from './role-labels';

type Locale = 'zh-CN' | 'en';

function userName(username: string, locale: Locale, directory?: Directory): string {
  return directory?.user(username)?.displayName[locale] ?? username;
}

function unitName(unitId: string, locale: Locale, directory?: Directory): string {
  return directory?.unit(unitId)?.name[locale] ?? unitId;
}

function caseUnit(up: number | undefined, zh: boolean): string {
  if (!up) return zh ? '案件所属单位' : "the case's unit";
  return zh
    ? `案件所属单位的上${up}级单位`
    : `the unit ${up} level${up > 1 ? 's' : ''} above the case's unit`;
}

/**
 * Human text for `rule`, e.g. “案件所属单位的支部书记” / "the branch secretary of the case's unit".
 * With a directory, users and units show their display names instead of ids.
 */
export function explainRule(rule: AssignmentRule, locale: Locale, directory?: Directory): string {
  const zh = locale === 'zh-CN';
  switch (rule.kind) {
    case 'users': {
      const names = rule.users.map((u) => userName(u, locale, directory));
      return zh ? `指定人员：${names.join('、')}` : `the named users: ${names.join(', ')}`;
    }
    case 'role': {
      const unit = unitName(rule.unit, locale, directory);
      const role = roleLabel(rule.role, locale);
      return zh ? `${unit}的${role}` : `the ${role} of ${unit}`;
    }
    case 'roleInCaseUnit': {
      const role = roleLabel(rule.role, locale);
      const where = caseUnit(rule.up, zh);
      return zh ? `${where}的${role}` : `the ${role} of ${where}`;
    }
    case 'contractingLeader':
      return zh ? '承包案件所属单位的领导' : "the leader who contracts the case's unit";
    case 'initiator':
      return zh ? '发起人' : 'the initiator';
    case 'initiatorSuperior':
      return zh ? '发起人的上级' : "the initiator's superior";
    case 'performerOf':
      return zh ? `“${rule.state}”环节的办理人` : `whoever completed step "${rule.state}"`;
    case 'field':
      return zh ? `表单字段“${rule.field}”中填写的人员` : `the person named in field "${rule.field}"`;
    case 'cel':
      return zh ? `表达式计算出的人员：${rule.expr}` : `the users computed by ${rule.expr}`;
    case 'anyOf': {
      const parts = rule.rules.map((r) => explainRule(r, locale, directory));
      if (parts.length === 0) return zh ? '无人' : 'nobody';
      return zh ? parts.join('，或') : parts.join(', or ');
    }
  }
}
