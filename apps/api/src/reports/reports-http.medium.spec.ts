import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailableOrSkip } from '../storage/testing/require-postgres';
import { TRICKY_NAME } from './testing/device-health-fixture';
import { startReportsHttpApp, type ReportsHttpApp } from './testing/reports-http-app';

const postgresUp = await postgresAvailableOrSkip();
const PERIOD = '/reports/device-health?from=2026-11-02&to=2026-11-04';

describe.skipIf(!postgresUp)('GET /reports/device-health over HTTP', () => {
  let app: ReportsHttpApp;
  const out = mkdtempSync(join(tmpdir(), 'fleet-report-'));

  beforeAll(async () => {
    app = await startReportsHttpApp();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('answers JSON within the account manager scope', async () => {
    const reply = await app.get(PERIOD, app.manager, 'application/json');
    expect(reply.status).toBe(200);
    const body = (await reply.json()) as { terminals: Array<{ terminalId: string; availability: number }> };
    expect(body.terminals).toEqual([expect.objectContaining({ terminalId: 'T1', availability: 0.875 })]);
  });

  it('rejects a bad date with a 400 naming the field', async () => {
    const reply = await app.get(
      '/reports/device-health?from=2026-02-30&to=2026-03-04',
      app.admin,
      'application/json',
    );
    expect(reply.status).toBe(400);
    const body = (await reply.json()) as { error: { fields: Array<{ field: string }> } };
    expect(body.error.fields.map((f) => f.field)).toEqual(['from']);
  });

  it('streams CSV with a BOM, parsed back with merchant names quoted intact', async () => {
    const reply = await app.get(PERIOD, app.admin, 'text/csv');
    expect(reply.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(reply.headers.get('content-disposition')).toBe(
      'attachment; filename="device-health_2026-11-02_2026-11-04.csv"',
    );
    const bytes = Buffer.from(await reply.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text).toContain('"老王便利店, ""朝阳""\n二号店"');
    const rows = parse(text) as string[][];
    expect(rows[0]!.slice(0, 3)).toEqual(['终端', '商户号', '商户名称']);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[7]])).toEqual([
      ['T1', TRICKY_NAME, '87.5'],
      ['T2', '星巴克 国贸店', '97.92'],
    ]);
  });

  it('writes CSV headers in the language asked for', async () => {
    const reply = await app.get(`${PERIOD}&locale=en`, app.manager, 'text/csv');
    const rows = parse((await reply.text()).replace(/^\uFEFF/, '')) as string[][];
    expect(rows[0]!.slice(0, 3)).toEqual(['Terminal', 'Merchant ID', 'Merchant']);
    expect(rows.map((r) => r[0])).toEqual(['Terminal', 'T1']);
  });

  it('renders a PDF whose text holds the Chinese merchant names and the figures', async () => {
    const reply = await app.get(PERIOD, app.admin, 'application/pdf');
    expect(reply.headers.get('content-type')).toBe('application/pdf');
    const file = join(out, 'report-zh.pdf');
    writeFileSync(file, Buffer.from(await reply.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const expected of [
      '设备健康报告',
      '星巴克 国贸店',
      '老王便利店',
      '94.4%',
      '98.6%',
      '87.5%',
      '97.9%',
      '运营商故障',
      '第 1 页，共',
    ])
      expect(text).toContain(expected);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(out, 'page')]);
  });

  it('renders the English edition for the account manager', async () => {
    const reply = await app.get(PERIOD, app.manager, 'application/pdf');
    const file = join(out, 'report-en.pdf');
    writeFileSync(file, Buffer.from(await reply.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const expected of [
      'Device health report',
      'Period: 2026-11-02 – 2026-11-03 (Asia/Shanghai)',
      'Renew 1 SIM plan before 25 Nov 2026',
      'Page 1 of',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('星巴克');
  });
});
