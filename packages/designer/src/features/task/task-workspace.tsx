import type { Outcome } from '@flowform/api';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../api/endpoints';
import { ApiError } from '../../api/http';
import { formInitialData, formPayload, SchemaForm } from '../../forms/schema-form';
import { useFormValidation } from '../../forms/use-form-validation';
import { pick } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/translate';
import { setFlash } from '../../state/flash';
import { useLiveEvents } from '../../state/live-context';
import { navigate } from '../../state/navigation';
import { paths } from '../../state/routes';
import { useMe } from '../../state/session';
import { Banner, useErrorText } from '../../ui/status-views';
import type { LoadedTask } from './load-task';
import { CaseDigest } from './case-digest';
import { OperationsPanel } from './operations-panel';
import { fieldOnForm } from './field-on-form';
import { focusField } from './inline-error';
import { OutcomeBar } from './outcome-bar';
import { TaskNotice } from './task-notice';
import { TaskSummary } from './task-summary';
import { clearDraft, type Draft, readDraft, useDraftAutosave } from './use-draft';

type Notice = { kind: 'info' | 'success' | 'error'; text: string };

/** The working area of a loaded task: form, comment, decisions, operations, drafts, conflicts. */
export function TaskWorkspace({
  loaded,
  reload,
  refreshing,
}: {
  loaded: LoadedTask;
  reload: () => void;
  refreshing: boolean;
}) {
  const { t, locale } = useI18n();
  const me = useMe();
  const errorText = useErrorText();
  const { task, caseView, definition, taskDef } = loaded;
  const form = useMemo(
    () => (task.form ? { ...task.form, labels: definition?.forms[task.form.key]?.labels } : undefined),
    [task.form, definition],
  );
  const [saved] = useState(() => readDraft(me.username, task.id));
  const [initial] = useState(() => (task.form ? formInitialData(task.form.schema, task.data) : {}));
  const [draft, setDraft] = useState<Draft | undefined>();
  const data = draft?.data ?? saved?.data ?? initial;
  const validation = useFormValidation(form, data);
  const comment = draft?.comment ?? saved?.comment ?? '';
  const [restored, setRestored] = useState(!!saved);
  const [commentError, setCommentError] = useState<string>();
  const [notice, setNotice] = useState<Notice>();
  const [decisionError, setDecisionError] = useState<string>();
  const [fieldFocused, setFieldFocused] = useState(false);
  const [busy, setBusy] = useState(false);
  /** Fields a refusal names, focused once it has rendered and the form is enabled again. */
  const [focusPaths, setFocusPaths] = useState<string[]>();
  useEffect(() => {
    // While busy the form is disabled, and a disabled input cannot take the focus.
    if (!focusPaths || busy) return;
    focusField(focusPaths);
    setFocusPaths(undefined);
  }, [focusPaths, busy]);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const edited = useRef(false);
  const markEdited = () => {
    edited.current = true;
  };
  useDraftAutosave(me.username, task.id, task.status === 'open' ? draft : undefined);

  /** Someone else finished the task and I may no longer see it: keep the page, stop the actions. */
  const [gone, setGone] = useState(false);
  const open = task.status === 'open' && !gone;
  const canComplete = open && task.operations.includes('complete');

  useLiveEvents((event) => {
    const about = event.taskId === task.id || event.instanceId === task.instanceId;
    if (about && (event.type === 'case.changed' || event.type === 'task.done') && !busy) {
      api.task(task.id).then(
        (fresh) => {
          if (fresh.status !== task.status || fresh.assignee !== task.assignee) {
            setNotice({ kind: 'info', text: t('task.conflict') });
            reload();
          }
        },
        (error: unknown) => {
          if (!(error instanceof ApiError && error.status === 404)) return;
          setNotice({ kind: 'info', text: t('task.conflict') });
          clearDraft(me.username, task.id);
          setGone(true);
        },
      );
    }
  });

  function failed(error: unknown) {
    if (error instanceof ApiError && error.code === 'case-suspended') {
      setNotice({ kind: 'error', text: errorText(error) });
    } else if (error instanceof ApiError && error.status === 409) {
      setNotice({ kind: 'error', text: t('task.conflict') });
      reload();
    } else if (error instanceof ApiError && error.status === 404) {
      // finished by someone else, and the case is no longer visible to me
      setNotice({ kind: 'error', text: t('task.conflict') });
      clearDraft(me.username, task.id);
      setGone(true);
    } else if (error instanceof ApiError && error.status === 422 && error.errors.length > 0) {
      validation.setServerErrors(error.errors.map((e) => ({ path: e.path, message: e.message })));
      setNotice({ kind: 'error', text: t('task.invalid', { count: error.errors.length }) });
    } else setNotice({ kind: 'error', text: errorText(error) });
  }

  async function choose(outcome: Outcome) {
    const label = pick(outcome.label, locale, outcome.key);
    setNotice(undefined);
    const skip = taskDef?.outcomes.find((o) => o.key === outcome.key)?.skipValidation;
    setDecisionError(undefined);
    setFieldFocused(false);
    if (form && !skip && !validation.check()) {
      setDecisionError(t('task.invalid', { count: validation.count }));
      return;
    }
    if (outcome.requiresComment && !comment.trim()) {
      setCommentError(t('task.commentMissing', { outcome: label }));
      commentRef.current?.focus();
      return;
    }
    setCommentError(undefined);
    setBusy(true);
    try {
      const body = {
        outcome: outcome.key,
        ...(form ? { data: formPayload(form.schema, data) } : {}),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      };
      await api.taskCommand(task.id, 'complete', body);
      clearDraft(me.username, task.id);
      // A delegate's decision goes back to the delegator to confirm: the case has not moved on yet.
      const handedBack = !!task.delegatedBy && task.assignee === me.username;
      setFlash(t(handedBack ? 'task.handedBack' : 'task.completed', { outcome: label }));
      navigate(paths.inbox());
    } catch (error) {
      refused(error);
    } finally {
      setBusy(false);
    }
  }

  /** A refused decision: said beside the buttons, and beside each field it names (focused). */
  function refused(error: unknown) {
    // A suspended case (409 case-suspended) has not moved on: its reason is said beside the buttons.
    const held = error instanceof ApiError && error.code === 'case-suspended';
    if (!(error instanceof ApiError) || (error.status === 409 && !held) || error.status === 404)
      return failed(error);
    const onForm = error.errors.filter((e) => fieldOnForm(form?.schema, e.path));
    if (onForm.length > 0)
      validation.setServerErrors(onForm.map((e) => ({ path: e.path, message: e.message })));
    const text =
      error.status === 422 && error.code === 'invalid-form'
        ? t('task.invalid', { count: error.errors.length })
        : errorText(error);
    setFieldFocused(onForm.length > 0);
    setDecisionError(text);
    if (onForm.length > 0) setFocusPaths(onForm.map((e) => e.path));
  }

  const requiresComment = task.outcomes
    .filter((o) => o.requiresComment)
    .map((o) => pick(o.label, locale, o.key));
  return (
    <div
      className={canComplete ? 'page page-task has-decision-bar' : 'page page-task'}
      aria-busy={refreshing}
    >
      <TaskSummary task={task} caseView={caseView} />
      {caseView && <CaseDigest caseView={caseView} definition={definition} taskDef={taskDef} />}
      {notice && <Banner kind={notice.kind}>{notice.text}</Banner>}
      <TaskNotice task={gone ? { ...task, status: 'completed' } : task} onClaimed={reload} onError={failed} />
      {restored && open && (
        <Banner kind="info">
          {t('task.draftRestored')}{' '}
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              clearDraft(me.username, task.id);
              setDraft({ data: initial, comment: '' });
              setRestored(false);
            }}
          >
            {t('task.draftDiscard')}
          </button>
        </Banner>
      )}
      <section
        className="card"
        aria-labelledby="form-title"
        onInputCapture={markEdited}
        onChangeCapture={markEdited}
        onClickCapture={markEdited}
      >
        <h2 id="form-title">
          {form && definition?.forms[form.key]
            ? pick(definition.forms[form.key]!.title, locale)
            : t('task.form')}
        </h2>
        {form ? (
          <SchemaForm
            form={form}
            data={data}
            instanceId={task.instanceId}
            errors={validation.errors}
            onBlurField={validation.touch}
            disabled={!canComplete || busy}
            onChange={(next) => {
              // rjsf also reports its own defaults on mount: only what the user did makes a draft
              if (edited.current) setDraft({ data: next, comment });
            }}
          />
        ) : (
          <p className="muted">{t('task.noForm')}</p>
        )}
        {canComplete && (
          <label className={commentError ? 'field ff-field-invalid' : 'field'}>
            <span className="field-label">
              {requiresComment.length
                ? t('task.commentRequired', { outcome: requiresComment.join('/') })
                : t('task.comment')}
            </span>
            <textarea
              ref={commentRef}
              rows={3}
              maxLength={4000}
              value={comment}
              placeholder={t('task.commentPlaceholder')}
              aria-invalid={!!commentError || undefined}
              aria-describedby={commentError ? 'comment-error' : undefined}
              onChange={(e) => setDraft({ data, comment: e.target.value })}
            />
            {commentError && (
              <span id="comment-error" className="error-text" role="alert">
                ⚠ {commentError}
              </span>
            )}
          </label>
        )}
        {draft && open && <p className="muted small">{t('task.draftSaved')}</p>}
      </section>
      {open && (
        <OperationsPanel
          task={task}
          states={definition?.definition.machine.states}
          onError={failed}
          onDone={(op, leaves) => {
            const text = t('task.op.done', { op: t(`task.op.${op}` as MessageKey) });
            if (leaves) {
              setFlash(text);
              navigate(paths.inbox());
            } else {
              setNotice({ kind: 'success', text });
              reload();
            }
          }}
        />
      )}
      {canComplete && (
        <OutcomeBar
          outcomes={task.outcomes}
          taskDef={taskDef}
          busy={busy}
          error={decisionError}
          errorTakesFocus={!fieldFocused}
          onChoose={(o) => void choose(o)}
        />
      )}
    </div>
  );
}
