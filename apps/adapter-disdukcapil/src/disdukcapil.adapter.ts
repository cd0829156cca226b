import { defineAdapter, environmentConfig, type AdapterModuleOptions } from '@mpp/adapter-sdk';
import { CivilRegistryConnector } from './civil-registry/civil-registry.connector';
import { CivilRegistryConfig } from './civil-registry/civil-registry.config';
import { LegacyCivilRegistryClient } from './civil-registry/legacy-civil-registry.client';
import { DISDUKCAPIL_SERVICES } from './services/disdukcapil-services';

/** Disdukcapil Batam: the civil registry, a synchronous SOAP service that must be polled. */
export const DISDUKCAPIL_ADAPTER: AdapterModuleOptions = {
  definition: defineAdapter({
    agency: 'disdukcapil',
    agencyName: 'Dinas Kependudukan dan Pencatatan Sipil Kota Batam',
    defaultPort: 3201,
    services: DISDUKCAPIL_SERVICES,
  }),
  connector: CivilRegistryConnector,
  providers: [
    environmentConfig(CivilRegistryConfig, 'adapter-disdukcapil'),
    LegacyCivilRegistryClient,
  ],
};
