import { CAUSE_ACTIONS, type CauseCode } from '@fleet/telemetry/causes';
import type { UserLocale } from '@fleet/telemetry/api/users';
import type { AlertChange, AlertSeverity } from './notifiable-alert';

/** The words of notification messages in one language. */
export interface MessageTexts {
  cause: Record<CauseCode, string>;
  /** Recommended actions; the English ones are libs/telemetry's CAUSE_ACTIONS. */
  action: Record<CauseCode, string>;
  severity: Record<AlertSeverity, string>;
  change: Record<AlertChange, string>;
  terminal: string;
  incident: string;
  merchant: string;
  region: string;
  evidence: string;
  whatToDo: string;
  opened: string;
  by: (actor: string) => string;
  occurrences: (n: number) => string;
  /** Subject of a message listing several alerts, e.g. "12 alerts: 10 new, 2 resolved". */
  groupSubject: (total: number, parts: string[]) => string;
  countOf: (n: number, change: AlertChange) => string;
  listSeparator: string;
  footer: string;
}

const en: MessageTexts = {
  cause: {
    SIM_DATA_EXHAUSTION: 'SIM data running out',
    SIM_EXPIRY: 'SIM expiring',
    WEAK_SIGNAL: 'Weak signal',
    OFFLINE: 'Offline',
    COMM_MODULE_FAULT: 'Comm module fault',
    LINE_FAULT: 'Phone line fault',
    PAPER_OUT: 'Paper',
    POWER: 'Low battery',
    CARRIER_OUTAGE: 'Carrier outage',
    HOST_MAINTENANCE: 'Payment host failure',
  },
  action: Object.fromEntries(
    Object.entries(CAUSE_ACTIONS).map(([code, { action }]) => [code, action]),
  ) as Record<CauseCode, string>,
  severity: { critical: 'Critical', major: 'Major', minor: 'Minor', warning: 'Warning' },
  change: {
    opened: 'New',
    reopened: 'Back again',
    acknowledged: 'Acknowledged',
    resolved: 'Resolved',
    reminder: 'Reminder, still not acknowledged',
    escalated: 'Escalated, not acknowledged',
  },
  terminal: 'Terminal',
  incident: 'Incident',
  merchant: 'Merchant',
  region: 'Region',
  evidence: 'Evidence',
  whatToDo: 'What to do',
  opened: 'Opened',
  by: (actor) => `by ${actor}`,
  occurrences: (n) => `seen ${n} times`,
  groupSubject: (total, parts) => `${total} alerts: ${parts.join(', ')}`,
  countOf: (n, change) =>
    `${n} ${{ opened: 'new', reopened: 'back again', acknowledged: 'acknowledged', resolved: 'resolved', reminder: 'reminders', escalated: 'escalated' }[change]}`,
  listSeparator: ', ',
  footer: 'Fleet Monitor. Acknowledge an alert in the dashboard to stop reminders.',
};

const zh: MessageTexts = {
  cause: {
    SIM_DATA_EXHAUSTION: '流量卡流量将用完',
    SIM_EXPIRY: '流量卡即将到期',
    WEAK_SIGNAL: '信号弱',
    OFFLINE: '离线',
    COMM_MODULE_FAULT: '通讯模块故障',
    LINE_FAULT: '电话线路故障',
    PAPER_OUT: '打印纸',
    POWER: '电量低',
    CARRIER_OUTAGE: '运营商故障',
    HOST_MAINTENANCE: '支付主机故障',
  },
  action: {
    SIM_DATA_EXHAUSTION: '远程为流量卡充值',
    SIM_EXPIRY: '续费或更换流量卡',
    WEAK_SIGNAL: '移动终端位置、加装天线、更换运营商或改用 Wi-Fi',
    OFFLINE: '先致电商户，再派技术员上门',
    COMM_MODULE_FAULT: '派技术员更换通讯模块或终端',
    LINE_FAULT: '请商户检查电话线路',
    PAPER_OUT: '通知商户；寄送打印纸',
    POWER: '请商户接上电源',
    CARRIER_OUTAGE: '无需逐台派单；跟踪该事件',
    HOST_MAINTENANCE: '终端无需处理；支付主机出现故障',
  },
  severity: { critical: '紧急', major: '严重', minor: '次要', warning: '警告' },
  change: {
    opened: '新告警',
    reopened: '再次出现',
    acknowledged: '已确认',
    resolved: '已解决',
    reminder: '提醒：尚未确认',
    escalated: '已升级：尚未确认',
  },
  terminal: '终端',
  incident: '事件',
  merchant: '商户',
  region: '区域',
  evidence: '依据',
  whatToDo: '处理建议',
  opened: '开始于',
  by: (actor) => `（${actor}）`,
  occurrences: (n) => `已出现 ${n} 次`,
  groupSubject: (total, parts) => `${total} 条告警：${parts.join('，')}`,
  countOf: (n, change) =>
    `${n} 条${{ opened: '新告警', reopened: '再次出现', acknowledged: '已确认', resolved: '已解决', reminder: '提醒', escalated: '已升级' }[change]}`,
  listSeparator: '，',
  footer: '终端监控平台。在控制台确认告警后不再提醒。',
};

export const MESSAGE_TEXTS: Record<UserLocale, MessageTexts> = { 'zh-CN': zh, en };
