/** A request that is not a SOAP 1.1 envelope this server can read. */
export class MalformedSoapRequest extends Error {
  constructor(
    reason: string,
    /** The envelope is in another SOAP version's namespace. */
    readonly versionMismatch = false,
  ) {
    super(reason);
    this.name = 'MalformedSoapRequest';
  }
}
