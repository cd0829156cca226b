import { startAdapter } from '@mpp/adapter-sdk';
import { __CONST___ADAPTER } from './__AGENCY__.adapter';

void startAdapter(__CONST___ADAPTER);
