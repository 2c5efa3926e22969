import { Module } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module';
import { IngestModule } from '../ingest/ingest.module';
import { ContactService } from './contact.service';
import { DEFAULT_RISK_OPTIONS, RISK_OPTIONS } from './risk-options';
import { RiskController } from './risk.controller';
import { RiskRepository } from './risk.repository';
import { RiskService } from './risk.service';

/**
 * The risk engine in the running platform: GET /terminals/at-risk and
 * POST /terminals/{id}/contact. Needs, from global modules: DATABASE (storage),
 * AuditService, and what IngestModule needs (APP_CONFIG, BROKER_ENDPOINT, metrics, store).
 * Import it before TerminalsModule.
 */
@Module({
  imports: [IngestModule, IncidentsModule],
  controllers: [RiskController],
  providers: [
    { provide: RISK_OPTIONS, useValue: DEFAULT_RISK_OPTIONS },
    RiskRepository,
    RiskService,
    ContactService,
  ],
  // RISK_OPTIONS: its clock is the one the alerts run on.
  exports: [RiskService, RISK_OPTIONS],
})
export class RiskModule {}
