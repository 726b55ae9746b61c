import { readFileSync } from 'node:fs';
import type { DirectorySeed } from '@flowform/engine';
import { describe, expect, it } from 'vitest';
import { buildDirectoryIndex, searchEntries } from './directory-index';

const demo = JSON.parse(
  readFileSync(new URL('../../../seed/demo-directory.json', import.meta.url), 'utf8'),
) as DirectorySeed;
const index = buildDirectoryIndex(demo);
const people = (q: string) => searchEntries(index.users, q).map((u) => u.username);
const units = (q: string) => searchEntries(index.units, q).map((u) => u.id);

describe('searching the demo directory as the pickers do', () => {
  it.each(['liu', 'lyg', '刘', '刘永刚', 'liuyonggang', 'Liu Yonggang', 'leader1'])(
    'given 刘永刚 (leader1), when "%s" is typed, then he is found',
    (q) => {
      expect(people(q)).toContain('leader1');
    },
  );

  it('given "lyg", when searched, then 刘永刚 comes first', () => {
    expect(people('lyg')[0]).toBe('leader1');
  });

  it('given "liu", when searched, then only names read liu… come back, not other leaders', () => {
    const found = searchEntries(index.users, 'liu');
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((u) => u.username)).not.toContain('leader2');
    for (const u of found) expect(u.displayName['zh-CN'][0]).toMatch(/[刘柳六留]/);
  });

  it('given a username prefix, when searched, then those users come first in username order', () => {
    expect(people('com1').slice(0, 2)).toEqual(['com1a', 'com1b']);
  });

  it('given an exact username, when searched, then that user ranks above names that merely contain it', () => {
    expect(people('com1a')[0]).toBe('com1a');
  });

  it('given a person, when indexed, then each role carries its unit path under the district', () => {
    const com1a = index.users.find((u) => u.username === 'com1a')!;
    expect(com1a.roles[0]?.unitPath['zh-CN']).toBe('第一党支部');
    const station = index.units.find((u) => u.id === 'station-101')!;
    expect(station.path).toEqual({
      'zh-CN': '第一党支部 / 101计量站',
      en: 'First Party Branch / Metering Station 101',
    });
    expect(index.units.find((u) => u.id === 'district')!.path['zh-CN']).toBe('采油管理四区');
  });

  it('given unit names, when searched by characters, pinyin or id, then the unit is found', () => {
    expect(units('101')).toContain('station-101');
    expect(units('第一')).toEqual(expect.arrayContaining(['branch-1', 'patch-1']));
    expect(units('dydzb')).toEqual(['branch-1']);
    expect(units('jiguan').length).toBeGreaterThanOrEqual(6);
  });

  it('given a disabled account, when indexed, then it is not offered', () => {
    const seed = structuredClone(demo);
    seed.users.find((u) => u.username === 'leader1')!.disabled = true;
    expect(searchEntries(buildDirectoryIndex(seed).users, 'liu').map((u) => u.username)).not.toContain(
      'leader1',
    );
  });

  it('given a wildcard, when searched, then nothing matches it literally', () => {
    expect(people('%')).toEqual([]);
  });
});
