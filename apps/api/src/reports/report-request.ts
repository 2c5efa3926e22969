import { Injectable } from '@nestjs/common';
import {
  DEFAULT_REPORT_TIME_ZONE,
  type DeviceHealthQuery,
  type ReportLocale,
} from '@fleet/telemetry/api/reports';
import type { Scope } from '../auth/scope/scope';
import type { AuthUser } from '../auth/users/role';
import { type ResolvedPeriod, resolvePeriod } from './period/report-period';
import { isTimeZone } from './period/zoned-time';
import type { ReportSelection } from './reports.repository';
import { ReportsRepository } from './reports.repository';

export interface ReportRequest {
  selection: ReportSelection;
  period: ResolvedPeriod;
  locale: ReportLocale;
}

/** Turns a caller and a query into what to report on: scope, merchants, period in the caller's zone. */
@Injectable()
export class ReportRequests {
  constructor(private readonly reports: ReportsRepository) {}

  async resolve(user: AuthUser, scope: Scope, query: DeviceHealthQuery): Promise<ReportRequest> {
    const reader = await this.reports.readerOf(user.id);
    const stored = reader?.timeZone ?? DEFAULT_REPORT_TIME_ZONE;
    const timeZone = isTimeZone(stored) ? stored : DEFAULT_REPORT_TIME_ZONE;
    return {
      selection: { scope, merchantIds: query.merchantId },
      period: resolvePeriod(query.from, query.to, timeZone),
      locale: query.locale ?? reader?.locale ?? 'zh-CN',
    };
  }
}
