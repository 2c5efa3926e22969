import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '../config/app-config';

/** What a process without the http role still answers: its orchestrator's probes. */
const PROBES = ['/api/v1/health', '/metrics'];

/**
 * A cluster process without the http role serves neither the API, the dashboard nor live
 * sockets (socket.io's handshake is an HTTP request too), only its health and metrics.
 */
export function applyHttpRoleGate(app: NestExpressApplication, config: AppConfig): void {
  if (config.cluster === undefined || config.cluster.roles.has('http')) return;
  // Live sockets upgrade outside express: refuse them before socket.io's own listener runs.
  (app.getHttpServer() as Server).prependListener('upgrade', (_request, socket: Duplex) => {
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
    socket.destroy();
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (PROBES.some((path) => request.path === path || request.path.startsWith(`${path}/`))) return next();
    response.status(404).json({ message: 'this process does not serve HTTP (FLEET_ROLES has no http)' });
  });
}
