import { CAUSE_ACTIONS } from '@fleet/telemetry/causes';
import { evidenceInWords } from '@fleet/telemetry/evidence/evidence-in-words';
import type { UserLocale } from '@fleet/telemetry/api/users';
import { MESSAGE_TEXTS, type MessageTexts } from './message-texts';
import type { AlertChange, AlertSeverity, NotifiableAlert } from './notifiable-alert';

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

const SEVERITY_ORDER: AlertSeverity[] = ['critical', 'major', 'minor', 'warning'];
const CHANGE_ORDER: AlertChange[] = [
  'opened',
  'reopened',
  'escalated',
  'reminder',
  'acknowledged',
  'resolved',
];
/** The fleet is in China: times are shown in China time whatever the language. */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const CHINA_TIME_ZONE = 'Asia/Shanghai';

/**
 * One message for one recipient about one alert or a group of them, in their language:
 * what happened, where, the evidence in words and what to do.
 */
export function renderAlertMessage(alerts: readonly NotifiableAlert[], locale: UserLocale): RenderedMessage {
  if (alerts.length === 0) throw new Error('renderAlertMessage needs at least one alert');
  const t = MESSAGE_TEXTS[locale];
  const { listed, rest } = worstListed(alerts);
  const blocks = listed.map((alert) => alertLines(alert, t, locale));
  const more = rest.length > 0 ? t.more(rest.length, countsByCause(rest, t)) : undefined;
  return {
    subject: subjectOf(alerts, t),
    text: [...blocks.map((lines) => lines.join('\n')), ...(more ? [more] : []), t.footer].join('\n\n'),
    html: htmlOf(blocks, more, t),
  };
}

/**
 * Alerts spelled out in one message. A storm's grouped mail to support listed 2,000 (1.6 MB,
 * unread past the first screens); it now lists the worst and counts the rest by cause. Every
 * alert is still its own notice in the inbox and the dashboard.
 */
export const MAX_LISTED_ALERTS = 50;

function worstListed(alerts: readonly NotifiableAlert[]): {
  listed: readonly NotifiableAlert[];
  rest: readonly NotifiableAlert[];
} {
  if (alerts.length <= MAX_LISTED_ALERTS) return { listed: alerts, rest: [] };
  const rank = (a: NotifiableAlert) => SEVERITY_ORDER.indexOf(a.severity);
  // Stable: alerts of one severity keep the order they were grouped in.
  const sorted = [...alerts].sort((a, b) => rank(a) - rank(b));
  return { listed: sorted.slice(0, MAX_LISTED_ALERTS), rest: sorted.slice(MAX_LISTED_ALERTS) };
}

function countsByCause(alerts: readonly NotifiableAlert[], t: MessageTexts): string[] {
  const counts = new Map<NotifiableAlert['code'], number>();
  for (const alert of alerts) counts.set(alert.code, (counts.get(alert.code) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([code, n]) => t.causeCount(n, t.cause[code]));
}

function subjectOf(alerts: readonly NotifiableAlert[], t: MessageTexts): string {
  const worst = SEVERITY_ORDER.find((s) => alerts.some((a) => a.severity === s)) ?? 'warning';
  const tag = `[${t.severity[worst]}]`;
  const [only] = alerts;
  if (alerts.length === 1 && only)
    return `${tag} ${t.change[only.change]}: ${t.cause[only.code]} · ${where(only, t)}`;
  const parts = CHANGE_ORDER.map(
    (change) => [change, alerts.filter((a) => a.change === change).length] as const,
  )
    .filter(([, n]) => n > 0)
    .map(([change, n]) => t.countOf(n, change));
  return `${tag} ${t.groupSubject(alerts.length, parts)}`;
}

function where(alert: NotifiableAlert, t: MessageTexts): string {
  const place = alert.terminalId
    ? `${t.terminal} ${alert.terminalId}`
    : `${t.incident} ${alert.incidentId ?? alert.id}`;
  return alert.merchantName ? `${place} (${alert.merchantName})` : place;
}

function alertLines(alert: NotifiableAlert, t: MessageTexts, locale: UserLocale): string[] {
  const heading = [t.change[alert.change], t.severity[alert.severity], t.cause[alert.code]].join(' · ');
  const actor =
    alert.actor && (alert.change === 'acknowledged' || alert.change === 'resolved')
      ? ` ${t.by(alert.actor)}`
      : '';
  const lines = [`${heading}${actor}`];
  const place = [
    alert.terminalId ? `${t.terminal} ${alert.terminalId}` : undefined,
    alert.incidentId ? `${t.incident} ${alert.incidentId}` : undefined,
    alert.merchantName ? `${t.merchant} ${alert.merchantName}` : undefined,
    alert.region ? `${t.region} ${alert.region}` : undefined,
  ].filter((part): part is string => part !== undefined);
  if (place.length > 0) lines.push(place.join(' · '));
  if (alert.note) lines.push(`“${alert.note}”`);
  lines.push(`${t.evidence}: ${evidenceOf(alert, locale)}`);
  lines.push(`${t.whatToDo}: ${actionOf(alert, t)}`);
  const seen = alert.occurrences && alert.occurrences > 1 ? ` · ${t.occurrences(alert.occurrences)}` : '';
  lines.push(`${t.opened} ${chinaTime(alert.openedAt)}${seen}`);
  return lines;
}

/**
 * The evidence in the recipient's language, worded from its data as of the change (so the
 * same notice always reads the same); the engine's English words when it has no data.
 */
function evidenceOf(alert: NotifiableAlert, locale: UserLocale): string {
  const cause = { code: alert.code, evidence: alert.evidence, evidenceData: alert.evidenceData };
  return evidenceInWords(locale, cause, alert.changedAt.getTime(), CHINA_TIME_ZONE);
}

/** The cause's standard action in the recipient's language; a custom one as given. */
function actionOf(alert: NotifiableAlert, t: MessageTexts): string {
  return alert.recommendedAction === CAUSE_ACTIONS[alert.code].action
    ? t.action[alert.code]
    : alert.recommendedAction;
}

function chinaTime(at: Date): string {
  return `${new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')} (UTC+8)`;
}

function htmlOf(blocks: string[][], more: string | undefined, t: MessageTexts): string {
  const items = blocks
    .map(
      ([heading = '', ...rest]) =>
        `<li><strong>${escapeHtml(heading)}</strong><br>${rest.map(escapeHtml).join('<br>')}</li>`,
    )
    .join('\n');
  const rest = more ? `<p>${escapeHtml(more)}</p>\n` : '';
  return `<ul>\n${items}\n</ul>\n${rest}<p><small>${escapeHtml(t.footer)}</small></p>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
