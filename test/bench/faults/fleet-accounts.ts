import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const DYNSEC_FILE_MAIN = resolve(__dirname, '../../../apps/api/dist/dynsec-file.js');

/**
 * Issues every simulated terminal its secret through the platform
 * (POST /terminals/{id}/credentials), as an operator would. With MQTT_DYNSEC_USER set the
 * platform writes each account into Mosquitto before answering; without, the secrets are
 * only stored, for writeAccountsFile. Returns id → secret.
 */
export async function issueSecrets(
  baseUrl: string,
  admin: { user: string; password: string },
  ids: readonly string[],
  log: (line: string) => void,
): Promise<Record<string, string>> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: admin.user, password: admin.password }),
  });
  if (!login.ok) throw new Error(`login: ${login.status}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const secrets: Record<string, string> = {};
  const started = Date.now();
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      const res = await fetch(`${baseUrl}/api/v1/terminals/${id}/credentials`, {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}` },
      });
      if (res.status !== 201) throw new Error(`credentials for ${id}: ${res.status} ${await res.text()}`);
      secrets[id] = ((await res.json()) as { password: string }).password;
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  log(`${ids.length} secrets issued in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return secrets;
}

/**
 * The bulk path of MOSQUITTO.md for a large fleet: `npm run broker:dynsec-file` writes every
 * account from the platform's database into the plugin's file (Mosquitto stopped meanwhile).
 */
export function writeAccountsFile(
  path: string,
  env: { databaseUrl: string; mqttUrl: string; dynsec: { username: string; password: string } },
): void {
  const run = spawnSync(process.execPath, [DYNSEC_FILE_MAIN, path], {
    encoding: 'utf8',
    env: {
      ...process.env,
      DATABASE_URL: env.databaseUrl,
      MQTT_URL: env.mqttUrl,
      MQTT_DYNSEC_USER: env.dynsec.username,
      MQTT_DYNSEC_PASSWORD: env.dynsec.password,
    },
  });
  if (run.status !== 0) throw new Error(`broker:dynsec-file failed: ${run.stderr}`);
}
