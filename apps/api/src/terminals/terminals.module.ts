import { Module } from '@nestjs/common';
import { TerminalsController } from './terminals.controller';
import { TerminalsService } from './terminals.service';
import { TerminalSeriesService } from './terminal-series.service';
import { SeriesRepository } from '../storage/repositories/series.repository';

@Module({
  controllers: [TerminalsController],
  providers: [TerminalsService, TerminalSeriesService, SeriesRepository],
  exports: [TerminalsService],
})
export class TerminalsModule {}
