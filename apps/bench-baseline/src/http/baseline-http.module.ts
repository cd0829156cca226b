import { Module } from '@nestjs/common';
import { ClientsModule, Transport } from '@nestjs/microservices';
import { kafkaConnectionFromEnv, toKafkaConfig } from '@mpp/kafka';
import { Partitioners } from 'kafkajs';
import { baselineConfig } from '../baseline.config';
import { BASELINE_CONFIG, SUBMISSIONS_CLIENT } from './baseline-http.tokens';
import { NoopController } from './noop.controller';
import { SubmissionsController } from './submissions.controller';

@Module({
  imports: [
    ClientsModule.registerAsync([
      {
        name: SUBMISSIONS_CLIENT,
        useFactory: () => ({
          transport: Transport.KAFKA,
          options: {
            client: toKafkaConfig(kafkaConnectionFromEnv('bench-baseline-http')),
            consumer: { groupId: baselineConfig().groupId },
            producer: { createPartitioner: Partitioners.DefaultPartitioner },
          },
        }),
      },
    ]),
  ],
  controllers: [SubmissionsController, NoopController],
  providers: [{ provide: BASELINE_CONFIG, useFactory: () => baselineConfig() }],
})
export class BaselineHttpModule {}
