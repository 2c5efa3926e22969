import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
export const WEB_DIST_INDEX = join(ROOT, 'apps/web/dist/index.html');

/**
 * The platform serves apps/web/dist. Builds it when missing, or always with
 * BENCH_BUILD_WEB=1 (to measure the dashboard's current sources).
 */
export function ensureWebBuild(log: (line: string) => void): void {
  const forced = process.env.BENCH_BUILD_WEB === '1';
  if (existsSync(WEB_DIST_INDEX) && !forced) {
    log(`web: using the existing build in apps/web/dist (BENCH_BUILD_WEB=1 rebuilds it)`);
    return;
  }
  log(`web: building the dashboard (npm run build -w apps/web) ...`);
  execFileSync('npm', ['run', 'build', '-w', 'apps/web'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (!existsSync(WEB_DIST_INDEX)) throw new Error(`web build produced no ${WEB_DIST_INDEX}`);
}
