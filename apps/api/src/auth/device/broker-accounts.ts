/**
 * Accounts an external broker keeps for terminals, which the platform must update when it
 * issues a secret (Mosquitto's dynamic security). Absent when the broker asks the platform
 * instead (embedded broker, EMQX's HTTP hook).
 */
export interface BrokerAccounts {
  setTerminalSecret(terminalId: string, password: string): Promise<void>;
}

export const BROKER_ACCOUNTS = Symbol('BROKER_ACCOUNTS');
