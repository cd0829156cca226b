/** The civil registry refused the application itself; retrying will not change its mind. */
export class CivilRegistryRefusal extends Error {
  constructor(
    readonly code: string,
    readonly reason: string,
  ) {
    super(`${code}: ${reason}`);
    this.name = 'CivilRegistryRefusal';
  }
}

/**
 * The civil registry could not answer: busy, in maintenance, unreachable or too slow. Whether a
 * submission arrived is unknown, so the next attempt asks before submitting again.
 */
export class CivilRegistryUnavailable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'CivilRegistryUnavailable';
  }
}

export const NOT_FOUND_FAULT = 'Client.TidakDitemukan';
