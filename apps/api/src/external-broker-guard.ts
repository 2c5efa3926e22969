import type { AppConfig } from './config/app-config';

/**
 * With MQTT_URL the broker, not the platform, decides who may publish: say so when the
 * platform was given no way to tell it (neither Mosquitto's dynamic security nor EMQX's hook).
 */
export function externalBrokerUnguarded(config: AppConfig): string | undefined {
  if (!config.deviceAuth || config.mqttUrl === undefined) return undefined;
  if (config.mqttDynsec || config.emqxHookSecret) return undefined;
  return 'FLEET_DEVICE_AUTH=on with MQTT_URL: the platform keeps no broker accounts (set MQTT_DYNSEC_USER for Mosquitto or EMQX_HOOK_SECRET for EMQX); the broker alone decides who may publish';
}
