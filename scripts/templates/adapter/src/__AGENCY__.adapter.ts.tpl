import { defineAdapter, type AdapterModuleOptions } from '@mpp/adapter-sdk';
import { __PASCAL__Connector } from './legacy/__AGENCY__.connector';
import { StubAgencySystem, stubAgencySystem } from './legacy/stub-agency-system';
import { __CONST___SERVICES } from './services/__AGENCY__-services';

/** __AGENCY_NAME__: its services, and the connector to its legacy system. */
export const __CONST___ADAPTER: AdapterModuleOptions = {
  definition: defineAdapter({
    agency: '__AGENCY__',
    agencyName: '__AGENCY_NAME__',
    defaultPort: __PORT__,
    services: __CONST___SERVICES,
  }),
  connector: __PASCAL__Connector,
  // Replace the stub with the client of the agency's system (and its configuration, read
  // with environmentConfig from @mpp/adapter-sdk).
  providers: [{ provide: StubAgencySystem, useValue: stubAgencySystem }],
};
