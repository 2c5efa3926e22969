import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Registry } from 'prom-client';
import { Public } from '../auth/guard/public.decorator';
import { MetricsRegistry } from './metrics-registry';

/** Prometheus scrape endpoint, GET /metrics (excluded from the /api/v1 prefix in platform.ts). */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsRegistry) {}

  // Scraped by Prometheus inside the operator's network; holds counts, no fleet data.
  @Public()
  @Get()
  @Header('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE)
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
