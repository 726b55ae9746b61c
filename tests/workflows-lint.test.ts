/** The shipped processes lint clean against the demo directory: no errors and no warnings. */
import { InMemoryDirectory, lintDefinition } from '@flowform/engine';
import { describe, expect, it } from 'vitest';
import { demoDirectorySeed, shippedBundles } from './scenarios/shipped-bundles';

const bundles = shippedBundles();
const processes = new Set(bundles.keys());
const directory = new InMemoryDirectory(demoDirectorySeed());

describe('workflows/', () => {
  it('holds the eight processes of the district', () => {
    expect([...processes].sort()).toEqual([
      'accountability-investigation',
      'admonition-talk',
      'branch-secretary-reassignment',
      'hardship-assistance',
      'labour-competition',
      'quarterly-cadre-evaluation',
      'scrap-material-recovery',
      'supervision-bulletin',
    ]);
  });

  it.each([...bundles.keys()])(
    'given %s, when linted with the demo directory, then there is no problem at all',
    (key) => {
      const bundle = bundles.get(key)!;
      expect(lintDefinition(bundle.definition, { forms: bundle.forms, processes, directory })).toEqual([]);
    },
  );

  it.each([...bundles.keys()])(
    'given %s, then every name and step title is in Chinese and English',
    (key) => {
      const texts: unknown[] = [];
      JSON.stringify(bundles.get(key)!.definition, (k, v) => {
        if (k === 'caseSchema') return undefined;
        if (k === 'name' || k === 'title' || k === 'label' || k === 'description') texts.push(v);
        return v;
      });
      for (const text of texts) {
        expect(text).toEqual({
          'zh-CN': expect.stringMatching(/[\u4e00-\u9fff]/),
          en: expect.stringMatching(/\S/),
        });
      }
    },
  );
});

describe('proofs against the directory', () => {
  it('given the demo directory with one district leader left, when the competition is linted, then it names that starter and the approval', () => {
    const seed = demoDirectorySeed();
    seed.memberships = seed.memberships.filter(
      (m) => m.role !== 'districtLeader' || m.username === 'leader1',
    );
    const bundle = bundles.get('labour-competition')!;
    const problems = lintDefinition(bundle.definition, {
      forms: bundle.forms,
      processes,
      directory: new InMemoryDirectory(seed),
    }).filter((p) => p.code === 'assignment-empty-after-exclusion');
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      [
        '/machine/states/approval/task/assignment',
        "When 'leader1' starts the process, nobody may take task 'approval': its people are all excluded as the initiator",
      ],
      [
        '/machine/states/budgetApproval/task/assignment',
        "When 'leader1' starts the process, nobody may take task 'budgetApproval': its people are all excluded as the initiator",
      ],
    ]);
  });

  it('given the demo directory where the discipline leader also becomes a discipline inspector, when the bulletin is linted, then the self-approval path is named', () => {
    const seed = demoDirectorySeed();
    seed.memberships.push({ username: 'leader3', role: 'disciplineInspector', unit: 'supervision' });
    const bundle = bundles.get('supervision-bulletin')!;
    const problems = lintDefinition(bundle.definition, {
      forms: bundle.forms,
      processes,
      directory: new InMemoryDirectory(seed),
    });
    expect(problems.map((p) => [p.code, p.path, p.message])).toEqual([
      [
        'self-approval-path',
        '/machine/states/approval/task/excludes',
        "'leader3' may perform 'recording' and then approve it at 'approval' along (start) → recording → compiling → approval (when 'insp1' starts it)",
      ],
      [
        'self-approval-path',
        '/machine/states/approval/task/excludes',
        "'leader3' may perform 'compiling' and then approve it at 'approval' along (start) → recording → compiling → approval (when 'insp1' starts it)",
      ],
    ]);
  });
});
