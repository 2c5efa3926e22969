import type { UserLocale } from '@fleet/telemetry/api/users';
import type { WorkOrderView } from '@fleet/telemetry/api/work-orders';
import { CAUSE_TEXTS } from '@fleet/telemetry/cause-texts';
import { CHINA_OFFSET_MS } from '../alerts/muting/china-time';

/** What a dispatch notice tells. */
export type DispatchNoticeKind = 'assigned' | 'withdrawn' | 'sla_breached' | 'still_failing';

export interface DispatchMessage {
  /** One line: the SMS text and the inbox title. */
  subject: string;
  text: string;
}

const TEXTS = {
  en: {
    assigned: 'New job',
    withdrawn: 'Job withdrawn',
    sla_breached: 'Work order overdue',
    still_failing: 'Marked resolved, still failing',
    due: 'due',
    parts: 'Bring',
    none: 'nothing special',
    phone: 'Phone',
  },
  'zh-CN': {
    assigned: '新工单',
    withdrawn: '工单已撤回',
    sla_breached: '工单已超时',
    still_failing: '已标记修复，但仍有故障',
    due: '截止',
    parts: '携带',
    none: '无特殊配件',
    phone: '电话',
  },
} as const;

const PART_NAMES: Record<UserLocale, Record<string, string>> = {
  en: {
    comm_module: 'comm module',
    terminal_swap: 'spare terminal',
    sim: 'SIM',
    paper_rolls: 'paper rolls',
    power_adapter: 'power adapter',
    antenna: 'antenna',
  },
  'zh-CN': {
    comm_module: '通讯模块',
    terminal_swap: '备用终端',
    sim: 'SIM 卡',
    paper_rolls: '打印纸',
    power_adapter: '电源适配器',
    antenna: '天线',
  },
};

/** The notice in the recipient's language: what, where, by when, and what to bring. */
export function renderDispatchMessage(
  kind: DispatchNoticeKind,
  order: WorkOrderView,
  locale: UserLocale,
): DispatchMessage {
  const t = TEXTS[locale];
  const cause = CAUSE_TEXTS[locale].name[order.code];
  const subject = `${t[kind]}: ${order.merchantName} ${order.terminalId} — ${cause}, ${t.due} ${chinaTime(order.slaDueAt)}`;
  const parts = order.parts.map((part) => PART_NAMES[locale][part] ?? part).join(', ') || t.none;
  const lines = [
    subject,
    order.address ?? order.region,
    ...(order.merchantPhone ? [`${t.phone}: ${order.merchantPhone}`] : []),
    order.evidence,
    `${t.parts}: ${parts}`,
  ];
  return { subject, text: lines.filter((line) => line !== '').join('\n') };
}

function chinaTime(iso: string): string {
  return `${new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')} (UTC+8)`;
}
