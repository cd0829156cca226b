import { Injectable } from '@nestjs/common';
import type {
  LegacyCall,
  LegacyConnector,
  LegacyReceipt,
  LegacyStatusReport,
} from '@mpp/adapter-sdk';
import type {
  ApplicationCancelled,
  ApplicationResubmitted,
  ApplicationSubmitted,
} from '@mpp/contracts';
import { StubAgencySystem } from './stub-agency-system';

/**
 * The calls into __AGENCY_NAME__'s system. Throw LegacyRefusal for its business answers and
 * LegacyUnavailable when it cannot answer; the SDK does the rest (docs/adapters.md).
 */
@Injectable()
export class __PASCAL__Connector implements LegacyConnector {
  readonly system = '__AGENCY__-system';

  constructor(private readonly agencySystem: StubAgencySystem) {}

  async submit(application: ApplicationSubmitted, _call: LegacyCall): Promise<LegacyReceipt> {
    return { agencyReference: this.agencySystem.register(application.applicationId) };
  }

  async findSubmission(applicationId: string): Promise<LegacyReceipt | undefined> {
    const agencyReference = this.agencySystem.find(applicationId);
    return agencyReference ? { agencyReference } : undefined;
  }

  async resubmit(_resubmission: ApplicationResubmitted, agencyReference: string): Promise<void> {
    this.agencySystem.revise(agencyReference);
  }

  async cancel(_cancellation: ApplicationCancelled, agencyReference: string): Promise<void> {
    this.agencySystem.withdraw(agencyReference);
  }

  async checkStatus(agencyReference: string): Promise<LegacyStatusReport> {
    return this.agencySystem.statusOf(agencyReference);
  }

  async probe(): Promise<void> {
    this.agencySystem.ping();
  }
}
