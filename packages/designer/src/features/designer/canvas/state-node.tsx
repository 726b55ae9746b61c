/** A state on the canvas: kind, name, id, problems and what the simulator marks; text only, never HTML. */
import { Handle, type NodeProps, Position } from '@xyflow/react';
import type { DesignerKey } from '../i18n/designer-messages';
import { useDesignerText } from '../i18n/use-designer-text';
import type { StateNodeData } from './flow-elements';

const ICON: Record<string, string> = {
  task: '▣',
  decision: '◇',
  parallel: '⇉',
  timer: '◷',
  child: '↳',
  end: '■',
  group: '▭',
  state: '○',
};

function Badges({ data }: { data: StateNodeData }) {
  const { dt } = useDesignerText();
  return (
    <>
      {data.initial && <span className="node-badge node-initial">{dt('canvas.initial')}</span>}
      {data.problems > 0 && (
        <span className="node-badge node-problems" title={dt('canvas.problems', { count: data.problems })}>
          ! {data.problems}
        </span>
      )}
    </>
  );
}

export function StateNode({ data, selected }: NodeProps & { data: StateNodeData }) {
  const { dt } = useDesignerText();
  const classes = [
    'ff-node',
    `ff-node-${data.kind}`,
    selected ? 'is-selected' : '',
    data.problems ? 'has-problems' : '',
    data.mark ? `is-${data.mark}` : '',
  ];
  return (
    <div className={classes.filter(Boolean).join(' ')} data-state={data.detail}>
      <Handle type="target" position={Position.Top} />
      <div className="ff-node-kind">
        <span aria-hidden="true">{ICON[data.kind] ?? '○'}</span>{' '}
        {data.note ?? dt(`kind.${data.kind}` as DesignerKey)}
      </div>
      <div className="ff-node-label">{data.label}</div>
      <Badges data={data} />
      {data.kind !== 'end' && <Handle type="source" position={Position.Bottom} />}
    </div>
  );
}

export function GroupNode({ data, selected }: NodeProps & { data: StateNodeData }) {
  const { dt } = useDesignerText();
  const classes = [
    'ff-group',
    `ff-group-${data.kind}`,
    selected ? 'is-selected' : '',
    data.problems ? 'has-problems' : '',
    data.mark ? `is-${data.mark}` : '',
  ];
  return (
    <div className={classes.filter(Boolean).join(' ')} data-state={data.detail}>
      <Handle type="target" position={Position.Top} />
      <div className="ff-group-title">
        <span aria-hidden="true">{ICON[data.kind] ?? '▭'}</span> {data.label}
        <span className="ff-group-kind">{data.note ?? dt(`kind.${data.kind}` as DesignerKey)}</span>
      </div>
      <Badges data={data} />
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
}

export function StartNode() {
  return (
    <div className="ff-start" aria-hidden="true">
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}
