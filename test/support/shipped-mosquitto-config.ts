import { chmodSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/*
 * The shipped docker/mosquitto/mosquitto.conf adapted to a test machine, for the specs of
 * test/docker and for bench:faults (which runs under plain node, so nothing here may use
 * import.meta).
 */

/** Debian's path of the plugin the eclipse-mosquitto image has at /usr/lib/. */
export const DYNSEC_PLUGIN = '/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so';

export interface TestPaths {
  port: number;
  tlsPort: number;
  dataDir: string;
  certFile: string;
  keyFile: string;
}

/**
 * The shipped config with only what differs on a test machine replaced: the two listeners
 * (free loopback ports), the data folder, the certificate paths and where Debian keeps the
 * dynamic-security plugin. Throws when a line it replaces is gone, so the shipped file and
 * this test cannot drift apart silently.
 */
export function configForTest(shipped: string, paths: TestPaths): string {
  const replacements: Array<[RegExp, string]> = [
    [/^listener 1883 0\.0\.0\.0$/m, `listener ${paths.port} 127.0.0.1`],
    [/^listener 8883 0\.0\.0\.0$/m, `listener ${paths.tlsPort} 127.0.0.1`],
    [/^certfile .*$/m, `certfile ${paths.certFile}`],
    [/^keyfile .*$/m, `keyfile ${paths.keyFile}`],
    [/^plugin \/usr\/lib\/mosquitto_dynamic_security\.so$/m, `plugin ${DYNSEC_PLUGIN}`],
    [/^plugin_opt_config_file .*$/m, `plugin_opt_config_file ${paths.dataDir}/dynamic-security.json`],
    [/^persistence_location .*$/m, `persistence_location ${paths.dataDir}/`],
  ];
  return replacements.reduce((config, [line, replacement]) => {
    if (!line.test(config)) throw new Error(`mosquitto.conf no longer has a line matching ${line}`);
    return config.replace(line, replacement);
  }, shipped);
}

/** A throwaway certificate for 127.0.0.1, as an operator would mount at /mosquitto/certs. */
export function writeSelfSignedCertificate(certFile: string, keyFile: string): void {
  const subject = ['-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'];
  const run = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      ...subject,
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { encoding: 'utf8' },
  );
  if (run.status !== 0)
    throw new Error(`openssl could not make a test certificate: ${run.stderr || String(run.error)}`);
  // Mosquitto reads them as its own user.
  chmodSync(certFile, 0o644);
  chmodSync(keyFile, 0o644);
}
