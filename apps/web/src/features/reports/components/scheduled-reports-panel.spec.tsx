// @vitest-environment jsdom
import type { ReportSubscription } from '@fleet/telemetry/api/report-subscriptions';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CannedApiServer } from '../../../testing/canned-api-server';
import { renderUi } from '../../../testing/render-ui';
import { serveCannedApi } from '../../../testing/serve-canned-api';
import { answerSchedule, ARCHIVE_PATH, SUBSCRIPTIONS_PATH, TIME_ZONE_PATH } from './canned-schedule';

const server = new CannedApiServer();
let ScheduledReportsPanel: typeof import('./scheduled-reports-panel').ScheduledReportsPanel;
let ReportArchiveSection: typeof import('./report-archive-section').ReportArchiveSection;
serveCannedApi(server, async () => {
  ({ ScheduledReportsPanel } = await import('./scheduled-reports-panel'));
  ({ ReportArchiveSection } = await import('./report-archive-section'));
});

const CHOICES = [
  { merchantId: 'M1', merchantName: '华联超市', terminals: 3, availability: 0.9, previousAvailability: null },
  { merchantId: 'M2', merchantName: '鑫源面馆', terminals: 1, availability: 1, previousAvailability: null },
];

function subscription(overrides: Partial<ReportSubscription> = {}): ReportSubscription {
  return {
    cadence: 'weekly',
    merchantIds: null,
    format: 'pdf',
    attachCsv: false,
    locale: null,
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
    // Monday 14 December, 08:00 in Tokyo.
    nextRunAt: '2026-12-13T23:00:00.000Z',
    ...overrides,
  };
}

const form = (name: 'Weekly report' | 'Monthly report') => screen.findByRole('form', { name });
const sent = (method: string, path: string) =>
  server.received.filter((r) => r.method === method && r.path === path).map((r) => r.body);

describe('ScheduledReportsPanel', () => {
  it('shows the weekly subscription’s next run as Monday 08:00 in the user’s zone, and the monthly one off', async () => {
    answerSchedule(server, { timeZone: 'Asia/Tokyo', subscriptions: [subscription()] });
    renderUi(<ScheduledReportsPanel choices={CHOICES} />);
    const weekly = await form('Weekly report');
    expect(within(weekly).getByRole('checkbox', { name: /Weekly report/ })).toHaveProperty('checked', true);
    await within(weekly).findByText('Next: Mon, 14 Dec 2026, 08:00 (Asia/Tokyo)');
    expect(within(weekly).getByRole('checkbox', { name: 'All merchants' })).toHaveProperty('checked', true);
    const monthly = await form('Monthly report');
    expect(within(monthly).getByRole('checkbox', { name: /Monthly report/ })).toHaveProperty(
      'checked',
      false,
    );
    expect(within(monthly).queryByRole('button', { name: 'Subscribe' })).toBeNull();
    expect(screen.getByLabelText('Your time zone')).toHaveProperty('value', 'Asia/Tokyo');
  });

  it('subscribes to the monthly report for one chosen merchant with the CSV, in English', async () => {
    answerSchedule(server);
    server.respond(`PUT ${SUBSCRIPTIONS_PATH}/monthly`, ({ body }) => {
      const saved = subscription({
        ...(body as object),
        cadence: 'monthly',
        nextRunAt: '2027-01-01T00:00:00.000Z',
      });
      answerSchedule(server, { subscriptions: [saved] });
      return { status: 200, body: saved };
    });
    renderUi(<ScheduledReportsPanel choices={CHOICES} />);
    const monthly = await form('Monthly report');
    fireEvent.click(within(monthly).getByRole('checkbox', { name: /Monthly report/ }));
    fireEvent.click(within(monthly).getByRole('checkbox', { name: 'All merchants' }));
    fireEvent.click(within(monthly).getByRole('checkbox', { name: '鑫源面馆' }));
    fireEvent.click(within(monthly).getByRole('checkbox', { name: 'Attach the CSV as well' }));
    fireEvent.change(within(monthly).getByLabelText('Language'), { target: { value: 'en' } });
    fireEvent.click(within(monthly).getByRole('button', { name: 'Subscribe' }));
    await within(monthly).findByText('Saved.');
    expect(sent('PUT', `${SUBSCRIPTIONS_PATH}/monthly`)).toEqual([
      { merchantIds: ['M2'], attachCsv: true, locale: 'en' },
    ]);
    // The list is read again, so the next run shown is the server's: the 1st, 08:00 in Shanghai.
    await within(monthly).findByText('Next: Fri, 1 Jan 2027, 08:00 (Asia/Shanghai)');
  });

  it('shows a refused merchant at the merchants field, not as a general failure', async () => {
    answerSchedule(server);
    server.answer(`PUT ${SUBSCRIPTIONS_PATH}/weekly`, 403, {
      error: {
        code: 'FORBIDDEN',
        message: 'not your merchants',
        fields: [{ field: 'merchantIds.0', message: 'M1 is not one of your merchants' }],
      },
    });
    renderUi(<ScheduledReportsPanel choices={CHOICES} />);
    const weekly = await form('Weekly report');
    fireEvent.click(within(weekly).getByRole('checkbox', { name: /Weekly report/ }));
    fireEvent.click(within(weekly).getByRole('checkbox', { name: 'All merchants' }));
    fireEvent.click(within(weekly).getByRole('checkbox', { name: '华联超市' }));
    fireEvent.click(within(weekly).getByRole('button', { name: 'Subscribe' }));
    const alert = await within(weekly).findByRole('alert');
    expect(alert.textContent).toBe('M1 is not one of your merchants');
    const merchants = within(weekly).getByRole('group', { name: 'Merchant' });
    expect(merchants.contains(alert)).toBe(true);
    expect(within(weekly).queryByText('not your merchants')).toBeNull();
  });

  it('unsubscribes as soon as the weekly report is turned off', async () => {
    answerSchedule(server, { subscriptions: [subscription()] });
    server.respond(`DELETE ${SUBSCRIPTIONS_PATH}/weekly`, () => {
      answerSchedule(server);
      return { status: 204, body: undefined };
    });
    renderUi(<ScheduledReportsPanel choices={CHOICES} />);
    const weekly = await form('Weekly report');
    await within(weekly).findByText(/^Next:/);
    fireEvent.click(within(weekly).getByRole('checkbox', { name: /Weekly report/ }));
    await within(weekly).findByText('Unsubscribed.');
    expect(sent('DELETE', `${SUBSCRIPTIONS_PATH}/weekly`)).toHaveLength(1);
    await waitFor(() => expect(within(weekly).queryByText(/^Next:/)).toBeNull());
    expect(sent('PUT', `${SUBSCRIPTIONS_PATH}/weekly`)).toEqual([]);
  });

  it('offers the user’s own zone among the common ones and saves the one chosen; a refusal shows at the select', async () => {
    answerSchedule(server, { timeZone: 'America/Sao_Paulo' });
    server.respond(`PUT ${TIME_ZONE_PATH}`, ({ body }) => ({ status: 200, body }));
    renderUi(<ScheduledReportsPanel choices={CHOICES} />);
    const select = await screen.findByLabelText('Your time zone');
    await waitFor(() => expect(select).toHaveProperty('value', 'America/Sao_Paulo'));
    const zones = within(select)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(zones).toEqual(
      expect.arrayContaining(['America/Sao_Paulo', 'Asia/Shanghai', 'Asia/Hong_Kong', 'UTC']),
    );
    fireEvent.change(select, { target: { value: 'Europe/London' } });
    await waitFor(() => expect(sent('PUT', TIME_ZONE_PATH)).toEqual([{ timeZone: 'Europe/London' }]));
    await waitFor(() => expect(select).toHaveProperty('value', 'Europe/London'));

    server.answer(`PUT ${TIME_ZONE_PATH}`, 400, {
      error: {
        code: 'VALIDATION',
        message: 'invalid body',
        fields: [{ field: 'timeZone', message: 'must be an IANA time zone like Asia/Shanghai' }],
      },
    });
    fireEvent.change(select, { target: { value: 'Asia/Tokyo' } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('must be an IANA time zone like Asia/Shanghai');
    expect(select.getAttribute('aria-describedby')).toBe(alert.id);
  });
});

describe('ReportArchiveSection', () => {
  // jsdom has no object URLs; the blob handed over and the name the link saves it as are kept.
  const saved: { name: string; blob: Blob }[] = [];
  let blob: Blob | undefined;
  const onClick = (event: MouseEvent) => {
    const link = event.target as HTMLAnchorElement;
    if (link.download && blob) saved.push({ name: link.download, blob });
  };
  beforeEach(() => {
    saved.length = 0;
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (b: Blob) => ((blob = b), 'blob:report') }));
    URL.revokeObjectURL = () => undefined;
    document.addEventListener('click', onClick);
  });
  afterEach(() => document.removeEventListener('click', onClick));

  it('lists the delivered reports with their sizes and downloads the PDF, and the CSV only where one was mailed', async () => {
    answerSchedule(server, {
      archive: [
        {
          id: 'a2',
          cadence: 'monthly',
          from: '2026-11-01',
          to: '2026-12-01',
          timeZone: 'Asia/Shanghai',
          locale: 'en',
          generatedAt: '2026-12-01T00:00:05.000Z',
          pdfBytes: 20480,
          csvBytes: 1536,
        },
        {
          id: 'a1',
          cadence: 'weekly',
          from: '2026-11-23',
          to: '2026-11-30',
          timeZone: 'Asia/Shanghai',
          locale: 'zh-CN',
          generatedAt: '2026-11-30T00:00:04.000Z',
          pdfBytes: 10240,
          csvBytes: null,
        },
      ],
    });
    server.answer(`${ARCHIVE_PATH}/a2`, 200, '%PDF-monthly');
    renderUi(<ReportArchiveSection />);
    const list = await screen.findByRole('list', { name: 'Archive' });
    const [monthly, weekly] = within(list).getAllByRole('listitem');
    expect(monthly!.textContent).toContain('Monthly report');
    expect(monthly!.textContent).toContain('1 Nov 2026 – 30 Nov 2026');
    expect(monthly!.textContent).toContain('PDF 20 kB');
    expect(monthly!.textContent).toContain('CSV 1.5 kB');
    expect(weekly!.textContent).toContain('23 Nov 2026 – 29 Nov 2026');
    expect(within(weekly!).queryByRole('button', { name: 'CSV' })).toBeNull();

    fireEvent.click(within(monthly!).getByRole('button', { name: 'PDF' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toBe('monthly_2026-11-01_2026-11-30_en.pdf');
    expect(await saved[0]!.blob.text()).toBe('%PDF-monthly');

    server.respond(`${ARCHIVE_PATH}/a2`, ({ path }) => ({ status: 200, body: `asked ${path}` }));
    fireEvent.click(within(monthly!).getByRole('button', { name: 'CSV' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1]!.name).toBe('monthly_2026-11-01_2026-11-30_en.csv');
    expect(await saved[1]!.blob.text()).toBe(`asked ${ARCHIVE_PATH}/a2?format=csv`);
  });

  it('shows the server’s reason when an archived file cannot be fetched', async () => {
    answerSchedule(server, {
      archive: [
        {
          id: 'gone',
          cadence: 'weekly',
          from: '2026-11-23',
          to: '2026-11-30',
          timeZone: 'Asia/Shanghai',
          locale: 'en',
          generatedAt: '2026-11-30T00:00:04.000Z',
          pdfBytes: 10240,
          csvBytes: null,
        },
      ],
    });
    server.answer(`${ARCHIVE_PATH}/gone`, 404, { error: { code: 'NOT_FOUND', message: 'no such report' } });
    renderUi(<ReportArchiveSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'PDF' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('The download failed: no such report');
    expect(saved).toEqual([]);
  });
});
