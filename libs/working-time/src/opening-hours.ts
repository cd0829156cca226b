import { HOUR_MS } from './jakarta-clock';

/** Opening hours of the centre on a working day, as time since 00:00 WIB. */
export const OPENS_AT = 8 * HOUR_MS;
export const CLOSES_AT = 16 * HOUR_MS;

/** The working time in one working day. */
export const WORKING_DAY_MS = CLOSES_AT - OPENS_AT;
