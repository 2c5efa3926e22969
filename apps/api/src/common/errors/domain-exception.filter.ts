import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import { toErrorResponse } from './error-body';

/**
 * The single place where errors become HTTP: `{ error: { code, message, fields? } }`.
 * Unexpected errors answer a bare 500 and are logged with their stack, never echoed.
 */
/** The part of Express's response the filter uses (express types are not a dependency). */
interface ExpressResponse {
  headersSent: boolean;
  status(code: number): this;
  set(headers: Record<string, string>): this;
  json(body: unknown): void;
}

@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('DomainExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') {
      // Socket and broker handlers report their own errors; nothing to answer here.
      this.logger.error(exception instanceof Error ? exception : String(exception));
      return;
    }
    const response = host.switchToHttp().getResponse<ExpressResponse>();
    const mapped = toErrorResponse(exception);
    if (mapped.unexpected) this.logger.error(exception instanceof Error ? exception : String(exception));
    if (response.headersSent) return;
    response.status(mapped.status).set(mapped.headers).json(mapped.body);
  }
}
