import type { StateDef } from '../definition/definition-types';
import { isWithin } from './state-index';

/**
 * The states a return (退回) from `source` to `target` enters. Returning into a parallel state the
 * source is outside of reopens only the branch returned to: every other region of that parallel
 * state goes back to its final state (the one it finished in, when it has exactly one), so its work
 * is not asked for again. A region with none or several final states starts over, as before.
 */
export function returnTargetPaths(
  states: Record<string, StateDef>,
  source: string,
  target: string,
): string[] {
  const segments = target.split('.');
  const paths = [target];
  let level: Record<string, StateDef> | undefined = states;
  for (let i = 0; i < segments.length - 1 && level; i++) {
    const prefix = segments.slice(0, i + 1).join('.');
    const node: StateDef | undefined = level[segments[i]!];
    if (!node) break;
    if (node.type === 'parallel' && !isWithin(source, prefix)) {
      for (const [region, def] of Object.entries(node.states ?? {})) {
        if (region === segments[i + 1]) continue;
        const finals = Object.entries(def.states ?? {}).filter(([, s]) => s.type === 'final');
        if (finals.length === 1) paths.push(`${prefix}.${region}.${finals[0]![0]}`);
      }
    }
    level = node.states;
  }
  return paths;
}
