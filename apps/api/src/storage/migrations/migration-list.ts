import type { MigrationFactory } from './migration';
import { migration0001Core } from './0001_core';
import { migration0002Telemetry } from './0002_telemetry';
import { migration0003Auth } from './0003_auth';
import { migration0004Risk } from './0004_risk';
import { migration0006MerchantPhone } from './0006_merchant_phone';
import { migration0007AtRiskIndex } from './0007_at_risk_index';
import { migration0008LatestPayloadsJson } from './0008_latest_payloads_json';
import { migration0009OnlineByDeviceTime } from './0009_online_by_device_time';
import { migration0010UserContact } from './0010_user_contact';
import { migration0011Alerts } from './0011_alerts';
import { migration0012Notifications } from './0012_notifications';
import { migration0013AlertMuting } from './0013_alert_muting';
import { migration0014AlertEscalation } from './0014_alert_escalation';
import { migration0015InboxPreferences } from './0015_inbox_preferences';
import { migration0016AlertRoutingRules } from './0016_alert_routing_rules';
import { migration0017WorkOrders } from './0017_work_orders';
import { migration0018TechnicianDispatch } from './0018_technician_dispatch';
import { migration0019WebPush } from './0019_web_push';
import { migration0020ReportOutages } from './0020_report_outages';
import { migration0022NotificationGroups } from './0022_notification_groups';
import { migration0023ReportSubscriptions } from './0023_report_subscriptions';
import { migration0024AddressAndSlaWarning } from './0024_address_and_sla_warning';
import { migration0025Cluster } from './0025_cluster';

/**
 * Every migration, in order. A static list (no directory globbing) so it works the same
 * from src under Vitest and from dist. Append new files here; never edit a landed one.
 */
export const MIGRATIONS: ReadonlyArray<readonly [name: string, factory: MigrationFactory]> = [
  ['0001_core', migration0001Core],
  ['0002_telemetry', migration0002Telemetry],
  ['0003_auth', migration0003Auth],
  ['0004_risk', migration0004Risk],
  ['0006_merchant_phone', migration0006MerchantPhone],
  ['0007_at_risk_index', migration0007AtRiskIndex],
  ['0008_latest_payloads_json', migration0008LatestPayloadsJson],
  ['0009_online_by_device_time', migration0009OnlineByDeviceTime],
  ['0010_user_contact', migration0010UserContact],
  ['0011_alerts', migration0011Alerts],
  ['0012_notifications', migration0012Notifications],
  ['0013_alert_muting', migration0013AlertMuting],
  ['0014_alert_escalation', migration0014AlertEscalation],
  ['0015_inbox_preferences', migration0015InboxPreferences],
  ['0016_alert_routing_rules', migration0016AlertRoutingRules],
  ['0017_work_orders', migration0017WorkOrders],
  ['0018_technician_dispatch', migration0018TechnicianDispatch],
  ['0019_web_push', migration0019WebPush],
  ['0020_report_outages', migration0020ReportOutages],
  ['0022_notification_groups', migration0022NotificationGroups],
  ['0023_report_subscriptions', migration0023ReportSubscriptions],
  ['0024_address_and_sla_warning', migration0024AddressAndSlaWarning],
  ['0025_cluster', migration0025Cluster],
];
