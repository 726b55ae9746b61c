/**
 * The directory as the pickers search it: every active person and every unit with the keys they
 * are found by (name, pinyin, username or id) and the unit path shown beside them
 * (`第一党支部 / 101计量站`). Built once per directory version, in memory: a few thousand people
 * take tens of milliseconds to index and microseconds to search.
 */
import type { DirectorySeed, LocalizedText } from '@flowform/engine';
import { nameSyllables, normaliseQuery, type Syllables, syllableMatch } from './name-keys';

/** A person with what they are found by and their roles, each with its unit's path. */
export interface IndexedUser {
  username: string;
  displayName: LocalizedText;
  roles: { role: string; unit: string; unitName: LocalizedText; unitPath: LocalizedText }[];
  keys: SearchKeys;
}

/** A unit with its path from below the root. */
export interface IndexedUnit {
  id: string;
  kind: string;
  name: LocalizedText;
  parent: string | null;
  path: LocalizedText;
  keys: SearchKeys;
}

interface SearchKeys {
  id: string;
  names: string[];
  syllables: Syllables;
}

/** Both lists, sorted by username and by id. */
export interface DirectoryIndex {
  users: IndexedUser[];
  units: IndexedUnit[];
}

/** Indexes a directory: active users only, every unit. */
export function buildDirectoryIndex(seed: DirectorySeed): DirectoryIndex {
  const unitById = new Map(seed.units.map((u) => [u.id, u]));
  const pathOf = (id: string): LocalizedText => {
    const chain: LocalizedText[] = [];
    const seen = new Set<string>();
    for (let u = unitById.get(id); u && !seen.has(u.id); u = u.parent ? unitById.get(u.parent) : undefined) {
      seen.add(u.id);
      // The root (the district) is where everyone is: named only when it is the unit itself.
      if (u.parent || chain.length === 0) chain.unshift(u.name);
    }
    return {
      'zh-CN': chain.map((n) => n['zh-CN']).join(' / '),
      en: chain.map((n) => n.en).join(' / '),
    };
  };
  const units = seed.units
    .map((u) => ({
      id: u.id,
      kind: u.kind,
      name: u.name,
      parent: u.parent ?? null,
      path: pathOf(u.id),
      keys: keysOf(u.id, u.name),
    }))
    .sort((a, b) => compare(a.id, b.id));
  const users = seed.users
    .filter((u) => !u.disabled)
    .map((u) => ({
      username: u.username,
      displayName: u.displayName,
      roles: seed.memberships
        .filter((m) => m.username === u.username)
        .map((m) => ({
          role: m.role,
          unit: m.unit,
          unitName: unitById.get(m.unit)?.name ?? { 'zh-CN': m.unit, en: m.unit },
          unitPath: pathOf(m.unit),
        })),
      keys: keysOf(u.username, u.displayName),
    }))
    .sort((a, b) => compare(a.username, b.username));
  return { users, units };
}

function keysOf(id: string, name: LocalizedText): SearchKeys {
  const lower = [name['zh-CN'], name.en].map((n) => n.toLowerCase());
  const names = [...new Set([...lower, ...lower.map((n) => n.replace(/\s+/g, ''))])];
  return { id: id.toLowerCase(), names, syllables: nameSyllables(name['zh-CN']) };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * How well `q` finds an entry, lower is better, undefined for not at all: the id itself (0), the
 * start of the id, the name or the pinyin (1), inside the name (2), inside the id or from a later
 * syllable of the pinyin (3). The query is read once; the returned function runs per entry.
 */
export function rankFor(q: string): (keys: SearchKeys) => number | undefined {
  const raw = q.trim().toLowerCase();
  const typed = normaliseQuery(q);
  return (keys) => {
    if (!typed) return undefined;
    if (keys.id === typed) return 0;
    if (keys.id.startsWith(typed) || keys.names.some((n) => n.startsWith(raw) || n.startsWith(typed)))
      return 1;
    const pinyin = syllableMatch(typed, keys.syllables);
    if (pinyin === 0) return 1;
    if (keys.names.some((n) => n.includes(raw) || n.includes(typed))) return 2;
    if (pinyin === 1 || keys.id.includes(typed)) return 3;
    return undefined;
  };
}

/** The entries `q` finds, best first (then in the list's order); all of them, in order, without `q`. */
export function searchEntries<T extends { keys: SearchKeys }>(
  entries: readonly T[],
  q: string | undefined,
): T[] {
  if (!q?.trim()) return [...entries];
  const rank = rankFor(q);
  const found: { entry: T; rank: number; at: number }[] = [];
  entries.forEach((entry, at) => {
    const r = rank(entry.keys);
    if (r !== undefined) found.push({ entry, rank: r, at });
  });
  return found.sort((a, b) => a.rank - b.rank || a.at - b.at).map((f) => f.entry);
}
