import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';
import { parseEnv } from './src/lib/env-schema.ts';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const telemetrySrc = fileURLToPath(new URL('../../libs/telemetry/src/', import.meta.url));
// The NestJS app serves /api, the socket and Prometheus metrics; in dev Vite forwards them.
const apiOrigin = 'http://localhost:3000';

export default defineConfig(({ mode }) => {
  // Fail the build, not the browser, on a bad VITE_* value.
  parseEnv(loadEnv(mode, webRoot, 'VITE_'));
  return {
    root: webRoot,
    plugins: [react()],
    resolve: {
      // Same subpath alias as tsconfig paths: shared schemas come from source, not a built dist.
      alias: [{ find: /^@fleet\/telemetry\/(.*)$/, replacement: `${telemetrySrc}$1` }],
    },
    // The largest chunks are the Natural Earth basemap data and recharts, each loaded on demand.
    build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 800 },
    server: {
      proxy: {
        '/api': apiOrigin,
        '/metrics': apiOrigin,
        '/socket.io': { target: apiOrigin, ws: true },
      },
    },
  };
});
