import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule, type Params } from 'nestjs-pino';

export const CORRELATION_HEADER = 'x-correlation-id';

/** Paths pino removes from every log line: credentials and personal data. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  '*.nik',
  '*.name',
  '*.applicant',
  'applicant',
  'nik',
];

/** JSON logs with a correlation id per request; `LOG_FORMAT=pretty` for humans. */
@Module({})
export class ObservabilityLoggingModule {
  static forComponent(component: string): DynamicModule {
    return {
      module: ObservabilityLoggingModule,
      imports: [
        // Read at start-up, not at import, so each started app takes its own environment.
        LoggerModule.forRootAsync({ useFactory: () => loggerOptions(component) }),
      ],
      exports: [LoggerModule],
    };
  }
}

function loggerOptions(component: string): Params {
  const pretty = process.env.LOG_FORMAT === 'pretty';
  return {
    pinoHttp: {
      name: component,
      level: process.env.LOG_LEVEL ?? 'info',
      redact: { paths: REDACTED_PATHS, censor: '[masked]' },
      genReqId: (req: IncomingMessage) => {
        const given = req.headers[CORRELATION_HEADER];
        const id =
          typeof given === 'string' && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
        return id;
      },
      customAttributeKeys: { reqId: 'correlationId' },
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
      },
      transport: pretty
        ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } }
        : undefined,
    },
  };
}

/** The correlation id pino-http gave this request (from `X-Correlation-Id` or a new UUID). */
export function correlationIdOf(request: IncomingMessage & { id?: unknown }): string {
  return typeof request.id === 'string' ? request.id : randomUUID();
}
