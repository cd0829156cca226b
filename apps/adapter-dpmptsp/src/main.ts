import { startAdapter } from '@mpp/adapter-sdk';
import { DPMPTSP_ADAPTER } from './dpmptsp.adapter';

void startAdapter(DPMPTSP_ADAPTER);
