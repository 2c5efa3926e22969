import { Module } from '@nestjs/common';
import { IngestModule } from '../ingest/ingest.module';
import { RiskModule } from '../risk/risk.module';
import { LiveRepository } from '../storage/repositories/live.repository';
import { LiveGateway } from './live.gateway';

@Module({ imports: [IngestModule, RiskModule], providers: [LiveGateway, LiveRepository] })
export class LiveModule {}
