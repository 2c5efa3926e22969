import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
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
    plugins: [
      react(),
      // Installable on the technician's phone; the service worker is ours (src/sw.ts) so it
      // can show pushes and open the job a notification names.
      VitePWA({
        strategies: 'injectManifest',
        srcDir: 'src',
        filename: 'sw.ts',
        registerType: 'autoUpdate',
        injectRegister: false,
        injectManifest: {
          globPatterns: ['**/*.{js,css,html,png,svg,json}'],
          maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        },
        manifest: {
          name: 'Fleet Monitor',
          short_name: 'Fleet',
          description: 'Payment-terminal jobs for field technicians, and the support centre',
          start_url: '/#/tech',
          scope: '/',
          display: 'standalone',
          orientation: 'portrait',
          theme_color: '#14213d',
          background_color: '#f3f5f8',
          lang: 'zh-CN',
          icons: [
            { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
            { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
            { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          ],
        },
      }),
    ],
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
