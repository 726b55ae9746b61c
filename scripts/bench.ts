// `npm run bench -- <name> [options]`: runs one benchmark script; each prints figures and a last JSON line.
const benches: Record<string, () => Promise<{ run: (args: string[]) => Promise<void> }>> = {
  engine: () => import('./bench/engine-bench'),
};

const [name, ...args] = process.argv.slice(2);
const load = name ? benches[name] : undefined;
if (!load) {
  console.error(`usage: npm run bench -- <${Object.keys(benches).join('|')}> [options]`);
  process.exit(2);
}
await (await load()).run(args);
