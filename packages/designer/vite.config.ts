import { defineConfig } from 'vite';

/**
 * The web app's build: plain Vite (its own JSX transform, no React plugin: no fast refresh needed),
 * output in dist/ which the server serves. `npm run dev -w @flowform/designer` proxies /api to a
 * server on port 3000.
 */
export default defineConfig({
  root: import.meta.dirname,
  build: {
    outDir: process.env.FLOWFORM_DESIGNER_OUT ?? 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
