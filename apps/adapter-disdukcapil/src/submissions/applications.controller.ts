import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { EventTypes, Topics, type ApplicationSubmitted } from '@mpp/contracts';
import { decodeCloudEvent } from '@mpp/kafka';
import { AGENCY } from '../services/civil-registry-services';
import { SubmitToCivilRegistry } from './submit-to-civil-registry.use-case';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Consumes the agency's applications topic through the NestJS Kafka transport. */
@Controller()
export class ApplicationsController {
  private readonly logger = new Logger(ApplicationsController.name);

  constructor(private readonly submit: SubmitToCivilRegistry) {}

  @EventPattern(Topics.applicationsOf(AGENCY))
  async onApplication(_payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    const message = context.getMessage();
    const position = `${context.getTopic()}/${context.getPartition()}@${message.offset}`;
    let event;
    try {
      event = decodeCloudEvent<ApplicationSubmitted>({
        headers: message.headers,
        value: message.value,
      });
      if (!isSubmission(event.data)) throw new Error('data is not an application.submitted.v1');
    } catch (error) {
      // A malformed message must not stop the consumer; it is skipped with the reason.
      this.logger.warn(`skipped malformed message at ${position}: ${String(error)}`);
      return;
    }
    if (event.type !== EventTypes.applicationSubmitted) {
      this.logger.warn(`skipped ${event.type} at ${position}: not handled by this adapter`);
      return;
    }
    await this.submit.execute({
      application: event.data,
      correlationId: event.correlationid,
      traceparent: event.traceparent,
    });
  }
}

function isSubmission(data: ApplicationSubmitted): boolean {
  return (
    typeof data === 'object' &&
    data !== null &&
    UUID.test(String(data.applicationId)) &&
    typeof data.serviceCode === 'string' &&
    typeof data.applicant?.nik === 'string' &&
    typeof data.applicant?.name === 'string' &&
    typeof data.data === 'object' &&
    data.data !== null
  );
}
