import type { TaskOperation, TaskView } from '@flowform/api';
import type { StateDef } from '@flowform/engine/browser';
import { useState } from 'react';
import { api } from '../../api/endpoints';
import { ApiError } from '../../api/http';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/translate';
import { useErrorText } from '../../ui/status-views';
import { InlineError } from './inline-error';
import { OperationForm } from './operation-form';
import { OPERATIONS, operationBody } from './operation-spec';

/**
 * The operations the task allows me (the server's list): claim, give back, transfer, delegate,
 * add/remove signers, return to an earlier step, urge, CC, comment. Simple ones run at once;
 * the others open a small form first.
 */
export function OperationsPanel({
  task,
  states,
  onDone,
  onError,
}: {
  task: TaskView;
  states?: Record<string, StateDef>;
  onDone: (op: TaskOperation, leaves: boolean) => void;
  onError: (error: unknown) => void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [open, setOpen] = useState<TaskOperation>();
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string>();
  const available = task.operations.filter((op) => op !== 'complete' && op !== 'claim' && OPERATIONS[op]);
  if (available.length === 0) return null;

  async function run(op: TaskOperation, body?: Record<string, unknown>) {
    const spec = OPERATIONS[op]!;
    setBusy(true);
    setRefused(undefined);
    try {
      await api.taskCommand(task.id, spec.path, body);
      setOpen(undefined);
      onDone(op, !!spec.leaves);
    } catch (error) {
      // A person the server does not know or allow: said in the open form, beside its button.
      if (error instanceof ApiError && error.status === 422 && open && error.errors.length > 0)
        setRefused(error.errors.map((e) => e.message).join('；'));
      else if (error instanceof ApiError && error.status !== 409 && error.status !== 404)
        // Any other refusal (a failed 抄送, urge…) is said here, beside the buttons, not at the top.
        setRefused(errorText(error));
      else onError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card operations" aria-labelledby="ops-title">
      <h2 id="ops-title">{t('task.operations')}</h2>
      <div className="op-buttons">
        {available.map((op) => {
          const spec = OPERATIONS[op]!;
          const simple = !spec.people && !spec.target && !spec.comment;
          return (
            <button
              key={op}
              type="button"
              className="btn"
              aria-expanded={simple ? undefined : open === op}
              disabled={busy}
              onClick={() => {
                setRefused(undefined);
                return simple ? void run(op) : setOpen(open === op ? undefined : op);
              }}
            >
              {t(`task.op.${op}` as MessageKey)}
            </button>
          );
        })}
      </div>
      {!open && <InlineError text={refused} id="operation-error" />}
      {open && (
        <OperationForm
          op={open}
          spec={OPERATIONS[open]!}
          returnTargets={task.returnTargets}
          states={states}
          busy={busy}
          serverError={refused}
          onCancel={() => setOpen(undefined)}
          onSubmit={(input) => void run(open, operationBody(OPERATIONS[open]!, input))}
        />
      )}
    </section>
  );
}
