import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import type { DeviceHealthReport, ReportLocale } from '@fleet/telemetry/api/reports';
import { CAUSE_TEXTS } from '@fleet/telemetry/cause-texts';
import { addDays, localDateOf } from '../period/zoned-time';
import { drawBarChart, drawLineChart } from './pdf-charts';
import { BODY_FONT_SIZE, drawTable, type PdfColumn } from './pdf-table';
import { causeName, PDF_TEXTS } from './pdf-texts';
import { reportFont } from './report-font';

const WIDTH = 515;
const pct = (share: number | null) => (share === null ? '–' : `${(share * 100).toFixed(1)}%`);
// One formatter: toLocaleString with options builds a new one per call, seconds over a portfolio.
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const num = (n: number | null) => (n === null ? '–' : NUMBER.format(n));
/** The long lists (merchants, every terminal) in smaller type: 5,000 terminals in about 70 pages. */
const COMPACT = { fontSize: 7, rowGap: 2.5 };

function localTime(iso: string, timeZone: string): string {
  const at = Date.parse(iso);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return `${localDateOf(at, timeZone)} ${time}`;
}

/** The report as a PDF (A4, vector charts, CJK font embedded, page numbers), written to `out`. */
export async function writeDeviceHealthPdf(
  report: DeviceHealthReport,
  locale: ReportLocale,
  out: Writable,
): Promise<void> {
  const t = PDF_TEXTS[locale];
  const zone = report.period.timeZone;
  const doc = new PDFDocument({ size: 'A4', margin: 40, bufferPages: true, info: { Title: t.title } });
  doc.pipe(out);
  doc.registerFont('body', reportFont());
  doc.font('body');
  const heading = (text: string) => {
    if (doc.y > doc.page.height - 140) doc.addPage();
    doc
      .moveDown(0.6)
      .fontSize(13)
      .fillColor('#1d3d63')
      .text(text)
      .moveDown(0.3)
      .fontSize(BODY_FONT_SIZE)
      .fillColor('#111111');
  };

  const tableOrNone = (columns: PdfColumn[], rows: string[][]) =>
    rows.length === 0 ? doc.text(t.none) : drawTable(doc, columns, rows);

  doc.fontSize(20).fillColor('#1d3d63').text(t.title);
  doc.fontSize(10).fillColor('#111111');
  const lastDay = addDays(report.period.to, -1);
  doc.text(`${t.period}: ${report.period.from} – ${lastDay} (${zone})`);
  doc.text(`${t.generated}: ${localTime(report.generatedAt, zone)}`);
  const names = [
    ...new Set(report.merchants.map((m) => (m.merchantName ?? m.merchantId ?? '').replace(/\s+/g, ' '))),
  ];
  doc.text(
    `${t.merchants}: ${names.slice(0, 6).join('、')}${names.length > 6 ? ` … (${names.length})` : ''}`,
  );

  heading(t.summary);
  const a = report.alerts;
  drawTable(
    doc,
    [
      { header: '', width: 260 },
      { header: '', width: 255, align: 'right' },
    ],
    [
      [
        t.availability,
        `${pct(report.availability.overall)}  (${t.previous} ${pct(report.availability.previous)})`,
      ],
      [t.lostHours, num(report.availability.lostHours)],
      [t.terminals, String(report.terminals.length)],
      [t.transactions, num(report.transactions.approved)],
      [
        t.failureRate,
        `${pct(report.transactions.failureRate)}  (${t.previous} ${pct(report.transactions.previousFailureRate)})`,
      ],
      [t.alerts, String(a.total)],
      [t.ackResolve, `${num(a.meanAckMinutes)} / ${num(a.meanResolveMinutes)}`],
      [t.slaMet, `${a.slaMet} / ${a.slaDue}`],
    ],
  );

  heading(t.recommendations);
  if (report.recommendations.length === 0) doc.text(t.none);
  for (const r of report.recommendations) doc.text(`• ${r.text[locale]}`, { width: WIDTH });

  heading(t.lossByCause);
  if (report.failures.length === 0) doc.text(t.none);
  else
    drawBarChart(
      doc,
      report.failures.map((f) => ({ label: causeName(f.cause, locale), value: f.lostMinutes })),
      WIDTH,
    );

  heading(t.txnTrend);
  if (report.transactions.trend.length === 0) doc.text(t.none);
  else
    drawLineChart(
      doc,
      report.transactions.trend.map((d) => ({ label: d.day, a: d.approved, b: d.timeouts })),
      [t.approved, t.timeouts],
      WIDTH,
    );

  heading(t.merchants);
  drawTable(
    doc,
    [
      { header: t.merchant, width: 275 },
      { header: t.terminals, width: 80, align: 'right' },
      { header: t.online, width: 80, align: 'right' },
      { header: t.previousShort, width: 80, align: 'right' },
    ],
    report.merchants.map((m) => [
      m.merchantName ?? m.merchantId ?? '',
      String(m.terminals),
      pct(m.availability),
      pct(m.previousAvailability),
    ]),
    COMPACT,
  );

  heading(t.incidents);
  tableOrNone(
    [
      { header: '', width: 155 },
      { header: t.started, width: 110 },
      { header: t.ended, width: 110 },
      { header: t.terminals, width: 60, align: 'right' },
      { header: t.lostMin, width: 80, align: 'right' },
    ],
    report.incidents.map((i) => [
      `${CAUSE_TEXTS[locale].name[i.code]} ${i.region ?? ''} ${i.mccMnc ?? ''}`,
      localTime(i.startedAt, zone),
      i.endedAt ? localTime(i.endedAt, zone) : '–',
      String(i.terminals),
      num(i.lostMinutes),
    ]),
  );

  heading(t.repeatOffenders);
  tableOrNone(
    [
      { header: t.terminal, width: 100 },
      { header: t.merchant, width: 165 },
      { header: t.outages, width: 60, align: 'right' },
      { header: t.alerts, width: 50, align: 'right' },
      { header: t.mainCause, width: 140 },
    ],
    report.repeatOffenders.map((o) => [
      o.terminalId,
      o.merchantName ?? '',
      String(o.outages),
      String(o.alerts),
      o.mainCause ? causeName(o.mainCause, locale) : '–',
    ]),
  );

  heading(t.simUse);
  drawTable(
    doc,
    [
      { header: t.terminal, width: 100 },
      { header: t.merchant, width: 175 },
      { header: t.usedMb, width: 80, align: 'right' },
      { header: t.forecastMb, width: 80, align: 'right' },
      { header: t.daysLeft, width: 80, align: 'right' },
    ],
    report.sim.topUsers.map((u) => [
      u.terminalId,
      u.merchantName ?? '',
      num(u.usedMb),
      num(u.forecast30dMb),
      num(u.daysLeft),
    ]),
  );

  heading(t.sim);
  tableOrNone(
    [
      { header: t.terminal, width: 100 },
      { header: t.merchant, width: 215 },
      { header: 'ICCID', width: 120 },
      { header: t.expires, width: 80 },
    ],
    report.sim.expiringIn60Days.map((p) => [
      p.terminalId,
      p.merchantName ?? '',
      p.iccid ?? '',
      p.expiresAt.slice(0, 10),
    ]),
  );

  heading(t.paperPower);
  doc.text(`${t.paper}: ${report.paper.alerts} (${report.paper.terminals} ${t.terminals})`);
  doc.text(`${t.power}: ${report.power.alerts} (${report.power.terminals} ${t.terminals})`);
  heading(t.workOrders);
  const w = report.workOrders;
  doc.text(w ? `${w.resolved} / ${w.total} · ${t.slaMet} ${w.slaMet} / ${w.slaDue}` : t.workOrdersNone);

  heading(t.allTerminals);
  drawTable(
    doc,
    [
      { header: t.terminal, width: 90 },
      { header: t.merchant, width: 165 },
      { header: t.online, width: 65, align: 'right' },
      { header: t.previousShort, width: 65, align: 'right' },
      { header: t.outages, width: 50, align: 'right' },
      { header: t.faultMin, width: 80, align: 'right' },
    ],
    [...report.terminals]
      .sort(
        (x, y) => (x.availability ?? 2) - (y.availability ?? 2) || x.terminalId.localeCompare(y.terminalId),
      )
      .map((r) => [
        r.terminalId,
        r.merchantName ?? '',
        pct(r.availability),
        pct(r.previousAvailability),
        String(r.outages),
        num(r.faultMinutes),
      ]),
    COMPACT,
  );

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .fontSize(8)
      .fillColor('#777777')
      .text(
        `${t.title} · ${report.period.from} – ${lastDay} · ${t.page(i + 1, range.count)}`,
        40,
        doc.page.height - 28,
        {
          width: WIDTH,
          align: 'center',
          lineBreak: false,
        },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await finished(out);
}
