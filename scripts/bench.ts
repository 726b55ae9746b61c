// `npm run bench -- <name> [options]`: runs one benchmark script; each prints figures and a last JSON line.
export {};

const benches: Record<string, () => Promise<{ run: (args: string[]) => Promise<void> }>> = {
  engine: () => import('./bench/engine-bench'),
  transition: () => import('./bench/transition-bench'),
  inbox: () => import('./bench/inbox-bench'),
  http: () => import('./bench/http-bench'),
  peers: () => import('./bench/peers-bench'),
  memory: () => import('./bench/memory-bench'),
  reports: () => import('./bench/reports-bench'),
};

const [benchName, ...args] = process.argv.slice(2);
const load = benchName ? benches[benchName] : undefined;
if (!load) {
  console.error(`usage: npm run bench -- <${Object.keys(benches).join('|')}> [options]`);
  process.exit(2);
}
await (await load()).run(args);
