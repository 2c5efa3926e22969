import mqtt from 'mqtt';
import { decodeFleetMap, type FleetMapPayload } from '@fleet/telemetry/api/fleet-map-codec';
import { topicFor } from '@fleet/telemetry/protocol/topics';
import { ADMIN, type PlatformProcess } from './platform-process';
import type { ScenarioMessage } from './scenario';

/** The at-risk list and incidents reduced to what must agree between runs: who, which causes, which members. */
export interface FleetView {
  atRisk: Array<{ terminalId: string; riskScore: number; causes: string[] }>;
  incidents: Array<{
    code: string;
    terminalCount: number;
    mccMnc?: string;
    region?: string;
    memberIds: string[];
  }>;
}

async function token(platform: PlatformProcess): Promise<string> {
  const response = await fetch(`${platform.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (!response.ok)
    throw new Error(`login on ${platform.name} failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function call<T>(platform: PlatformProcess, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${platform.baseUrl}/api/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await token(platform)}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok)
    throw new Error(`${path} on ${platform.name}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function importTerminals(platform: PlatformProcess, terminals: unknown[]): Promise<void> {
  await call(platform, '/terminals/import', terminals);
}

/** The fleet as `platform` serves it over HTTP, with `prefix` stripped from ids so two runs compare. */
export async function fleetView(platform: PlatformProcess, prefix: string): Promise<FleetView> {
  const strip = (id: string) => id.replace(`${prefix}-`, '');
  const atRisk = await call<{
    items: Array<{ terminalId: string; riskScore: number; causes: Array<{ code: string }> }>;
  }>(platform, '/terminals/at-risk?limit=1000');
  const listed = await call<{ items: Array<{ id: string }> }>(platform, '/incidents');
  // The list leaves members out; each incident's own page has them.
  const incidents = await Promise.all(
    listed.items.map((i) =>
      call<{ code: string; terminalCount: number; mccMnc?: string; region?: string; memberIds?: string[] }>(
        platform,
        `/incidents/${i.id}`,
      ),
    ),
  );
  return {
    atRisk: atRisk.items
      .filter((i) => i.terminalId.startsWith(`${prefix}-`))
      .map((i) => ({
        terminalId: strip(i.terminalId),
        riskScore: i.riskScore,
        causes: i.causes.map((c) => c.code),
      }))
      .sort((a, b) => a.terminalId.localeCompare(b.terminalId)),
    incidents: incidents
      .map((i) => ({
        code: i.code,
        terminalCount: i.terminalCount,
        mccMnc: i.mccMnc,
        region: i.region,
        memberIds: (i.memberIds ?? []).map(strip).sort(),
      }))
      .sort((a, b) => a.code.localeCompare(b.code)),
  };
}

/** Publishes QoS 1 like the terminals would, each acknowledged by the broker. */
export async function publishAll(mqttUrl: string, messages: readonly ScenarioMessage[]): Promise<void> {
  const client = await mqtt.connectAsync(mqttUrl, {
    clientId: `scale-${process.pid}-${Date.now()}`,
    reconnectPeriod: 0,
  });
  try {
    await Promise.all(
      messages.map(([tid, channel, payload]) =>
        client.publishAsync(topicFor(tid, channel), JSON.stringify(payload), { qos: 1 }),
      ),
    );
  } finally {
    await client.endAsync();
  }
}

export interface MapPoint {
  terminalId: string;
  online: number;
  riskScore: number;
  topCause: string;
}

/** The fleet map (`GET /fleet/map`) as `platform` serves it, the terminals of `prefix` only, ids stripped. */
export async function mapView(platform: PlatformProcess, prefix: string): Promise<MapPoint[]> {
  const map = decodeFleetMap(await call<FleetMapPayload>(platform, '/fleet/map'));
  return map.ids
    .map((id, i) => ({
      terminalId: id,
      online: map.online[i]!,
      riskScore: map.riskScore[i]!,
      topCause: map.topCause[i]!,
    }))
    .filter((p) => p.terminalId.startsWith(`${prefix}-`))
    .map((p) => ({ ...p, terminalId: p.terminalId.replace(`${prefix}-`, '') }))
    .sort((a, b) => a.terminalId.localeCompare(b.terminalId));
}

/** Each terminal's online state (as the map codes it) and risk score from `GET /terminals`, read from the database. */
export async function storedPoints(
  platform: PlatformProcess,
  prefix: string,
): Promise<Array<{ terminalId: string; online: number; riskScore: number }>> {
  const list = await call<{
    items: Array<{ terminalId: string; online: boolean | null; riskScore: number }>;
  }>(platform, '/terminals?pageSize=500');
  return list.items
    .filter((t) => t.terminalId.startsWith(`${prefix}-`))
    .map((t) => ({
      terminalId: t.terminalId.replace(`${prefix}-`, ''),
      online: t.online === null ? 2 : t.online ? 1 : 0,
      riskScore: t.riskScore,
    }))
    .sort((a, b) => a.terminalId.localeCompare(b.terminalId));
}
