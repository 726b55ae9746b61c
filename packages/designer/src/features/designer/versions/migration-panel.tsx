/**
 * Migration of running cases (in 版本与发布): choose the versions, see the proposed step mapping
 * with the running cases per step, choose targets for the steps the new version lacks, then
 * what-if, dry run and migrate. A refused mapping's problems show beside the step they name.
 */
import { type LintProblem, roleLabel } from '@flowform/engine/browser';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../api/http';
import {
  designerApi,
  type MigrationProposal,
  type MigrationReport,
  type VersionSummary,
  type WhatIfAnswer,
} from '../api/designer-api';
import type { DesignerKey } from '../i18n/designer-messages';
import { useDesignerText } from '../i18n/use-designer-text';
import { useDesigner } from '../state/designer-context';
import { MappingRows } from './migration-mapping';
import { MigrationList, type TaskHolders, WhatIfList } from './migration-report';

type Answer = { kind: 'whatIf'; answer: WhatIfAnswer } | { kind: 'migration'; report: MigrationReport };

export function MigrationPanel({
  versions,
  onMigrated,
}: {
  versions: VersionSummary[];
  onMigrated: () => void;
}) {
  const { doc, directory } = useDesigner();
  const { dt, locale } = useDesignerText();
  const key = doc.definition.key;
  const numbers = versions.map((v) => v.version).sort((a, b) => a - b);
  const latest = numbers.at(-1) ?? 0;
  const firstRunning = numbers.find(
    (n) => n !== latest && versions.find((v) => v.version === n)!.runningCases > 0,
  );
  const [from, setFrom] = useState(firstRunning ?? numbers[0] ?? 0);
  const [to, setTo] = useState(latest);
  const [proposal, setProposal] = useState<MigrationProposal>();
  const [targets, setTargets] = useState<Record<string, string>>({});
  const [votes, setVotes] = useState<Record<string, 'carry' | 'restart'>>({});
  const [answer, setAnswer] = useState<Answer>();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [problems, setProblems] = useState<LintProblem[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setProposal(undefined);
    setAnswer(undefined);
    setProblems([]);
    if (!from || !to || from === to) return;
    let live = true;
    designerApi
      .migrationProposal(key, from, to)
      .then((p) => {
        if (!live) return;
        setProposal(p);
        setTargets(Object.fromEntries(p.proposal.states.map((s) => [s.source, s.target ?? ''])));
        setVotes(
          Object.fromEntries(p.proposal.states.filter((s) => s.voting).map((s) => [s.source, 'carry'])),
        );
      })
      .catch(
        (error: unknown) => live && setMessage({ kind: 'error', text: String((error as Error).message) }),
      );
    return () => {
      live = false;
    };
  }, [key, from, to]);

  if (numbers.length < 2) return <p className="ff-muted">{dt('mig.onlyOne')}</p>;

  const body = () => ({
    from,
    to,
    states: Object.fromEntries(
      Object.entries(targets).filter(([source, target]) => target && target !== source),
    ),
    ...(Object.keys(votes).length > 0 ? { votes } : {}),
  });
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setMessage(undefined);
    setProblems([]);
    try {
      await work();
    } catch (error) {
      setAnswer(undefined);
      if (error instanceof ApiError && error.code === 'migration-refused') {
        setProblems(error.problems);
        setMessage({ kind: 'error', text: dt('mig.refusedAll') });
      } else
        setMessage({
          kind: 'error',
          text: error instanceof ApiError ? (error.detail ?? error.title) : String(error),
        });
    } finally {
      setBusy(false);
    }
  };
  const whatIf = (draft: boolean) =>
    run(async () => {
      if (draft) await designerApi.saveDraft(key, doc);
      const result = await designerApi.whatIf(key, draft ? { draft: true } : { version: to });
      const count = (v: string) => result.cases.filter((c) => c.result.verdict === v).length;
      setAnswer({ kind: 'whatIf', answer: result });
      setMessage({
        kind: 'ok',
        text: dt('mig.whatIfDone', {
          against: draft ? dt('mig.whatIfDraft') : `v${to}`,
          same: count('same'),
          different: count('different'),
          refused: count('refused'),
        }),
      });
    });
  const migrate = (apply: boolean) =>
    run(async () => {
      const report = apply
        ? await designerApi.migrate(key, body())
        : await designerApi.dryRunMigration(key, body());
      const moved = report.cases.filter((c) => c.status === 'moved').length;
      setAnswer({ kind: 'migration', report });
      setMessage({
        kind: 'ok',
        text: apply
          ? dt('mig.applied', { moved, version: to, id: report.mapping.id })
          : dt('mig.dryRunDone', { moved, refused: report.cases.length - moved }),
      });
      if (apply) {
        onMigrated();
        // The running cases per step have moved: the counts are read again, the targets kept.
        setProposal(await designerApi.migrationProposal(key, from, to));
      }
    });
  const person = (u: string) => directory?.user(u)?.displayName[locale] ?? u;
  const holders: TaskHolders = (t) =>
    t.assignee
      ? person(t.assignee)
      : [
          ...t.users.map(person),
          ...t.roles.map(
            (r) => `${directory?.unit(r.unit)?.name[locale] ?? r.unit} ${roleLabel(r.role, locale)}`,
          ),
        ].join('、');

  return (
    <section className="ff-migration" aria-label={dt('mig.title')}>
      <h3>{dt('mig.title')}</h3>
      <p className="ff-muted">{dt('mig.intro')}</p>
      <div className="ff-mig-versions">
        <label>
          {dt('mig.from')}
          <select name="migration-from" value={from} onChange={(e) => setFrom(Number(e.target.value))}>
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                {dt('mig.version', { version: v.version, running: v.runningCases })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {dt('mig.to')}
          <select name="migration-to" value={to} onChange={(e) => setTo(Number(e.target.value))}>
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                v{v.version}
              </option>
            ))}
          </select>
        </label>
      </div>
      {proposal && (
        <MappingRows
          proposal={proposal}
          targets={targets}
          votes={votes}
          problems={problems}
          onTarget={(source, target) => setTargets({ ...targets, [source]: target })}
          onVotes={(source, policy) => setVotes({ ...votes, [source]: policy })}
        />
      )}
      <div className="ff-row ff-mig-actions">
        <button type="button" className="btn" disabled={busy || !to} onClick={() => void whatIf(false)}>
          {dt('mig.whatIf')}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => void whatIf(true)}>
          {dt('mig.whatIfDraft')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy || !proposal}
          onClick={() => void migrate(false)}
        >
          {dt('mig.dryRun')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy || !proposal}
          onClick={() => void migrate(true)}
        >
          {busy ? dt('mig.working') : dt('mig.apply')}
        </button>
      </div>
      {message && (
        <p
          className={message.kind === 'ok' ? 'ff-ok' : 'ff-error'}
          role={message.kind === 'ok' ? 'status' : 'alert'}
        >
          {message.text}
        </p>
      )}
      {problems
        .filter((p) => !p.path.startsWith('/states/') && !p.path.startsWith('/votes/'))
        .map((p) => (
          <p key={`${p.code}${p.path}`} className="ff-error" role="alert">
            {dt(`mig.problem.${p.code}` as DesignerKey)}
          </p>
        ))}
      {answer?.kind === 'whatIf' && <WhatIfList answer={answer.answer} dt={dt} />}
      {answer?.kind === 'migration' && <MigrationList report={answer.report} dt={dt} holders={holders} />}
    </section>
  );
}
