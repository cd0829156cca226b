import { startAdapter } from '@mpp/adapter-sdk';
import { BPBATAM_ADAPTER } from './bpbatam.adapter';

void startAdapter(BPBATAM_ADAPTER);
