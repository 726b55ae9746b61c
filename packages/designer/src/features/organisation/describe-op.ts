import { type Locale, roleLabel, UNIT_KIND_LABELS } from '@flowform/engine/browser';
import type { OrgIndex } from './org-index';
import type { DirectoryOp } from './organisation-api';
import { orgText } from './use-org-text';

/** A unit by its name in `locale` (its id when unknown, e.g. one the same change adds). */
export function unitName(index: OrgIndex, id: string | null, locale: Locale): string {
  if (id === null) return orgText(locale, 'nobody');
  return index.unit(id)?.name[locale] || id;
}

/** A person as "name (username)" (the username alone when unknown). */
export function personName(index: OrgIndex, username: string | null, locale: Locale): string {
  if (username === null) return orgText(locale, 'nobody');
  const person = index.person(username);
  return person ? `${person.displayName[locale] || username} (${username})` : username;
}

/** One operation of a directory change as a sentence, for the preview and the history. */
export function describeOp(op: DirectoryOp, index: OrgIndex, locale: Locale): string {
  const unit = (id: string | null) => unitName(index, id, locale);
  const person = (u: string) => personName(index, u, locale);
  const role = (r: string) => roleLabel(r, locale);
  switch (op.op) {
    case 'addUnit':
      return orgText(locale, 'op.addUnit', {
        unit: op.name[locale] || op.id,
        kind: UNIT_KIND_LABELS[op.kind][locale],
        parent: unit(op.parent),
      });
    case 'setUnit':
      return orgText(locale, 'op.setUnit', {
        unit: op.name ? `${unit(op.id)} → ${op.name[locale]}` : unit(op.id),
      });
    case 'moveUnit':
      return orgText(locale, 'op.moveUnit', { unit: unit(op.id), parent: unit(op.parent) });
    case 'removeUnit':
      return orgText(locale, 'op.removeUnit', { unit: unit(op.id) });
    case 'addPerson':
      return orgText(locale, 'op.addPerson', { person: `${op.displayName[locale]} (${op.username})` });
    case 'setPerson':
      return orgText(locale, 'op.setPerson', { person: person(op.username) });
    case 'deactivatePerson':
      return orgText(locale, 'op.deactivatePerson', { person: person(op.username) });
    case 'addMembership':
      return orgText(locale, 'op.addMembership', {
        person: person(op.username),
        unit: unit(op.unit),
        role: role(op.role),
      });
    case 'removeMembership':
      return orgText(locale, 'op.removeMembership', {
        person: person(op.username),
        unit: unit(op.unit),
        role: role(op.role),
      });
    case 'setRoleHolder':
      return orgText(locale, 'op.setRoleHolder', {
        person: person(op.username),
        unit: unit(op.unit),
        role: role(op.role),
      });
    case 'addContract':
    case 'removeContract':
      return orgText(locale, op.op === 'addContract' ? 'op.addContract' : 'op.removeContract', {
        who: 'user' in op.contractor ? person(op.contractor.user) : unit(op.contractor.unit),
        unit: unit(op.unit),
      });
  }
}
