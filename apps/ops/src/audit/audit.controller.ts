import { Controller, Get } from '@nestjs/common';
import { AuditVerifier, type AuditVerification } from '@mpp/audit';

/** The ops app's own audit chain: dead-letter handling and operator management. */
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly verifier: AuditVerifier) {}

  /** Chains what was appended so far, then recomputes every hash. */
  @Get('verify')
  verify(): Promise<AuditVerification> {
    return this.verifier.verify();
  }
}
