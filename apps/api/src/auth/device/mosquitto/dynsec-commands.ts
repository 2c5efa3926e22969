import type { DynsecCommand, DynsecResponse } from './dynsec-control';

/**
 * What the platform keeps in Mosquitto's dynamic-security plugin. Mosquitto 2.0 has no `%u`
 * in these ACLs (2.1 adds it), so every terminal gets a role of its own naming its subtree.
 */
export const INGESTOR_ROLE = 'fleet-ingestor';
export const terminalRole = (terminalId: string) => `fleet-terminal-${terminalId}`;

/** `mosquitto_ctrl dynsec init` names the admin's role `admin`. */
const ADMIN_ROLE = 'admin';

/** Per command, the errors that only say the wanted state is already there (a repeat). */
const ALREADY_THERE: Record<string, RegExp> = {
  createRole: /already exists/i,
  createClient: /already exists/i,
  addRoleACL: /already exists/i,
  removeRoleACL: /not found/i,
};

/**
 * Deny by default; the ingestor alone subscribes to the fleet (directly or in its share
 * group) and receives it; the admin keeps only the control topics and `$SYS`.
 */
export function baselineCommands(options: {
  ingest: { username: string; password: string };
  shareGroup: string;
}): DynsecCommand[] {
  const { ingest, shareGroup } = options;
  const allow = (acltype: string, topic: string) => ({ acltype, topic, priority: 0, allow: true });
  return [
    {
      command: 'setDefaultACLAccess',
      acls: [
        { acltype: 'publishClientSend', allow: false },
        { acltype: 'publishClientReceive', allow: false },
        { acltype: 'subscribe', allow: false },
        { acltype: 'unsubscribe', allow: true },
      ],
    },
    { command: 'createRole', rolename: INGESTOR_ROLE, textname: 'Fleet Monitor ingestor: reads the fleet' },
    { command: 'addRoleACL', rolename: INGESTOR_ROLE, ...allow('subscribePattern', 'fleet/v1/#') },
    {
      command: 'addRoleACL',
      rolename: INGESTOR_ROLE,
      ...allow('subscribePattern', `$share/${shareGroup}/fleet/v1/#`),
    },
    { command: 'addRoleACL', rolename: INGESTOR_ROLE, ...allow('publishClientReceive', 'fleet/v1/#') },
    {
      command: 'createClient',
      username: ingest.username,
      password: ingest.password,
      roles: [{ rolename: INGESTOR_ROLE }],
    },
    // The client may have existed with another password (its role: see applyBaseline).
    { command: 'setClientPassword', username: ingest.username, password: ingest.password },
    { command: 'getClient', username: ingest.username },
  ];
}

/**
 * `mosquitto_ctrl dynsec init` lets the admin read everything; the platform never needs to.
 * Changing the admin's role makes Mosquitto disconnect the admin (to re-check its ACLs), so
 * this goes alone, and a repeat finds nothing left to remove.
 */
export function adminLockdownCommands(): DynsecCommand[] {
  return ['publishClientReceive', 'subscribePattern'].map((acltype) => ({
    command: 'removeRoleACL',
    rolename: ADMIN_ROLE,
    acltype,
    topic: '#',
  }));
}

/**
 * A terminal's account with its new secret: publish only under its own subtree, nothing
 * else, and only as client id = terminal id (so nobody can take over its session).
 */
export function terminalSecretCommands(terminalId: string, password: string): DynsecCommand[] {
  const rolename = terminalRole(terminalId);
  return [
    // Mosquitto 2.0 ignores `acls` given to createRole: the ACL is its own command.
    { command: 'createRole', rolename },
    {
      command: 'addRoleACL',
      rolename,
      acltype: 'publishClientSend',
      topic: `fleet/v1/${terminalId}/#`,
      priority: 0,
      allow: true,
    },
    { command: 'createClient', username: terminalId, clientid: terminalId, password, roles: [{ rolename }] },
    // A rotation: the account exists, only its password changes.
    { command: 'setClientPassword', username: terminalId, password },
  ];
}

/** Throws on the first response that is a real failure, not "already there". */
export function assertApplied(responses: DynsecResponse[], what: string): void {
  const failed = responses.find(
    (response) => response.error && !ALREADY_THERE[response.command]?.test(response.error),
  );
  if (failed) throw new Error(`${what}: the broker refused ${failed.command} (${failed.error})`);
}
