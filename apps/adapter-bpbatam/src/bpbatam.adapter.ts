import { defineAdapter, type AdapterModuleOptions } from '@mpp/adapter-sdk';
import { ApplyLandCallback } from './callbacks/apply-land-callback';
import { LandCallbackController } from './callbacks/land-callback.controller';
import { LandCallbackSignatureGuard } from './callbacks/land-callback-signature.guard';
import { LandCallbackSubscription } from './land/land-callback-subscription';
import { landSystemConfig } from './land/land-system.config';
import { LandConnector } from './land/land.connector';
import { LegacyLandClient } from './land/legacy-land.client';
import { BPBATAM_SERVICES } from './services/bpbatam-services';

/** BP Batam: the land-allocation system, which takes submissions and calls back with progress. */
export const BPBATAM_ADAPTER: AdapterModuleOptions = {
  definition: defineAdapter({
    agency: 'bpbatam',
    agencyName: 'Badan Pengusahaan Batam',
    defaultPort: 3203,
    services: BPBATAM_SERVICES,
  }),
  connector: LandConnector,
  providers: [
    landSystemConfig,
    LegacyLandClient,
    LandCallbackSubscription,
    ApplyLandCallback,
    LandCallbackSignatureGuard,
  ],
  controllers: [LandCallbackController],
};
