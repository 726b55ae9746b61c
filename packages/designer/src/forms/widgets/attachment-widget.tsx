import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';
import { type ChangeEvent, useState } from 'react';
import { api } from '../../api/endpoints';
import { ApiError } from '../../api/http';
import { formContextOf } from '../form-context';

/**
 * A file attached to the case: uploads to `POST /api/instances/:id/attachments` and keeps the
 * attachment id as the value. The file name is shown as text; the download link is ours.
 */
export function AttachmentWidget(props: WidgetProps) {
  const { id, value, onChange, readonly, disabled, rawErrors } = props;
  const { t, instanceId } = formContextOf(props.registry);
  const [state, setState] = useState<{ busy?: boolean; name?: string; error?: string }>({});
  if (!instanceId) return <p className="muted small">{t('form.attachment.afterStart')}</p>;
  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setState({ busy: true });
    try {
      const saved = await api.upload(instanceId, file);
      onChange(saved.id);
      setState({ name: saved.filename });
    } catch (error) {
      const detail = error instanceof ApiError ? (error.detail ?? error.title) : String(error);
      setState({ error: t('form.attachment.failed', { detail }) });
    }
  };
  return (
    <div className="attachment">
      {typeof value === 'string' && value && (
        <a href={api.attachmentUrl(instanceId, value)} download className="small">
          {t('form.attachment.download', { name: state.name ?? value })}
        </a>
      )}
      {!readonly && !disabled && (
        <input
          id={id}
          type="file"
          className="form-control"
          aria-invalid={(rawErrors?.length ?? 0) > 0 || undefined}
          aria-describedby={ariaDescribedByIds(id)}
          onChange={(e) => void upload(e)}
        />
      )}
      <span role="status" className="small">
        {state.busy
          ? t('form.attachment.uploading')
          : state.name
            ? t('form.attachment.uploaded', { name: state.name })
            : ''}
      </span>
      {state.error && (
        <span role="alert" className="error-text small">
          {state.error}
        </span>
      )}
    </div>
  );
}
