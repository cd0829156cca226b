import type { SoapElement } from './soap-envelope';

export type SoapFaultCode = 'VersionMismatch' | 'MustUnderstand' | 'Client' | 'Server';

/** A SOAP 1.1 fault to answer with; `detail` carries the service's own error element. */
export class SoapFault extends Error {
  constructor(
    readonly code: SoapFaultCode,
    readonly faultString: string,
    readonly httpStatus = 500,
    readonly detail?: SoapElement,
  ) {
    super(`soap:${code}: ${faultString}`);
    this.name = 'SoapFault';
  }
}
