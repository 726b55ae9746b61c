/** The designer's start: every process (published or drafted) with its running cases; create a new one. */
import { useState } from 'react';
import { ApiError } from '../../../api/http';
import { formatDateTime, pick } from '../../../i18n/format';
import { Link, navigate } from '../../../state/navigation';
import { ErrorState, Loading } from '../../../ui/status-views';
import { useAsync } from '../../../ui/use-async';
import { designerApi } from '../api/designer-api';
import { useDesignerText } from '../i18n/use-designer-text';
import { emptyDoc } from '../model/design-doc';
import { parseBundle } from '../versions/bundle-io';
import { FileButton } from '../versions/file-button';

const KEY = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export function DesignerListPage() {
  const { dt, locale } = useDesignerText();
  const list = useAsync(() => designerApi.list(), 'designer-list');
  const [key, setKey] = useState('');
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [error, setError] = useState<string>();
  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading />;
  const items = list.data.items;
  const create = async () => {
    if (!KEY.test(key)) return setError(dt('list.keyInvalid'));
    if (items.some((i) => i.key === key)) return setError(dt('list.keyTaken'));
    try {
      await designerApi.saveDraft(key, emptyDoc(key, { 'zh-CN': zh || key, en: en || key }));
      navigate(`/designer/${encodeURIComponent(key)}`);
    } catch (e) {
      setError(e instanceof ApiError ? (e.detail ?? e.title) : String(e));
    }
  };
  const importFile = async (file: File) => {
    try {
      const bundle = parseBundle(await file.text());
      await designerApi.saveDraft(bundle.definition.key, bundle);
      navigate(`/designer/${encodeURIComponent(bundle.definition.key)}`);
    } catch (e) {
      setError(e instanceof ApiError ? (e.detail ?? e.title) : e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="page ff-designer-list">
      <h1>{dt('list.title')}</h1>
      <p className="ff-muted">{dt('list.intro')}</p>
      <ul className="ff-definition-list">
        {items.map((item) => (
          <li key={item.key} className="card">
            <Link
              to={`/designer/${encodeURIComponent(item.key)}`}
              aria-label={dt('list.open', { name: pick(item.name, locale, item.key) })}
            >
              <strong>{pick(item.name, locale, item.key)}</strong> <code>{item.key}</code>
            </Link>
            <span className="ff-muted">
              {item.latestVersion
                ? dt('list.version', { version: item.latestVersion })
                : dt('list.unpublished')}
              {' · '}
              {dt('list.running', { count: item.runningCases })}
              {item.draft
                ? ` · ${dt('list.draft', { who: item.draft.updatedBy, when: formatDateTime(locale, item.draft.updatedAt) })}`
                : ''}
            </span>
          </li>
        ))}
      </ul>
      <form
        className="card ff-new"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <h2>{dt('list.new')}</h2>
        <label htmlFor="ff-new-key">{dt('list.newKey')}</label>
        <input
          id="ff-new-key"
          name="key"
          value={key}
          onChange={(e) => setKey(e.target.value.trim())}
          autoComplete="off"
        />
        <label htmlFor="ff-new-zh">{dt('list.newName')}</label>
        <input id="ff-new-zh" name="name" value={zh} onChange={(e) => setZh(e.target.value)} />
        <label htmlFor="ff-new-en">{dt('list.newNameEn')}</label>
        <input id="ff-new-en" name="nameEn" value={en} onChange={(e) => setEn(e.target.value)} />
        {error && (
          <p className="ff-error" role="alert">
            {error}
          </p>
        )}
        <div className="ff-row">
          <button type="submit" className="btn btn-primary">
            {dt('list.create')}
          </button>
          <FileButton
            label={dt('list.import')}
            accept="application/json,.json"
            onFile={(file) => void importFile(file)}
          />
        </div>
      </form>
    </div>
  );
}
