import { Logger } from '@nestjs/common';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ForbiddenPublishes } from './forbidden-publishes';

const event = { clientId: 'T1', username: 'T1', topic: 'fleet/v1/T2/txn', reason: 'foreign_topic' as const };

describe('ForbiddenPublishes', () => {
  afterEach(() => vi.restoreAllMocks());

  it('counts every dropped publish in fleet_broker_forbidden_total by reason', async () => {
    const registry = new Registry();
    const forbidden = new ForbiddenPublishes(registry);
    forbidden.record(event);
    forbidden.record(event);
    forbidden.record({ ...event, topic: '$SYS/x', reason: 'sys_topic' });
    const text = await registry.metrics();
    expect(text).toContain('fleet_broker_forbidden_total{reason="foreign_topic"} 2');
    expect(text).toContain('fleet_broker_forbidden_total{reason="sys_topic"} 1');
    expect(forbidden.total()).toBe(3);
  });

  it('logs one warn line per drop up to ten a minute, then says how many it left out', () => {
    const warn = vi.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    let now = 0;
    const forbidden = new ForbiddenPublishes(undefined, () => now);
    for (let i = 0; i < 25; i++) forbidden.record(event);
    expect(warn).toHaveBeenCalledTimes(10);
    expect(warn.mock.calls[0]?.[0]).toEqual({ event: 'broker_forbidden_publish', ...event });
    now = 60_000;
    forbidden.record(event);
    expect(warn.mock.calls[10]?.[0]).toEqual({ event: 'broker_forbidden_unlogged', suppressed: 15 });
    expect(warn).toHaveBeenCalledTimes(12);
    expect(forbidden.total()).toBe(26);
  });
});
