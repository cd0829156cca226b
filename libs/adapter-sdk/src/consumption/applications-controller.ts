import { Controller, type Type } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { Topics } from '@mpp/contracts';
import { ApplicationMessagePipeline } from './application-message-pipeline';

/** The NestJS Kafka transport handler of one agency's applications topic. */
export function applicationsControllerFor(agency: string): Type<unknown> {
  @Controller()
  class ApplicationsController {
    constructor(private readonly pipeline: ApplicationMessagePipeline) {}

    @EventPattern(Topics.applicationsOf(agency))
    async onApplicationMessage(_payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
      await this.pipeline.consume(context);
    }
  }
  return ApplicationsController;
}
