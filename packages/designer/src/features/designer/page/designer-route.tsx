/** The designer's entry, loaded on demand: the list, or one definition; administrators only. */
import '@xyflow/react/dist/style.css';
import '../canvas/canvas.css';
import '../designer.css';
import { useMe } from '../../../state/session';
import { useDesignerText } from '../i18n/use-designer-text';
import { DesignerListPage } from './designer-list-page';
import { DesignerPage } from './designer-page';

export default function DesignerRoute({ definitionKey }: { definitionKey?: string }) {
  const me = useMe();
  const { dt } = useDesignerText();
  if (!me.isAdmin)
    return (
      <div className="page">
        <p role="alert">{dt('list.adminOnly')}</p>
      </div>
    );
  return definitionKey ? (
    <DesignerPage key={definitionKey} definitionKey={definitionKey} />
  ) : (
    <DesignerListPage />
  );
}
