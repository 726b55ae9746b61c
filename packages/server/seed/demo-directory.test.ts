/**
 * Referential integrity of the demo directory (采油管理四区): every reference resolves, and the
 * organisation has the shape the processes rely on (one head and one integrity supervisor per
 * station, one secretary per branch, one contracting leader per branch).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface LocalizedText {
  'zh-CN': string;
  en: string;
}
interface DemoDirectory {
  users: { username: string; displayName: LocalizedText; superior?: string }[];
  units: { id: string; kind: string; name: LocalizedText; parent: string | null }[];
  memberships: { username: string; role: string; unit: string }[];
  contracts: { contractor: { user?: string; unit?: string }; unit: string }[];
}

const ROLES = [
  'administrator',
  'districtLeader',
  'branchSecretary',
  'branchCommitteeMember',
  'cadre',
  'stationHead',
  'worker',
  'workerRep',
  'integritySupervisor',
  'disciplineInspector',
  'disciplineLeader',
  'organGroupMember',
];
const KINDS = ['district', 'branch', 'station', 'organGroup', 'supervisionGroup', 'patch'];
const HAS_CJK = /[\u4e00-\u9fff]/;

const dir = JSON.parse(
  readFileSync(join(import.meta.dirname, 'demo-directory.json'), 'utf8'),
) as DemoDirectory;
const usernames = new Set(dir.users.map((u) => u.username));
const unitById = new Map(dir.units.map((u) => [u.id, u]));
const unitsOfKind = (kind: string) => dir.units.filter((u) => u.kind === kind);
const holders = (role: string, unit: string) =>
  dir.memberships.filter((m) => m.role === role && m.unit === unit).map((m) => m.username);
const hasRole = (username: string, role: string, unit?: string) =>
  dir.memberships.some(
    (m) => m.username === username && m.role === role && (unit === undefined || m.unit === unit),
  );
const leaders = dir.memberships.filter((m) => m.role === 'districtLeader').map((m) => m.username);
const leaderContracts = dir.contracts.filter(
  (c) =>
    c.contractor.user !== undefined &&
    leaders.includes(c.contractor.user) &&
    dir.units.find((u) => u.id === c.unit)?.kind === 'branch',
);

describe('demo directory', () => {
  it('has only the four top-level keys', () => {
    expect(Object.keys(dir).sort()).toEqual(['contracts', 'memberships', 'units', 'users']);
  });

  it('has unique usernames and unit ids', () => {
    expect(usernames.size).toBe(dir.users.length);
    expect(unitById.size).toBe(dir.units.length);
  });

  it('names every user and unit in Chinese and English', () => {
    for (const u of dir.users) {
      expect(u.displayName['zh-CN'], u.username).toMatch(HAS_CJK);
      expect(u.displayName.en.trim(), u.username).toBeTruthy();
    }
    for (const u of dir.units) {
      expect(u.name['zh-CN'], u.id).toMatch(HAS_CJK);
      expect(u.name.en.trim(), u.id).toBeTruthy();
    }
  });

  it('gives every user a distinct display name', () => {
    const zh = dir.users.map((u) => u.displayName['zh-CN']);
    const en = dir.users.map((u) => u.displayName.en);
    expect(new Set(zh).size).toBe(zh.length);
    expect(new Set(en).size).toBe(en.length);
  });

  it('uses known unit kinds and a single tree rooted at the district', () => {
    expect(unitsOfKind('district').map((u) => u.id)).toEqual(['district']);
    for (const u of dir.units) {
      expect(KINDS, u.id).toContain(u.kind);
      if (u.kind === 'district') expect(u.parent).toBeNull();
      else expect(unitById.has(u.parent ?? ''), `${u.id} parent`).toBe(true);
    }
    for (const s of unitsOfKind('station')) expect(unitById.get(s.parent ?? '')?.kind, s.id).toBe('branch');
    for (const p of unitsOfKind('patch')) expect(unitById.get(p.parent ?? '')?.kind, p.id).toBe('branch');
  });

  it('references existing users, units and roles in memberships', () => {
    for (const m of dir.memberships) {
      expect(usernames.has(m.username), m.username).toBe(true);
      expect(unitById.has(m.unit), m.unit).toBe(true);
      expect(ROLES, m.role).toContain(m.role);
    }
    const keys = dir.memberships.map((m) => `${m.username}|${m.role}|${m.unit}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('references existing users and units in contracts', () => {
    for (const c of dir.contracts) {
      expect(unitById.has(c.unit), c.unit).toBe(true);
      const { user, unit } = c.contractor;
      expect((user === undefined) !== (unit === undefined), `contractor of ${c.unit}`).toBe(true);
      if (user !== undefined) expect(usernames.has(user), user).toBe(true);
      if (unit !== undefined) expect(unitById.has(unit), unit).toBe(true);
    }
  });

  it('has superiors that exist and no cycles', () => {
    const superior = new Map(dir.users.map((u) => [u.username, u.superior]));
    for (const u of dir.users) {
      if (u.superior !== undefined)
        expect(usernames.has(u.superior), `${u.username} → ${u.superior}`).toBe(true);
      const seen = new Set<string>();
      for (let cur: string | undefined = u.username; cur !== undefined; cur = superior.get(cur)) {
        expect(seen.has(cur), `cycle through ${u.username}`).toBe(false);
        seen.add(cur);
      }
    }
  });

  it('has sixteen stations, each with exactly one head and one integrity supervisor', () => {
    const stations = unitsOfKind('station');
    expect(stations.map((s) => s.id)).toEqual(Array.from({ length: 16 }, (_, i) => `station-${101 + i}`));
    for (const s of stations) {
      expect(holders('stationHead', s.id), s.id).toHaveLength(1);
      expect(holders('integritySupervisor', s.id), s.id).toHaveLength(1);
      const [head] = holders('stationHead', s.id);
      expect(hasRole(head!, 'cadre', s.id), `${head} is a cadre`).toBe(true);
    }
    expect(unitById.get('station-113')?.name['zh-CN']).toContain('廉洁教育示范站');
  });

  it('has five branches, each with one secretary and two committee members', () => {
    const branches = unitsOfKind('branch');
    expect(branches.map((b) => b.id)).toEqual(['branch-1', 'branch-2', 'branch-3', 'branch-4', 'branch-5']);
    for (const b of branches) {
      expect(holders('branchSecretary', b.id), b.id).toHaveLength(1);
      expect(holders('branchCommitteeMember', b.id), b.id).toHaveLength(2);
    }
  });

  it('has four district leaders, each contracting one or two branches', () => {
    expect(leaders.sort()).toEqual(['leader1', 'leader2', 'leader3', 'leader4']);
    for (const l of leaders) {
      const branches = leaderContracts.filter((c) => c.contractor.user === l);
      expect(branches.length, l).toBeGreaterThanOrEqual(1);
      expect(branches.length, l).toBeLessThanOrEqual(2);
      for (const c of branches) expect(unitById.get(c.unit)?.kind).toBe('branch');
    }
    expect(hasRole('leader3', 'disciplineLeader')).toBe(true);
  });

  it('has every organ group in the charge of (contracted by) exactly one district leader', () => {
    for (const g of unitsOfKind('organGroup')) {
      const contractors = dir.contracts.filter((c) => c.unit === g.id).map((c) => c.contractor.user);
      expect(contractors.length, g.id).toBe(1);
      expect(leaders, g.id).toContain(contractors[0]);
    }
  });

  it('has every branch contracted by exactly one leader', () => {
    for (const b of unitsOfKind('branch'))
      expect(
        leaderContracts.filter((c) => c.unit === b.id),
        b.id,
      ).toHaveLength(1);
  });

  it('has every station contracted by its own branch', () => {
    for (const s of unitsOfKind('station')) {
      const contractors = dir.contracts.filter((c) => c.unit === s.id);
      expect(
        contractors.map((c) => c.contractor),
        s.id,
      ).toEqual([{ unit: s.parent }]);
    }
  });

  it('has every hardship patch contracted by one named person', () => {
    const patches = unitsOfKind('patch');
    expect(patches.length).toBeGreaterThan(0);
    for (const p of patches) {
      const contractors = dir.contracts.filter((c) => c.unit === p.id);
      expect(contractors, p.id).toHaveLength(1);
      expect(contractors[0]?.contractor.user, p.id).toBeDefined();
    }
  });

  it('has six organ groups with two members each and the supervision group with three inspectors', () => {
    const groups = unitsOfKind('organGroup');
    expect(groups.map((g) => g.id).sort()).toEqual(
      ['org-business', 'org-general', 'org-party', 'org-production', 'org-safety', 'org-technical'].sort(),
    );
    for (const g of groups) expect(holders('organGroupMember', g.id), g.id).toHaveLength(2);
    expect(hasRole('org1', 'organGroupMember', 'org-party')).toBe(true);
    expect(hasRole('biz1', 'organGroupMember', 'org-business')).toBe(true);
    expect(holders('disciplineInspector', 'supervision').sort()).toEqual(['insp1', 'insp2', 'insp3']);
  });

  it('has ten worker representatives over all branches and twenty workers in stations', () => {
    const reps = dir.memberships.filter((m) => m.role === 'workerRep');
    expect(reps).toHaveLength(10);
    expect(new Set(reps.map((r) => r.unit)).size).toBe(5);
    const workers = dir.memberships.filter((m) => m.role === 'worker');
    expect(workers).toHaveLength(20);
    for (const w of workers) expect(unitById.get(w.unit)?.kind, w.username).toBe('station');
  });

  it('wires superiors up the chain the processes expect', () => {
    const superiorOf = (u: string) => dir.users.find((x) => x.username === u)?.superior;
    const contractingLeader = (branch: string) =>
      leaderContracts.find((c) => c.unit === branch)?.contractor.user;
    for (const b of unitsOfKind('branch')) {
      const [sec] = holders('branchSecretary', b.id);
      expect(superiorOf(sec!), sec).toBe(contractingLeader(b.id));
    }
    for (const s of unitsOfKind('station')) {
      const [head] = holders('stationHead', s.id);
      const [sec] = holders('branchSecretary', s.parent ?? '');
      expect(superiorOf(head!), head).toBe(sec);
    }
    for (const i of ['insp1', 'insp2', 'insp3']) expect(superiorOf(i)).toBe('leader3');
    for (const m of dir.memberships.filter((x) => x.role === 'organGroupMember'))
      expect(['leader1', 'leader2'], m.username).toContain(superiorOf(m.username));
  });

  it('has an administrator', () => {
    expect(holders('administrator', 'district')).toEqual(['admin']);
  });
});
