import { ConfigError, loadConfig } from './config/app-config';
import { startPlatform } from './platform';
import { describeStartupError } from './startup-errors';

/** Production entry point: everything from the environment, nothing assumed. */
export async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`fleet: ${(error as ConfigError).message}\n`);
    process.exit(1);
  }
  try {
    const platform = await startPlatform(config);
    process.stdout.write(
      `fleet: dashboard and API at ${platform.url} (API docs at ${platform.url}/api/docs)\n`,
    );
  } catch (error) {
    process.stderr.write(`fleet: start-up failed: ${describeStartupError(error, config)}\n`);
    process.exit(1);
  }
}

// Run when started directly (node dist/main.js); demo.ts calls main() itself.
if (require.main === module) void main();
