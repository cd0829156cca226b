import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type Provider,
  type Type,
} from '@nestjs/common';
import { RecordPastResubmissions } from './record-past-resubmissions.use-case';
import { RecordPastSubmissions } from './record-past-submissions.use-case';
import { RecordPastSurveys } from './record-past-surveys.use-case';
import { SeedingController } from './seeding.controller';

@Injectable()
class SeedingWarning implements OnApplicationBootstrap {
  onApplicationBootstrap(): void {
    new Logger('Seeding').warn(
      'GATEWAY_SEEDING_ENABLED: /v1/seeding records backdated applications, resubmissions and ' +
        'surveys for any client; for development only',
    );
  }
}

/** The seeding routes and what they need when enabled; nothing at all otherwise. */
export function seedingFeature(enabled: boolean): { controllers: Type[]; providers: Provider[] } {
  if (!enabled) return { controllers: [], providers: [] };
  return {
    controllers: [SeedingController],
    providers: [RecordPastSubmissions, RecordPastResubmissions, RecordPastSurveys, SeedingWarning],
  };
}
