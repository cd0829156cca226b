import { PickType } from '@nestjs/swagger';
import { SubmitApplicationDto } from './submit-application.dto';

/**
 * Corrected `data` after the agency asked for a revision, by the same rules as at intake.
 * `documents`, when given, replace the earlier ones; left out, those stay.
 */
export class ResubmitApplicationDto extends PickType(SubmitApplicationDto, ['data', 'documents']) {}
