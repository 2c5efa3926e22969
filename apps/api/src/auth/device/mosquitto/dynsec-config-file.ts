import { INGESTOR_ROLE, terminalRole } from './dynsec-commands';
import { mosquittoPasswordHash } from '../device-secret-hash';

/**
 * The dynamic-security plugin's whole file, made from what the platform stores, for a
 * broker that starts with every account at once (a first deployment of a large fleet, or a
 * broker whose data volume was lost). The live path (`MosquittoDynsecAccounts`) writes one
 * account per command, and Mosquitto 2.0 rewrites this file after each, which grows with the
 * fleet; written whole, 100,000 accounts cost one file. Same accounts as the live path.
 *
 * Terminal passwords come from `device_credentials.broker_hash`: `$7$<rounds>$<salt>$<hash>`
 * is PBKDF2-SHA512, exactly what the plugin keeps as `iterations`, `salt` and `password`.
 */
export interface DynsecFileInput {
  admin: { username: string; password: string };
  ingest: { username: string; password: string };
  shareGroup: string;
  terminals: ReadonlyArray<{ terminalId: string; brokerHash: string }>;
}

interface DynsecClient {
  username: string;
  clientid?: string;
  password: string;
  salt: string;
  iterations: number;
  roles: Array<{ rolename: string }>;
}

const ADMIN_ROLE = 'admin';
const CONTROL = '$CONTROL/dynamic-security/#';

export function dynsecConfigFile(input: DynsecFileInput): string {
  const allow = (acltype: string, topic: string) => ({ acltype, topic, priority: 0, allow: true });
  const config = {
    defaultACLAccess: {
      publishClientSend: false,
      publishClientReceive: false,
      subscribe: false,
      unsubscribe: true,
    },
    clients: [
      client(input.admin.username, mosquittoPasswordHash(input.admin.password), ADMIN_ROLE),
      client(input.ingest.username, mosquittoPasswordHash(input.ingest.password), INGESTOR_ROLE),
      ...input.terminals.map(({ terminalId, brokerHash }) => ({
        ...client(terminalId, brokerHash, terminalRole(terminalId)),
        clientid: terminalId,
      })),
    ],
    groups: [],
    roles: [
      {
        rolename: ADMIN_ROLE,
        acls: [
          allow('publishClientSend', CONTROL),
          allow('publishClientReceive', CONTROL),
          allow('subscribePattern', CONTROL),
          allow('publishClientReceive', '$SYS/#'),
          allow('subscribePattern', '$SYS/#'),
          allow('unsubscribePattern', '#'),
        ],
      },
      {
        rolename: INGESTOR_ROLE,
        acls: [
          allow('subscribePattern', 'fleet/v1/#'),
          allow('subscribePattern', `$share/${input.shareGroup}/fleet/v1/#`),
          allow('publishClientReceive', 'fleet/v1/#'),
        ],
      },
      ...input.terminals.map(({ terminalId }) => ({
        rolename: terminalRole(terminalId),
        acls: [allow('publishClientSend', `fleet/v1/${terminalId}/#`)],
      })),
    ],
  };
  return `${JSON.stringify(config, null, 1)}\n`;
}

function client(username: string, brokerHash: string, rolename: string): DynsecClient {
  const match = /^\$7\$(\d+)\$([^$]+)\$([^$]+)$/.exec(brokerHash);
  if (!match) throw new Error(`the stored broker hash of ${username} is not $7$ (PBKDF2-SHA512)`);
  return {
    username,
    password: match[3]!,
    salt: match[2]!,
    iterations: Number(match[1]),
    roles: [{ rolename }],
  };
}
