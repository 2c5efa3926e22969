import mqtt, { type MqttClient } from 'mqtt';
import { TerminalStream, type Workload } from './workload';

/**
 * The benchmark's terminals, in a child process so publishing does not share the
 * ingestor's event loop: N MQTT.js connections publishing QoS 1 with a window each.
 */
type Command = { cmd: 'run'; url: string; workload: Workload } | { cmd: 'exit' };

async function runPhase(url: string, workload: Workload): Promise<void> {
  const clients: MqttClient[] = await Promise.all(
    Array.from({ length: workload.connections }, (_, i) =>
      mqtt.connectAsync(url, {
        clientId: `bench-pub-${workload.prefix}${i}`,
        protocolVersion: 5,
        clean: true,
        reconnectPeriod: 0,
      }),
    ),
  );
  const perConnection = Math.ceil(workload.total / workload.connections);
  let sent = 0;
  let acked = 0;
  const firstSentAt = Date.now();
  await Promise.all(
    clients.map((client, i) => {
      const stream = new TerminalStream(workload, i);
      const quota = Math.min(perConnection, workload.total - i * perConnection);
      let issued = 0;
      let done = 0;
      return new Promise<void>((resolve, reject) => {
        const sendOne = () => {
          if (issued >= quota) return;
          issued += 1;
          sent += 1;
          const { topic, payload } = stream.message();
          client.publish(topic, payload, { qos: 1 }, (error) => {
            if (error) return reject(error);
            done += 1;
            acked += 1;
            if (done === quota) resolve();
            else sendOne();
          });
        };
        if (quota <= 0) return resolve();
        for (let w = 0; w < workload.window; w += 1) sendOne();
      });
    }),
  );
  process.send?.({ type: 'done', sent, acked, firstSentAt, lastAckAt: Date.now() });
  await Promise.all(clients.map((client) => client.endAsync()));
}

process.on('message', (command: Command) => {
  if (command.cmd === 'exit') process.exit(0);
  runPhase(command.url, command.workload).catch((error: unknown) => {
    process.send?.({ type: 'error', message: String(error) });
  });
});
process.send?.({ type: 'ready' });
