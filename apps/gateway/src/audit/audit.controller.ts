import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditVerifier, type AuditVerification } from '@mpp/audit';
import { AccessRoles } from '../access/access-roles';
import { RequireRoles } from '../access/access.decorators';

@ApiTags('audit')
@RequireRoles(AccessRoles.ops, AccessRoles.admin)
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly verifier: AuditVerifier) {}

  @Get('verify')
  @ApiOperation({
    summary: "Verify the gateway's audit chain",
    description:
      'Chains what was appended so far, then recomputes every hash: `valid`, how many records ' +
      'were `checked`, the `head` (position and hash) and the `firstBroken` record with why.',
  })
  verify(): Promise<AuditVerification> {
    return this.verifier.verify();
  }
}
