import { Controller } from '@nestjs/common';
import { MessagePattern, Payload, RpcException } from '@nestjs/microservices';
import { SUBMISSIONS_PATTERN } from '../submission-topics';
import type { SubmissionReply, SubmissionRequest } from '../submission';
import { CivilRegistryClient } from './civil-registry.client';

/** The agency side: hands each request to the civil registry and replies with its number. */
@Controller()
export class SubmissionsResponder {
  constructor(private readonly registry: CivilRegistryClient) {}

  @MessagePattern(SUBMISSIONS_PATTERN)
  async submit(@Payload() request: SubmissionRequest): Promise<SubmissionReply> {
    try {
      const agencyReference = await this.registry.register({
        senderReference: request.id,
        serviceCode: request.serviceCode.slice(request.serviceCode.indexOf('.') + 1),
        nik: request.applicant.nik,
        name: request.applicant.name,
        data: request.data,
      });
      return { id: request.id, agencyReference, status: 'DELIVERED' };
    } catch (error) {
      throw new RpcException(error instanceof Error ? error.message : String(error));
    }
  }
}
