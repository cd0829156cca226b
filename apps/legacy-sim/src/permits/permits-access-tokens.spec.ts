import { validateLegacySimEnvironment } from '../config/legacy-sim.config';
import { SimulationReset } from '../control/simulation-reset';
import { Refusal } from '../rest/refusal';
import { PermitsAccessTokens } from './permits-access-tokens';

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const CLIENT = basic('mpp-gateway', 'mpp-oauth-secret');

describe('PermitsAccessTokens', () => {
  let reset: SimulationReset;
  let tokens: PermitsAccessTokens;

  beforeEach(() => {
    reset = new SimulationReset();
    tokens = new PermitsAccessTokens(
      validateLegacySimEnvironment({ SIM_PERMITS_TOKEN_TTL_S: '60' }),
      reset,
    );
  });

  function refusalOf(grant: () => unknown): Refusal {
    try {
      grant();
    } catch (error) {
      if (error instanceof Refusal) return error;
      throw error;
    }
    throw new Error('the grant was given');
  }

  it('issues a bearer token that is valid for its lifetime only', () => {
    const issued = tokens.grant('client_credentials', CLIENT, 1_000);
    expect(issued).toMatchObject({ token_type: 'Bearer', expires_in: 60 });
    expect(tokens.isValid(issued.access_token, 60_999)).toBe(true);
    expect(tokens.isValid(issued.access_token, 61_000)).toBe(false);
    expect(tokens.isValid('made-up', 1_000)).toBe(false);
  });

  it('forgets every token on reset', () => {
    const issued = tokens.grant('client_credentials', CLIENT, 0);
    reset.resetAll();
    expect(tokens.isValid(issued.access_token, 0)).toBe(false);
  });

  it('refuses an unknown client before looking at the grant', () => {
    const refusal = refusalOf(() => tokens.grant('password', basic('mpp-gateway', 'guess')));
    expect(refusal.httpStatus).toBe(401);
    expect(refusal.details.kode).toBe('invalid_client');
    expect(refusalOf(() => tokens.grant('client_credentials', undefined)).details.kode).toBe(
      'invalid_client',
    );
  });

  it('refuses a missing or other grant type', () => {
    expect(refusalOf(() => tokens.grant(undefined, CLIENT)).details.kode).toBe('invalid_request');
    expect(refusalOf(() => tokens.grant('password', CLIENT)).details.kode).toBe(
      'unsupported_grant_type',
    );
  });
});
