import { ValidationPipe } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { MicroserviceOptions } from '@nestjs/microservices';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { kafkaMicroserviceOptions } from '@mpp/kafka';
import { acceptJsonBodies, answerMalformedHttpAsProblems, validationProblem } from '@mpp/problems';
import { Logger } from 'nestjs-pino';
import type { GatewayConfig } from './config/gateway.config';
import { GatewayModule } from './gateway.module';

export const BODY_LIMIT = '256kb';

/**
 * Builds the gateway with the roles its configuration names. main.ts and the tests both
 * start it through here, so what is tested is what runs.
 */
export async function createGatewayApp(): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.register(), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  acceptJsonBodies(app, { limit: BODY_LIMIT });
  answerMalformedHttpAsProblems(app.getHttpServer());
  app.enableShutdownHooks();
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      forbidUnknownValues: true,
      exceptionFactory: validationProblem,
    }),
  );
  const config = app.get<ConfigService<GatewayConfig, true>>(ConfigService);
  const roles = config.get('GATEWAY_ROLES', { infer: true });

  if (roles.includes('api')) {
    const openApi = new DocumentBuilder()
      .setTitle('MPP Gateway')
      .setDescription(
        'One door to every agency of Mall Pelayanan Publik Batam: submit applications for any ' +
          'service, then track them to completion. Errors are RFC 9457 problem+json.',
      )
      .setVersion('1')
      .build();
    SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApi));
  }

  if (roles.includes('status')) {
    app.connectMicroservice<MicroserviceOptions>(
      kafkaMicroserviceOptions({
        clientId: 'gateway-status',
        groupId: config.get('GATEWAY_STATUS_GROUP_ID', { infer: true }),
      }),
      { inheritAppConfig: true },
    );
    await app.startAllMicroservices();
  }
  return app;
}
