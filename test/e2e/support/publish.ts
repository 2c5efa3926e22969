import { connectAsync, type MqttClient } from 'mqtt';

/**
 * Speaks to the platform's broker like a terminal: QoS 1 JSON messages on
 * fleet/v1/{tid}/{channel} (the demo runs with device authentication off).
 */
export class TerminalPublisher {
  private seq = 1_000_000;

  private constructor(private readonly client: MqttClient) {}

  static async connect(mqttUrl: string): Promise<TerminalPublisher> {
    const client = await connectAsync(mqttUrl, {
      clientId: `e2e-${process.pid}-${Date.now()}`,
      reconnectPeriod: 0,
    });
    return new TerminalPublisher(client);
  }

  async publish(terminalId: string, channel: string, fields: Record<string, unknown>): Promise<void> {
    const payload = JSON.stringify({ ts: new Date().toISOString(), seq: this.seq++, ...fields });
    await this.client.publishAsync(`fleet/v1/${terminalId}/${channel}`, payload, { qos: 1 });
  }

  async close(): Promise<void> {
    await this.client.endAsync();
  }
}

const HOUR = 3_600_000;

/**
 * A terminal's SIM data running out: two days of SIM reports every 2 h, burning 60 MB a
 * day down to 40 MB (the risk engine forecasts zero within its horizon and raises at once).
 */
export async function publishSimRunningOut(publisher: TerminalPublisher, terminalId: string): Promise<void> {
  const now = Date.now();
  for (let i = 0; i < 25; i += 1) {
    await publisher.publish(terminalId, 'sim', {
      ts: now - (24 - i) * 2 * HOUR,
      iccid: '89860012345678901234',
      dataBalanceMb: 160 - i * 5,
      expiresAt: '2027-12-31',
      carrier: 'CMCC',
    });
  }
}
