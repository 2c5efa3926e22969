import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { copyInstructions, dockerStages } from './dockerfile-copies';
import {
  appConfigVariables,
  environmentOf,
  loadCompose,
  readRepoFile,
  repoPathExists,
  type ComposeService,
} from './repo-files';

/**
 * Docker does not run on the build machines, so the production stack is checked
 * statically here: everything compose and the Dockerfile refer to must exist.
 */

const compose = loadCompose();
const services = compose.services;

function dependencies(service: ComposeService): Array<[string, string | undefined]> {
  const deps = service.depends_on ?? [];
  return Array.isArray(deps)
    ? deps.map((d) => [d, undefined])
    : Object.entries(deps).map(([d, o]) => [d, o.condition]);
}

function healthcheckText(service: ComposeService): string {
  const test = service.healthcheck?.test;
  return Array.isArray(test) ? test.join(' ') : (test ?? '');
}

describe('docker/docker-compose.yml', () => {
  it('is valid YAML with the three services', () => {
    const doc = parseDocument(readRepoFile('docker/docker-compose.yml'));
    expect(doc.errors).toEqual([]);
    expect(Object.keys(services).sort()).toEqual(['api', 'mosquitto', 'timescaledb']);
  });

  it('gives every service an image or a build, and a healthcheck', () => {
    for (const [name, service] of Object.entries(services)) {
      expect(service.image ?? service.build, `${name} has image or build`).toBeTruthy();
      expect(healthcheckText(service), `${name} has a healthcheck`).not.toBe('');
    }
    expect(services.timescaledb!.image).toMatch(/^timescale\/timescaledb:.*pg1[67]$/);
    expect(services.mosquitto!.image).toMatch(/^eclipse-mosquitto:2\.0\.\d+$/);
    expect(healthcheckText(services.api!)).toContain('/api/v1/health');
  });

  it('builds the api from docker/Dockerfile with the repo root as context', () => {
    const build = services.api!.build;
    expect(build).toEqual({ context: '..', dockerfile: 'docker/Dockerfile' });
    expect(repoPathExists('docker/Dockerfile')).toBe(true);
  });

  it('sets only variables the api reads, pointing at the compose services', () => {
    const known = appConfigVariables();
    expect(known.has('DATABASE_URL') && known.has('MQTT_URL')).toBe(true);
    const env = environmentOf(services.api!);
    expect(Object.keys(env).filter((name) => !known.has(name))).toEqual([]);
    expect(env.DATABASE_URL).toMatch(
      /^postgres:\/\/fleet:\$\{POSTGRES_PASSWORD[^}]*\}@timescaledb:5432\/fleet$/,
    );
    expect(env.MQTT_URL).toMatch(
      /^mqtt:\/\/fleet\.ingest:\$\{MQTT_INGEST_PASSWORD:\?[^}]*\}@mosquitto:1883$/,
    );
    expect(env.MQTT_DYNSEC_PASSWORD).toMatch(/^\$\{MQTT_DYNSEC_PASSWORD:\?/);
    expect(environmentOf(services.mosquitto!).MQTT_DYNSEC_PASSWORD).toBe(env.MQTT_DYNSEC_PASSWORD);
    expect(env).toMatchObject({ PORT: '3000', FLEET_DEVICE_AUTH: 'on', DEMO_FLEET_SIZE: '0' });
    // Secrets come from the operator's environment, never from the file.
    expect(env.FLEET_ADMIN_USER).toMatch(/^\$\{FLEET_ADMIN_USER/);
    expect(env.FLEET_ADMIN_PASSWORD).toMatch(/^\$\{FLEET_ADMIN_PASSWORD:\?/);
  });

  it('publishes only the broker’s TLS listener; the plain one stays on the compose network', () => {
    expect(services.mosquitto!.ports).toEqual(['8883:8883']);
    const conf = readRepoFile('docker/mosquitto/mosquitto.conf');
    expect(conf).toMatch(/^allow_anonymous false$/m);
    expect(conf).toMatch(
      /^listener 8883 .*\ncertfile \/mosquitto\/certs\/server\.crt\nkeyfile \/mosquitto\/certs\/server\.key$/m,
    );
    expect(services.mosquitto!.entrypoint).toEqual(['/bin/sh', '/mosquitto/config/start.sh']);
  });

  it('starts the api only after healthy dependencies that exist', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const [target, condition] of dependencies(service)) {
        expect(services[target], `${name} depends on ${target}`).toBeDefined();
        expect(condition, `${name} waits for ${target} to be healthy`).toBe('service_healthy');
      }
    }
    expect(
      dependencies(services.api!)
        .map(([target]) => target)
        .sort(),
    ).toEqual(['mosquitto', 'timescaledb']);
  });

  it('declares every named volume and finds every bind-mounted file', () => {
    const declared = Object.keys(compose.volumes ?? {});
    for (const [name, service] of Object.entries(services)) {
      for (const volume of service.volumes ?? []) {
        const source = typeof volume === 'string' ? volume.split(':')[0]! : (volume.source ?? '');
        if (source.startsWith('.') || source.startsWith('/')) {
          expect(repoPathExists(`docker/${source}`), `${name} mounts ${source}`).toBe(true);
        } else {
          expect(declared, `${name} uses volume ${source}`).toContain(source);
        }
      }
    }
    expect(services.mosquitto!.volumes).toEqual(
      expect.arrayContaining([
        './mosquitto/mosquitto.conf:/mosquitto/config/mosquitto.conf:ro',
        './mosquitto/start.sh:/mosquitto/config/start.sh:ro',
        './mosquitto/certs:/mosquitto/certs:ro',
      ]),
    );
    expect(services.timescaledb!.volumes?.some((v) => String(v).endsWith(':/var/lib/postgresql/data'))).toBe(
      true,
    );
  });
});

describe('docker/Dockerfile', () => {
  const dockerfile = readRepoFile('docker/Dockerfile');
  const copies = copyInstructions(dockerfile);
  const stages = dockerStages(dockerfile);

  it('copies only paths that exist in the repo', () => {
    const fromContext = copies.filter((c) => c.fromStage === undefined).flatMap((c) => c.sources);
    expect(fromContext.length).toBeGreaterThan(0);
    expect(fromContext.filter((source) => !repoPathExists(source))).toEqual([]);
  });

  it('assembles the runtime from production dependencies and compiled output only', () => {
    const runtime = stages.at(-1)!;
    const fromStages = copyInstructions(runtime.lines.join('\n'));
    expect(fromStages.every((c) => c.fromStage !== undefined)).toBe(true);
    for (const copy of fromStages) {
      if (copy.fromStage === 'build')
        expect(copy.sources).toEqual([expect.stringMatching(/^\/app\/(libs|apps)\/[a-z-]+\/dist$/)]);
      else expect(copy).toMatchObject({ fromStage: 'prod-deps', sources: ['/app'] });
    }
    const prodDeps = stages.find((stage) => stage.name === 'prod-deps')!;
    expect(prodDeps.lines.some((l) => /^RUN npm ci --omit=dev\b/.test(l))).toBe(true);
    // prod-deps holds only manifests and node_modules: it copies nothing after its base stage.
    expect(prodDeps.lines.filter((l) => /^COPY\s/.test(l))).toEqual([]);
  });

  it('runs as a non-root user, starting the compiled api entry point', () => {
    const runtime = stages.at(-1)!.lines;
    expect(runtime.some((l) => /^RUN .*\b(apt-get|npm)\b/.test(l))).toBe(false);
    expect(runtime.filter((l) => /^USER\s/.test(l)).at(-1)).toMatch(/^USER (?!root\b|0\b)\S+/);
    expect(runtime.at(-1)).toBe('CMD ["node", "--max-semi-space-size=64", "apps/api/dist/main.js"]');
    // apps/api compiles src/ into dist/, so dist/main.js comes from src/main.ts.
    expect(repoPathExists('apps/api/src/main.ts')).toBe(true);
  });
});

describe('.dockerignore', () => {
  it('keeps dependencies, build output, local data and git history out of the context', () => {
    const patterns = readRepoFile('.dockerignore')
      .split('\n')
      .map((l) => l.trim());
    expect(patterns).toEqual(expect.arrayContaining(['.git', '**/node_modules', '**/dist', 'data']));
  });
});
