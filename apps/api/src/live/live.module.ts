import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { IngestModule } from '../ingest/ingest.module';
import { RiskModule } from '../risk/risk.module';
import { LiveRepository } from '../storage/repositories/live.repository';
import { LiveGateway } from './live.gateway';
import { SocketSessionKeeper } from './socket-session-keeper';
import { TerminalChangeFeed } from './terminal-change-feed';

@Module({
  imports: [IngestModule, RiskModule, AlertsModule],
  providers: [LiveGateway, LiveRepository, TerminalChangeFeed, SocketSessionKeeper],
  exports: [TerminalChangeFeed],
})
export class LiveModule {}
