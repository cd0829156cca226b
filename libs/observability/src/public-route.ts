import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'mpp:public-route';

/**
 * Marks a route open without credentials in an app whose routes are closed by default: health,
 * metrics, public pages. Anything not marked needs the app's credentials.
 */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
