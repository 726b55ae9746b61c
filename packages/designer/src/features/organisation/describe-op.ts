import { type Locale, roleLabel, UNIT_KIND_LABELS } from '@flowform/engine/browser';
import type { OrgIndex } from './org-index';
import type { DirectoryOp } from './organisation-api';
import { orgText } from './use-org-text';

/** A unit by its name in `locale`: from the directory, else from an `addUnit` of the same change, else its id. */
export function unitName(
  index: OrgIndex,
  id: string | null,
  locale: Locale,
  change: readonly DirectoryOp[] = [],
): string {
  if (id === null) return orgText(locale, 'nobody');
  const added = change.find((op) => op.op === 'addUnit' && op.id === id);
  return index.unit(id)?.name[locale] || (added?.op === 'addUnit' ? added.name[locale] : '') || id;
}

/** A person as "name (username)" (the username alone when unknown). */
export function personName(index: OrgIndex, username: string | null, locale: Locale): string {
  if (username === null) return orgText(locale, 'nobody');
  const person = index.person(username);
  return person ? `${person.displayName[locale] || username} (${username})` : username;
}

/**
 * One operation of a directory change as a sentence, for the preview and the history; `change`
 * (the whole change) names units that it adds itself.
 */
export function describeOp(
  op: DirectoryOp,
  index: OrgIndex,
  locale: Locale,
  change: readonly DirectoryOp[] = [],
): string {
  const unit = (id: string | null) => unitName(index, id, locale, change);
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
