import type { ReportLocale, TerminalHealth } from '@fleet/telemetry/api/reports';

type Cell = string | number | null;

/** One CSV column: its header in each language and how a terminal's line fills it. */
interface CsvColumn {
  header: Record<ReportLocale, string>;
  cell: (t: TerminalHealth) => Cell;
}

const pct = (share: number | null) => (share === null ? null : Math.round(share * 10_000) / 100);

export const CSV_COLUMNS: readonly CsvColumn[] = [
  { header: { en: 'Terminal', 'zh-CN': '终端' }, cell: (t) => t.terminalId },
  { header: { en: 'Merchant ID', 'zh-CN': '商户号' }, cell: (t) => t.merchantId },
  { header: { en: 'Merchant', 'zh-CN': '商户名称' }, cell: (t) => t.merchantName },
  { header: { en: 'Model', 'zh-CN': '型号' }, cell: (t) => t.model },
  { header: { en: 'Network', 'zh-CN': '网络' }, cell: (t) => t.comm },
  { header: { en: 'Opening minutes', 'zh-CN': '营业分钟' }, cell: (t) => t.openMinutes },
  { header: { en: 'Online minutes', 'zh-CN': '在线分钟' }, cell: (t) => t.onlineMinutes },
  { header: { en: 'Availability %', 'zh-CN': '可用率 %' }, cell: (t) => pct(t.availability) },
  {
    header: { en: 'Previous availability %', 'zh-CN': '上期可用率 %' },
    cell: (t) => pct(t.previousAvailability),
  },
  { header: { en: 'Outages', 'zh-CN': '中断次数' }, cell: (t) => t.outages },
  { header: { en: 'Device fault minutes', 'zh-CN': '设备故障分钟' }, cell: (t) => t.faultMinutes },
  { header: { en: 'Approved', 'zh-CN': '成功交易' }, cell: (t) => t.approved },
  { header: { en: 'Declined', 'zh-CN': '拒绝' }, cell: (t) => t.declined },
  { header: { en: 'Timeouts', 'zh-CN': '超时' }, cell: (t) => t.timeouts },
  { header: { en: 'Reversals', 'zh-CN': '冲正' }, cell: (t) => t.reversals },
  { header: { en: 'Data used MB', 'zh-CN': '已用流量 MB' }, cell: (t) => t.dataUsedMb },
  { header: { en: 'Data balance MB', 'zh-CN': '剩余流量 MB' }, cell: (t) => t.dataBalanceMb },
  { header: { en: 'SIM expires', 'zh-CN': 'SIM 到期' }, cell: (t) => t.simExpiresAt },
  { header: { en: 'Alerts', 'zh-CN': '告警' }, cell: (t) => t.alerts },
];

export const csvHeader = (locale: ReportLocale): string[] => CSV_COLUMNS.map((c) => c.header[locale]);
export const csvRow = (t: TerminalHealth): Cell[] => CSV_COLUMNS.map((c) => c.cell(t));
