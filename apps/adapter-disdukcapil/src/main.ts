import { startAdapter } from '@mpp/adapter-sdk';
import { DISDUKCAPIL_ADAPTER } from './disdukcapil.adapter';

void startAdapter(DISDUKCAPIL_ADAPTER);
