import type { DynsecControl } from './dynsec-control';
import { adminLockdownCommands, assertApplied, baselineCommands, INGESTOR_ROLE } from './dynsec-commands';

/**
 * Brings the broker to the platform's baseline, whatever it held before: repeatable at
 * every start. `what` names the setting to blame in the error (a one-line start-up failure).
 */
export async function applyBaseline(
  control: DynsecControl,
  options: { ingest: { username: string; password: string }; shareGroup: string },
  what: string,
): Promise<void> {
  const responses = await control.send(baselineCommands(options));
  assertApplied(responses, what);
  // Mosquitto 2.0 answers a repeated addClientRole with "Internal error": add it only if missing.
  const roles = (responses.at(-1)?.data as { client?: { roles?: Array<{ rolename: string }> } } | undefined)
    ?.client?.roles;
  if (!roles?.some((role) => role.rolename === INGESTOR_ROLE)) {
    const add = { command: 'addClientRole', username: options.ingest.username, rolename: INGESTOR_ROLE };
    assertApplied(await control.send([add]), what);
  }
  // The first lockdown may cost the admin its connection before the answer; the repeat answers.
  const lockdown = adminLockdownCommands();
  assertApplied(await control.send(lockdown).catch(() => control.send(lockdown)), what);
}
