// Reads a V8 `.cpuprofile` (node --cpu-prof) and prints where the self time went: the top
// functions, and shares by origin (each npm package, each Flowform package, Node's internals,
// garbage collection, idle).
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function origin(url: string, name: string): string {
  if (name === '(garbage collector)') return 'gc';
  if (name === '(idle)' || name === '(program)') return name;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const own = /packages\/([^/]+)\//.exec(url);
  if (own) return `@flowform/${own[1]}`;
  if (url.startsWith('node:') || url === '') return 'node internals';
  return url;
}

/** Self time per function and per origin, in ms, from one profile file. */
export function summarizeProfile(file: string, top = 25): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const byFunction = new Map<string, number>();
  const byOrigin = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    const from = origin(url, functionName);
    byOrigin.set(from, (byOrigin.get(from) ?? 0) + us);
    if (from === '(idle)') continue;
    busy += us;
    const key = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules|packages)\//, '$1/')}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / busy).toFixed(1)}%`;
  const lines = [`busy ${(busy / 1000).toFixed(0)} ms (idle excluded); by origin:`];
  for (const [k, us] of [...byOrigin].sort((a, b) => b[1] - a[1]).slice(0, 20))
    if (k !== '(idle)') lines.push(`  ${pct(us).padStart(6)}  ${k}`);
  lines.push('top functions (self time):');
  for (const [k, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top))
    lines.push(`  ${pct(us).padStart(6)}  ${k}`);
  return lines.join('\n');
}
