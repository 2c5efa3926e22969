import { chmod, mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { DeviceCredentialsRepository } from './device-credentials.repository';
import { mosquittoPasswordHash } from './device-secret-hash';

export interface BrokerLogin {
  username: string;
  password: string;
}

export interface MosquittoAuthFilePaths {
  passwordFile: string;
  aclFile: string;
}

/**
 * Mosquitto's `password_file` and `acl_file` for an external broker: every terminal with
 * an issued secret, plus the ingestor. See MOSQUITTO.md for the broker configuration.
 */
@Injectable()
export class MosquittoAuthFiles {
  constructor(private readonly credentials: DeviceCredentialsRepository) {}

  /** Writes `mosquitto.passwd` and `mosquitto.acl` into `dir`, each replaced atomically. */
  async write(dir: string, ingest: BrokerLogin): Promise<MosquittoAuthFilePaths> {
    await mkdir(dir, { recursive: true });
    const terminals = await this.credentials.brokerHashes();
    const passwd = [
      `${ingest.username}:${mosquittoPasswordHash(ingest.password)}`,
      ...terminals.map(({ terminalId, brokerHash }) => `${terminalId}:${brokerHash}`),
    ];
    const paths = { passwordFile: join(dir, 'mosquitto.passwd'), aclFile: join(dir, 'mosquitto.acl') };
    await writeAtomically(paths.passwordFile, `${passwd.join('\n')}\n`);
    await writeAtomically(paths.aclFile, aclFor(ingest.username));
    return paths;
  }
}

export function aclFor(ingestUsername: string): string {
  return [
    '# The ingestor reads every terminal; it publishes nothing.',
    `user ${ingestUsername}`,
    'topic read fleet/v1/#',
    '',
    '# Every terminal (username = terminal id) publishes and reads only its own subtree.',
    'pattern write fleet/v1/%u/#',
    'pattern read fleet/v1/%u/#',
    '',
  ].join('\n');
}

async function writeAtomically(path: string, content: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  // Hashes only, but still nobody else's business; Mosquitto warns about world-readable files.
  await writeFile(temporary, content, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, path);
}
