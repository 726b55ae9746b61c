// The `flowform` command as one prebuilt JavaScript file (packages/server/dist/flowform.js), so a
// start loads one module instead of compiling ~450 TypeScript sources through tsx's loader hooks
// (4 s → well under 1 s on the development machine). Built with esbuild (~1 s) whenever it is
// missing or older than any file it was built from; npm packages stay outside it (imported where
// the source that names them would find them), only the workspace's own sources are bundled.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVER = join(import.meta.dirname, '..');
const ROOT = join(SERVER, '../..');
const OUT_DIR = join(SERVER, 'dist');
const BUNDLE = join(OUT_DIR, 'flowform.js');
/** The files the bundle was built from (repo-relative), to tell when it is out of date. */
const INPUTS = join(OUT_DIR, 'flowform.inputs.json');
const ENTRY = join(SERVER, 'src/cli/main.ts');

/** What `sourceLocations` rewrites `import.meta.dirname` and `import.meta.url` to. */
const SOURCE_LOCATION_HELPERS = [
  "import { join as __flowformJoin } from 'node:path';",
  "import { pathToFileURL as __flowformToUrl } from 'node:url';",
  'const __flowformPath = (rel) => __flowformJoin(import.meta.dirname, rel);',
  'const __flowformUrl = (rel) => __flowformToUrl(__flowformPath(rel)).href;',
].join('\n');

/** The bundle's path when it exists and no file it was built from (nor this builder) is newer. */
export function freshBundle() {
  if (!existsSync(BUNDLE) || !existsSync(INPUTS)) return undefined;
  try {
    const built = statSync(BUNDLE).mtimeMs;
    const inputs = JSON.parse(readFileSync(INPUTS, 'utf8'));
    if (inputs.root !== ROOT) return undefined;
    for (const file of [...inputs.files, relative(ROOT, fileURLToPath(import.meta.url))])
      if (statSync(join(ROOT, file)).mtimeMs > built) return undefined;
    return BUNDLE;
  } catch {
    return undefined; // an input was removed or renamed: rebuild
  }
}

/** Builds the bundle (written beside, then renamed: concurrent starts never read half a file). */
export async function buildBundle() {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
    outfile: BUNDLE,
    absWorkingDir: ROOT,
    banner: { js: SOURCE_LOCATION_HELPERS },
    plugins: [externalPackages(), sourceLocations()],
  });
  mkdirSync(OUT_DIR, { recursive: true });
  const suffix = `.${process.pid}.tmp`;
  const files = Object.keys(result.metafile.inputs);
  writeFileSync(BUNDLE + suffix, result.outputFiles[0].contents);
  writeFileSync(INPUTS + suffix, JSON.stringify({ root: ROOT, files }));
  renameSync(INPUTS + suffix, INPUTS);
  renameSync(BUNDLE + suffix, BUNDLE);
  return BUNDLE;
}

/**
 * npm packages are imported, not bundled (JSON files excepted): by name when the bundle's place
 * finds the same copy the importing source would, else by a relative path to that source's copy
 * (a workspace package may hold its own version, e.g. packages/bpmn/node_modules/bpmn-moddle).
 */
function externalPackages() {
  return {
    name: 'flowform-external-packages',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.path.startsWith('@flowform/') || args.path.endsWith('.json') || args.pluginData?.inner)
          return undefined;
        if (args.path.startsWith('node:')) return { external: true };
        const name = args.path
          .split('/')
          .slice(0, args.path.startsWith('@') ? 2 : 1)
          .join('/');
        if (packageDir(args.resolveDir, name) === packageDir(OUT_DIR, name)) return { external: true };
        const resolved = await build.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          pluginData: { inner: true },
        });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        return { path: `./${relative(OUT_DIR, resolved.path).split(sep).join('/')}`, external: true };
      });
    },
  };
}

/** The node_modules folder Node would find package `name` in, starting from `dir`. */
function packageDir(dir, name) {
  for (let at = dir; ; at = dirname(at)) {
    const candidate = join(at, 'node_modules', name);
    if (existsSync(candidate)) return candidate;
    if (dirname(at) === at) return undefined;
  }
}

/**
 * `import.meta.dirname` and `import.meta.url` in a bundled source keep meaning that source's own
 * place (they find the seed files and the web app's build), relative to wherever the bundle is.
 */
function sourceLocations() {
  return {
    name: 'flowform-source-locations',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta.')) return undefined;
        const dir = JSON.stringify(relative(OUT_DIR, dirname(args.path)).split(sep).join('/'));
        const file = JSON.stringify(relative(OUT_DIR, args.path).split(sep).join('/'));
        const contents = text
          .replaceAll('import.meta.dirname', `__flowformPath(${dir})`)
          .replaceAll('import.meta.url', `__flowformUrl(${file})`);
        return { contents, loader: 'ts' };
      });
    },
  };
}
