import type { ReportCadence } from '@fleet/telemetry/api/report-subscriptions';
import type { ReportLocale } from '@fleet/telemetry/api/reports';
import { addDays } from '../period/zoned-time';

const TEXTS = {
  'zh-CN': {
    weekly: '设备健康周报',
    monthly: '设备健康月报',
    body: (name: string, range: string, zone: string) =>
      `您好，\n\n附件是${range}（${zone}）的${name}（PDF）。\n在仪表板的“报告 → 存档”中可以再次下载。\n\n— Fleet Monitor`,
  },
  en: {
    weekly: 'Weekly device-health report',
    monthly: 'Monthly device-health report',
    body: (name: string, range: string, zone: string) =>
      `Hello,\n\nAttached is the ${name.toLowerCase()} (PDF) for ${range} (${zone}).\n` +
      `It can be downloaded again from Reports → Archive in the dashboard.\n\n— Fleet Monitor`,
  },
} as const;

/** The subject and text of a scheduled report's mail; `[from, to)` are local dates. */
export function reportMail(
  cadence: ReportCadence,
  locale: ReportLocale,
  from: string,
  to: string,
  timeZone: string,
): { subject: string; bodyText: string } {
  const t = TEXTS[locale];
  const range = `${from} – ${addDays(to, -1)}`;
  return { subject: `${t[cadence]} ${range}`, bodyText: t.body(t[cadence], range, timeZone) };
}
