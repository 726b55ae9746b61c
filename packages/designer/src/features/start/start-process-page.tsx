import { useState } from 'react';
import { api } from '../../api/endpoints';
import { ApiError, newIdempotencyKey } from '../../api/http';
import { formPayload, SchemaForm } from '../../forms/schema-form';
import { useFormValidation } from '../../forms/use-form-validation';
import { pick } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { setFlash } from '../../state/flash';
import { navigate } from '../../state/navigation';
import { paths, START_AGAIN } from '../../state/routes';
import { Banner, ErrorState, Loading, useErrorText } from '../../ui/status-views';
import { useAsync } from '../../ui/use-async';
import { startAgainData } from './start-again';

/** One process's start form; submitting starts the case and opens it. */
export function StartProcessPage({ definitionKey }: { definitionKey: string }) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const loaded = useAsync(async () => {
    const [list, latest] = await Promise.all([api.startables(), api.latestDefinition(definitionKey)]);
    const startable = list.items.find((d) => d.key === definitionKey);
    if (!startable) throw new ApiError(404, 'not-found', 'Not found');
    const labels = startable.startForm ? latest.forms[startable.startForm.key]?.labels : undefined;
    const title = startable.startForm ? latest.forms[startable.startForm.key]?.title : undefined;
    const again = new URLSearchParams(window.location.search).get(START_AGAIN);
    // 再次提交: the ended case's start record as its initiator sees it (a case I may not see is a 404)
    const copied =
      again && startable.startForm
        ? startAgainData(startable.startForm, (await api.caseView(again)).records)
        : undefined;
    return {
      startable,
      form: startable.startForm ? { ...startable.startForm, labels } : undefined,
      title,
      copied,
    };
  }, definitionKey);
  const [edited, setData] = useState<Record<string, unknown>>();
  const data = edited ?? loaded.data?.copied ?? {};
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [key] = useState(newIdempotencyKey);
  const validation = useFormValidation(loaded.data?.form, data);

  if (loaded.error !== undefined)
    return (
      <div className="page">
        <ErrorState error={loaded.error} onRetry={loaded.reload} />
      </div>
    );
  if (!loaded.data)
    return (
      <div className="page">
        <Loading />
      </div>
    );
  const { startable, form, title } = loaded.data;

  async function submit() {
    setNotice(undefined);
    if (form && !validation.check()) {
      setNotice(t('task.invalid', { count: validation.count }));
      return;
    }
    setBusy(true);
    try {
      const started = await api.startCase(definitionKey, form ? formPayload(form.schema, data) : {}, key);
      setFlash(t('start.started', { id: started.id }));
      navigate(paths.case(started.id));
    } catch (error) {
      if (error instanceof ApiError && error.status === 422 && error.errors.length) {
        validation.setServerErrors(error.errors.map((e) => ({ path: e.path, message: e.message })));
        setNotice(t('task.invalid', { count: error.errors.length }));
      } else setNotice(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page page-task has-decision-bar">
      <section className="card summary">
        <p className="eyebrow">{t('start.title')}</p>
        <h1>{pick(startable.name, locale, startable.key)}</h1>
        <p className="muted">{pick(startable.description, locale)}</p>
      </section>
      {notice && <Banner kind="error">{notice}</Banner>}
      {loaded.data.copied && (
        <p className="card start-again-note" role="status">
          {t('start.again.note')}
        </p>
      )}
      <section className="card" aria-labelledby="start-form-title">
        <h2 id="start-form-title">{title ? pick(title, locale) : t('task.form')}</h2>
        {form ? (
          <SchemaForm
            form={form}
            data={data}
            onChange={setData}
            errors={validation.errors}
            onBlurField={validation.touch}
            disabled={busy}
          />
        ) : (
          <p className="muted">{t('task.noForm')}</p>
        )}
      </section>
      <div className="decision-bar">
        {busy && (
          <span role="status" className="decision-busy">
            {t('task.submitting')}
          </span>
        )}
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void submit()}>
          <span aria-hidden="true">✓ </span>
          {t('start.submit')}
        </button>
      </div>
    </div>
  );
}
