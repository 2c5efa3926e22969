import mqtt from 'mqtt';
import type { Page } from 'playwright-core';
import { topicFor } from '@fleet/telemetry/protocol/topics';

export interface LiveSample {
  terminalId: string;
  /** Publish → the `terminals.changed` frame naming the terminal arrived in the page. */
  socketMs: number;
  /** Publish → the map's clusters were redrawn after that frame (undefined: no redraw seen). */
  redrawMs?: number;
}

/**
 * With the map open, publishes a Last Will-style status (`online: false, reason: lost`) for
 * one terminal at a time through the platform's broker and times its arrival in the page.
 * Terminals are the caller's pick (healthy ones, so each message is a visible state change).
 */
export async function measureLive(page: Page, brokerUrl: string, terminalIds: readonly string[]): Promise<LiveSample[]> {
  // MQTT 3.1.1: the embedded broker (aedes) speaks nothing newer.
  const client = await mqtt.connectAsync(brokerUrl, { clientId: `bench-web-${process.pid}`, protocolVersion: 4, clean: true });
  const samples: LiveSample[] = [];
  try {
    for (const [k, terminalId] of terminalIds.entries()) {
      const payload = JSON.stringify({ ts: Date.now(), seq: 1000 + k, online: false, reason: 'lost' });
      const publishedAt = Date.now();
      await client.publishAsync(topicFor(terminalId, 'status'), payload, { qos: 1 });
      const socketAt = await page
        .waitForFunction(
          (id) => window.__bench.socketEvents.find((e) => e.data.includes(`"${id}"`))?.at,
          terminalId,
          { timeout: 10_000 },
        )
        .then((handle) => handle.jsonValue() as Promise<number>);
      // The map redraws its clusters once it has rebuilt its index from the patched data.
      const redrawAt = await page
        .waitForFunction((after) => window.__bench.clusterRedraws.find((t) => t >= after), socketAt, { timeout: 5_000 })
        .then((handle) => handle.jsonValue() as Promise<number>)
        .catch(() => undefined);
      samples.push({
        terminalId,
        socketMs: socketAt - publishedAt,
        ...(redrawAt === undefined ? {} : { redrawMs: redrawAt - publishedAt }),
      });
      console.log(
        `  live ${k + 1}/${terminalIds.length} ${terminalId}: socket ${(socketAt - publishedAt).toFixed(0)} ms` +
          (redrawAt === undefined ? ', no redraw seen' : `, map redrawn ${(redrawAt - publishedAt).toFixed(0)} ms`),
      );
      // Changes batch for 300 ms on the server: space messages so each is timed on its own.
      await new Promise((resolve) => setTimeout(resolve, 700));
    }
  } finally {
    await client.endAsync();
  }
  return samples;
}
