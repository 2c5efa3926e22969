import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import type { AppConfig } from './config/app-config';
import { AppModule } from './app/app.module';
import { applyHttpRoleGate } from './cluster/http-role-gate';
import { applyHttpHardening } from './http-hardening';
import { JsonLogger } from './logging/json-logger';
import { assertPortFree } from './port-check';
import { describeStartupError } from './startup-errors';
import { externalBrokerUnguarded } from './external-broker-guard';

export interface RunningPlatform {
  app: INestApplication;
  /** Base URL of the API and dashboard, e.g. http://localhost:3000 */
  url: string;
  close(): Promise<void>;
}

/** Boots the whole platform (broker, ingestor, storage, API, web) with a validated config. */
export async function startPlatform(
  config: AppConfig,
  logger = new JsonLogger(config.logLevel),
): Promise<RunningPlatform> {
  await assertPortFree(config.port, 'PORT');
  if (config.mqttUrl === undefined) await assertPortFree(config.mqttPort, 'MQTT_PORT');
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger,
    abortOnError: false,
    bufferLogs: true,
  });
  const unguarded = externalBrokerUnguarded(config);
  if (unguarded) logger.warn(unguarded, 'Platform');
  applyHttpHardening(app, config);
  applyHttpRoleGate(app, config);
  app.setGlobalPrefix('api/v1', { exclude: ['metrics'] });
  app.enableShutdownHooks();
  const openApi = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('Fleet Monitor API').setVersion('1').addBearerAuth().build(),
  );
  SwaggerModule.setup('api/docs', app, cleanupOpenApiDoc(openApi));
  try {
    await app.listen(config.port);
  } catch (error) {
    await app.close().catch(() => undefined);
    throw new Error(describeStartupError(error, config));
  }
  const address = app.getHttpServer().address() as { port: number };
  return { app, url: `http://localhost:${address.port}`, close: () => app.close() };
}
