import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { kafkaConnectionFromEnv, toKafkaConfig } from '@mpp/kafka';
import { Partitioners } from 'kafkajs';
import { baselineConfig } from './baseline.config';
import { BaselineHttpModule } from './http/baseline-http.module';
import { BaselineResponderModule } from './responder/baseline-responder.module';
import { provisionSubmissionTopics } from './submission-topics';

/**
 * The request-reply gateway the benchmark compares against (bench/README.md): `http` answers
 * each POST only once `responder` has called the civil registry and replied over Kafka.
 */
async function bootstrap(): Promise<void> {
  const config = baselineConfig();
  await provisionSubmissionTopics(`bench-baseline-${config.role}`);
  if (config.role === 'http') {
    const app = await NestFactory.create(BaselineHttpModule);
    app.useGlobalPipes(new ValidationPipe({ whitelist: true, transform: true }));
    app.enableShutdownHooks();
    await app.listen(config.port, '0.0.0.0');
    return;
  }
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(BaselineResponderModule, {
    transport: Transport.KAFKA,
    options: {
      client: toKafkaConfig(kafkaConnectionFromEnv('bench-baseline-responder')),
      consumer: { groupId: config.groupId },
      producer: { createPartitioner: Partitioners.DefaultPartitioner },
      run: { partitionsConsumedConcurrently: config.partitionConcurrency },
    },
  });
  app.enableShutdownHooks();
  await app.listen();
}

void bootstrap();
