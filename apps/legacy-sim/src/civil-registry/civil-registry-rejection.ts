import type { CivilRegistryFaultCode } from './civil-registry-status';

/** The civil registry refuses a request for a business reason (a `soap:Client` fault). */
export class CivilRegistryRejection extends Error {
  constructor(
    readonly kode: CivilRegistryFaultCode,
    message: string,
  ) {
    super(message);
    this.name = 'CivilRegistryRejection';
  }
}
