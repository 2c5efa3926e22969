import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { appConfigVariables, environmentOf, loadCompose, readRepoFile, repoPathExists } from './repo-files';

/**
 * docker/docker-compose.scale.yml, checked statically like docker-compose.yml (Docker does
 * not run on the build machines): the roles as services on shared TimescaleDB, Mosquitto
 * and Redis, ingest scalable with `--scale ingest=N`.
 */
const FILE = 'docker/docker-compose.scale.yml';
const scale = loadCompose(FILE);
const single = loadCompose();
const services = scale.services;
const ROLES = { ingest: 'ingest', risk: 'risk', http: 'http' } as const;

describe(FILE, () => {
  it('is valid YAML with the engines and one service per role', () => {
    expect(parseDocument(readRepoFile(FILE), { merge: true }).errors).toEqual([]);
    expect(Object.keys(services).sort()).toEqual([
      'http',
      'ingest',
      'mosquitto',
      'redis',
      'risk',
      'timescaledb',
    ]);
    for (const [service, role] of Object.entries(ROLES))
      expect(environmentOf(services[service]!).FLEET_ROLES, service).toBe(role);
  });

  it('runs every role from the image of docker-compose.yml, with the same settings and Redis besides', () => {
    const known = appConfigVariables();
    known.add('FLEET_ROLES'); // read by the roles wiring (issue #15), not by app-config.ts's schema
    const base = environmentOf(single.services.api!);
    delete base.DATA_DIR; // the embedded database's folder: unused with DATABASE_URL
    for (const service of Object.keys(ROLES)) {
      const { build, image, healthcheck, depends_on } = services[service]!;
      expect({ build, image }, service).toEqual({
        build: single.services.api!.build,
        image: single.services.api!.image,
      });
      expect(JSON.stringify(healthcheck?.test), service).toContain('/api/v1/health');
      const env = environmentOf(services[service]!);
      expect(
        Object.keys(env).filter((name) => !known.has(name)),
        service,
      ).toEqual([]);
      expect(env, service).toMatchObject({ ...base, REDIS_URL: 'redis://redis:6379' });
      expect(depends_on, service).toEqual({
        timescaledb: { condition: 'service_healthy' },
        mosquitto: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
      });
    }
  });

  it('lets ingest scale: a share group, no published port, no fixed container name', () => {
    const ingest = services.ingest!;
    expect(environmentOf(ingest).INGEST_SHARE_GROUP).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    for (const service of ['ingest', 'risk']) {
      expect(services[service]!.ports, service).toBeUndefined();
      expect((services[service] as { container_name?: string }).container_name, service).toBeUndefined();
    }
    expect(services.http!.ports).toEqual(['3000:3000']);
  });

  it('keeps the engines as docker-compose.yml has them, and Redis healthy, unpublished and without persistence', () => {
    for (const engine of ['timescaledb', 'mosquitto'])
      expect(services[engine], engine).toEqual(single.services[engine]);
    const redis = services.redis!;
    expect(redis.image).toMatch(/^redis:7\.\d+/);
    expect(redis.ports).toBeUndefined();
    expect(JSON.stringify(redis.healthcheck?.test)).toContain('ping');
    expect((redis as { command?: string[] }).command).toEqual([
      'redis-server',
      '--save',
      '',
      '--appendonly',
      'no',
    ]);
  });

  it('declares every named volume and finds every bind-mounted file', () => {
    const declared = Object.keys(scale.volumes ?? {});
    for (const [name, service] of Object.entries(services)) {
      for (const volume of service.volumes ?? []) {
        const source = typeof volume === 'string' ? volume.split(':')[0]! : (volume.source ?? '');
        if (source.startsWith('.'))
          expect(repoPathExists(`docker/${source}`), `${name} mounts ${source}`).toBe(true);
        else expect(declared, `${name} uses volume ${source}`).toContain(source);
      }
    }
  });
});
