import { Module } from '@nestjs/common';
import { baselineConfig } from '../baseline.config';
import { RESPONDER_CONFIG } from './baseline-responder.tokens';
import { CivilRegistryClient } from './civil-registry.client';
import { SubmissionsResponder } from './submissions.responder';

@Module({
  controllers: [SubmissionsResponder],
  providers: [
    { provide: RESPONDER_CONFIG, useFactory: () => baselineConfig() },
    CivilRegistryClient,
  ],
})
export class BaselineResponderModule {}
