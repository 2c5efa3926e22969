import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from './config/app-config';

type BodyParserError = Error & { type?: string };

/** Large enough for one import call of 10,000 terminals, small enough to refuse abuse. */
export const JSON_BODY_LIMIT = '4mb';

/**
 * Security headers, CORS only for configured origins, a body size limit, and gzip (the
 * map of 100k terminals is megabytes of JSON).
 */
export function applyHttpHardening(app: NestExpressApplication, config: AppConfig): void {
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Map tiles may come from an operator-configured tile server.
          'img-src': ["'self'", 'data:', 'blob:', 'https:'],
          'worker-src': ["'self'", 'blob:'],
          'connect-src': ["'self'", 'ws:', 'wss:'],
        },
      },
    }),
  );
  app.use(compression());
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  // Body-parser errors happen before routing, where Nest's filters do not see them
  // (an oversized body otherwise surfaces as a 404); answer them here in the API's shape.
  app.use((error: BodyParserError, _req: Request, res: Response, next: NextFunction) => {
    const known = error?.type === 'entity.too.large' || error?.type === 'entity.parse.failed';
    if (!known) return next(error);
    const tooLarge = error.type === 'entity.too.large';
    res.status(tooLarge ? 413 : 400).json({
      error: tooLarge
        ? { code: 'PAYLOAD_TOO_LARGE', message: `request body is over ${JSON_BODY_LIMIT}` }
        : { code: 'VALIDATION', message: 'request body is not valid JSON' },
    });
  });
  if (config.corsOrigins.length > 0) app.enableCors({ origin: config.corsOrigins, credentials: false });
}
