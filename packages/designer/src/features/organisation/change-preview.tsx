import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/http';
import { Banner, ErrorState, Loading, useErrorText } from '../../ui/status-views';
import { useAsync } from '../../ui/use-async';
import { describeOp, personName } from './describe-op';
import type { OrgIndex } from './org-index';
import { type ChangeResult, type DirectoryOp, organisationApi } from './organisation-api';
import { useOrgText } from './use-org-text';

/**
 * A proposed directory change: its operations, then the server's preview (the proofs of published
 * processes it would break, open tasks that move to whom, rules of published processes that would
 * find nobody, superiors that change); saved only when the administrator confirms (仍然保存 when
 * something breaks). A refusal is shown here, next to the Save button.
 */
export function ChangePreview({
  ops,
  index,
  onSaved,
  onCancel,
  onStale,
}: {
  ops: DirectoryOp[];
  index: OrgIndex;
  onSaved: (version: string) => void;
  onCancel: () => void;
  onStale: () => void;
}) {
  const { ot, locale } = useOrgText();
  const heading = useRef<HTMLHeadingElement>(null);
  const version = index.org.version;
  const preview = useAsync(() => organisationApi.preview(ops, version), `${version}:${JSON.stringify(ops)}`);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  useEffect(() => heading.current?.focus(), []);

  async function save() {
    setSaving(true);
    setFailure(undefined);
    try {
      const result = await organisationApi.change(ops, version);
      onSaved(result.version);
    } catch (error) {
      setSaving(false);
      if (error instanceof ApiError && error.status === 409) onStale();
      else setFailure(error);
    }
  }

  return (
    <section className="card org-preview" aria-labelledby="org-preview-title">
      <h2 id="org-preview-title" tabIndex={-1} ref={heading}>
        {ot('preview.title')}
      </h2>
      <h3>{ot('preview.ops', { count: ops.length })}</h3>
      <ol className="org-ops">
        {ops.map((op, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the operations are a fixed list in order
          <li key={i}>{describeOp(op, index, locale, ops)}</li>
        ))}
      </ol>
      {preview.loading && <Loading label={ot('preview.loading')} />}
      {preview.error !== undefined && <RefusalView error={preview.error} onRetry={preview.reload} />}
      {preview.data && <PreviewFacts result={preview.data} index={index} />}
      {failure !== undefined && <RefusalView error={failure} />}
      <div className="org-actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={saving || !preview.data}
          onClick={() => void save()}
        >
          {saving
            ? ot('preview.saving')
            : preview.data?.preview.brokenProofs.length
              ? ot('preview.saveAnyway')
              : ot('preview.save')}
        </button>
        <button type="button" className="btn" disabled={saving} onClick={onCancel}>
          {ot('action.cancel')}
        </button>
      </div>
    </section>
  );
}

/** A refused change: the problem's sentence and each refused operation's reason. */
function RefusalView({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { ot } = useOrgText();
  const errorText = useErrorText();
  if (!(error instanceof ApiError) || error.status !== 422)
    return <ErrorState error={error} onRetry={onRetry} />;
  return (
    <Banner kind="error">
      <p>
        {ot('preview.refused')} {error.detail ?? error.title}
      </p>
      {error.errors.some((e) => e.message !== error.detail) && (
        <ul>
          {error.errors.map((e) => (
            <li key={`${e.path}:${e.message}`}>{e.message}</li>
          ))}
        </ul>
      )}
      {error.errors.length === 0 && !error.detail && <p>{errorText(error)}</p>}
    </Banner>
  );
}

/** The proofs of published processes the change would break, first: what the admin must weigh. */
function BrokenProofs({ result }: { result: ChangeResult }) {
  const { ot, locale } = useOrgText();
  const broken = result.preview.brokenProofs;
  return (
    <>
      <h3>{ot('preview.proofs', { count: broken.length })}</h3>
      {broken.length === 0 ? (
        <p className="muted">{ot('preview.noProofs')}</p>
      ) : (
        <>
          <p className="org-warn" role="alert">
            {ot('preview.proofsWarn')}
          </p>
          <ul className="plain-list org-proofs">
            {broken.map((b) => (
              <li key={`${b.processKey}:${b.path}:${b.detail}`} className="org-warn">
                <strong>{b.sentence[locale]}</strong>
                <br />
                <small>
                  <code>{b.code}</code> {b.detail}
                </small>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function PreviewFacts({ result, index }: { result: ChangeResult; index: OrgIndex }) {
  const { ot, locale } = useOrgText();
  const { tasks, unresolvedRules, superiors } = result.preview;
  const who = (list: string[]) =>
    list.length ? list.map((u) => personName(index, u, locale)).join('、') : ot('nobody');
  return (
    <>
      <BrokenProofs result={result} />
      <h3>{ot('preview.tasks', { count: tasks.length })}</h3>
      {tasks.length === 0 ? (
        <p className="muted">{ot('preview.noTasks')}</p>
      ) : (
        <ul className="plain-list org-task-moves">
          {tasks.map((task) => (
            <li key={task.taskId}>
              <strong>
                {ot('preview.task', { name: task.name[locale] || task.nodeId, process: task.processKey })}
              </strong>
              <dl className="facts">
                <dt>{ot('preview.before')}</dt>
                <dd>{who(task.before)}</dd>
                <dt>{ot('preview.after')}</dt>
                <dd>{who(task.after)}</dd>
              </dl>
              {task.releasesClaim && task.assignee && (
                <p className="org-warn">
                  {ot('preview.releases', { who: personName(index, task.assignee, locale) })}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3>{ot('preview.rules', { count: unresolvedRules.length })}</h3>
      {unresolvedRules.length === 0 ? (
        <p className="muted">{ot('preview.noRules')}</p>
      ) : (
        <ul className="plain-list org-rules">
          {unresolvedRules.map((rule) => (
            <li key={`${rule.processKey}:${rule.version}:${rule.path}`} className="org-warn">
              <strong>
                {rule.processKey} v{rule.version}
              </strong>{' '}
              <code>{rule.path}</code>: {rule.message}
            </li>
          ))}
        </ul>
      )}
      {superiors.length > 0 && (
        <>
          <h3>{ot('preview.superiors', { count: superiors.length })}</h3>
          <ul className="plain-list">
            {superiors.map((s) => (
              <li key={s.username}>
                {ot('preview.superior', {
                  who: personName(index, s.username, locale),
                  from: personName(index, s.from, locale),
                  to: personName(index, s.to, locale),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
