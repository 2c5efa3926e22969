import { CAUSE_TEXTS } from '@fleet/telemetry/cause-texts';
import type { CauseCode } from '@fleet/telemetry/causes';
import type { UserLocale } from '@fleet/telemetry/api/users';
import type { AlertChange, AlertSeverity } from './notifiable-alert';

/** The words of notification messages in one language. */
export interface MessageTexts {
  cause: Record<CauseCode, string>;
  /** Recommended actions (libs/telemetry's CAUSE_TEXTS, as the dashboard shows them). */
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
  /** Closes a message that lists only the worst of a storm's alerts: the rest by cause. */
  more: (n: number, byCause: string[]) => string;
  causeCount: (n: number, cause: string) => string;
  listSeparator: string;
  footer: string;
}

const en: MessageTexts = {
  cause: CAUSE_TEXTS.en.name,
  action: CAUSE_TEXTS.en.action,
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
  more: (n, byCause) => `…and ${n} more: ${byCause.join(', ')}. Every one is in the dashboard's alert list.`,
  causeCount: (n, cause) => `${n} ${cause}`,
  listSeparator: ', ',
  footer: 'Fleet Monitor. Acknowledge an alert in the dashboard to stop reminders.',
};

const zh: MessageTexts = {
  cause: CAUSE_TEXTS['zh-CN'].name,
  action: CAUSE_TEXTS['zh-CN'].action,
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
  more: (n, byCause) => `另有 ${n} 条：${byCause.join('，')}。全部告警见控制台的告警列表。`,
  causeCount: (n, cause) => `${cause} ${n} 条`,
  listSeparator: '，',
  footer: '终端监控平台。在控制台确认告警后不再提醒。',
};

export const MESSAGE_TEXTS: Record<UserLocale, MessageTexts> = { 'zh-CN': zh, en };
