import { defineConfig } from 'vite';

/** No chunk above this: the first screen on a slow line loads only what it needs. */
const CHUNK_LIMIT = 480_000;

/**
 * The web app's build: plain Vite (its own JSX transform, no React plugin: no fast refresh needed),
 * output in dist/ which the server serves. `npm run dev -w @flowform/designer` proxies /api to a
 * server on port 3000. Libraries go to their own chunks (React, the charts, the designer's canvas,
 * the rest split by which screens use them), each under 500 KB; the designer, organisation and
 * reports screens load lazily.
 */
export default defineConfig({
  root: import.meta.dirname,
  build: {
    outDir: process.env.FLOWFORM_DESIGNER_OUT ?? 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // ELK's layout engine (one 1.46 MB GWT file) is not a chunk: it is emitted as it is and runs
    // in a Web Worker (canvas/layout.ts). ECharts is cut only at its package boundary (zrender):
    // split by size, its classes ran before their base classes were defined.
    chunkSizeWarningLimit: 500,
    rolldownOptions: {
      onLog(level, log, handler) {
        // rjsf and xyflow mark modules 'use client' (a React server components hint): no meaning here.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 40 },
            {
              name: 'echarts',
              test: /node_modules[\\/]echarts[\\/]/,
              priority: 30,
            },
            // zrender is its own package (echarts imports it, never the reverse): a clean cut.
            { name: 'zrender', test: /node_modules[\\/]zrender[\\/]/, priority: 31 },
            {
              name: 'canvas',
              test: /node_modules[\\/](@xyflow|elkjs|d3-[a-z]+)[\\/]/,
              priority: 20,
              maxSize: CHUNK_LIMIT,
            },
            { name: 'vendor', test: /node_modules/, priority: 10, maxSize: CHUNK_LIMIT, entriesAware: true },
            { name: 'app', maxSize: CHUNK_LIMIT, entriesAware: true },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
