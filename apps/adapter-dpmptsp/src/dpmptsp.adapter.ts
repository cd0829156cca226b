import { defineAdapter, environmentConfig, type AdapterModuleOptions } from '@mpp/adapter-sdk';
import { LegacyOssRbaClient } from './oss-rba/legacy-oss-rba.client';
import { OssRbaConfig } from './oss-rba/oss-rba.config';
import { OssRbaConnector } from './oss-rba/oss-rba.connector';
import { DPMPTSP_SERVICES } from './services/dpmptsp-services';

/** DPMPTSP Batam: OSS-RBA, an asynchronous REST API whose permit status must be polled. */
export const DPMPTSP_ADAPTER: AdapterModuleOptions = {
  definition: defineAdapter({
    agency: 'dpmptsp',
    agencyName: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Batam',
    defaultPort: 3202,
    services: DPMPTSP_SERVICES,
  }),
  connector: OssRbaConnector,
  providers: [environmentConfig(OssRbaConfig, 'adapter-dpmptsp'), LegacyOssRbaClient],
};
