import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// Every spec sees one fixed zone, so clock-time labels can be asserted exactly on any machine.
process.env.TZ = 'UTC';

const telemetrySrc = fileURLToPath(new URL('./libs/telemetry/src/', import.meta.url));
const simulatorSrc = fileURLToPath(new URL('./apps/simulator/src/', import.meta.url));

export default defineConfig({
  // SWC keeps NestJS decorator metadata, which esbuild drops.
  plugins: [swc.vite({ module: { type: 'es6' } })],
  resolve: {
    alias: [
      { find: /^@fleet\/telemetry\/(.*)$/, replacement: `${telemetrySrc}$1` },
      { find: /^@fleet\/simulator\/(.*)$/, replacement: `${simulatorSrc}$1` },
    ],
  },
  test: {
    include: ['{apps,libs,test}/**/*.spec.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Medium tests each start brokers and databases; two cores do not want more.
    maxWorkers: 2,
  },
});
