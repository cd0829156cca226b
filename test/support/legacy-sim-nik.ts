/**
 * A Batam NIK (born 1 Jan 1990) ending in `serial`, which steers every simulated system alike:
 * 9999 refused, 9998 asks for one revision, 9997 rejected, any other approved.
 */
export function nikWithSerial(serial: string): string {
  return `217101010190${serial}`;
}
