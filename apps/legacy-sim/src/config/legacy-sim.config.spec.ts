import { validateLegacySimEnvironment } from './legacy-sim.config';

describe('validateLegacySimEnvironment', () => {
  it('applies the defaults when nothing is set', () => {
    expect(validateLegacySimEnvironment({})).toEqual({
      port: 3100,
      host: '0.0.0.0',
      systems: {
        'civil-registry': { processingMs: 3000, timeoutHoldMs: 30000 },
        permits: { processingMs: 3000, timeoutHoldMs: 30000, rateLimitPerSecond: 50 },
        land: { processingMs: 3000, timeoutHoldMs: 30000 },
      },
      permits: {
        userKey: 'sim-user-key',
        basicUser: 'mpp',
        basicPassword: 'mpp-secret',
        clientId: 'mpp-gateway',
        clientSecret: 'mpp-oauth-secret',
        tokenTtlSeconds: 300,
      },
      land: {
        apiKey: 'sim-land-key',
        callbackSecret: 'sim-land-callback-secret',
        callbackRetryBaseMs: 500,
      },
    });
  });

  it('reads numbers from environment strings and ignores empty values', () => {
    const config = validateLegacySimEnvironment({
      LEGACY_SIM_PORT: '3199',
      LEGACY_SIM_HOST: '',
      SIM_CIVIL_REGISTRY_PROCESSING_MS: '1200',
      SIM_PERMITS_RATE_LIMIT_PER_SECOND: '0',
      SIM_LAND_CALLBACK_RETRY_BASE_MS: '40',
      UNRELATED: 'x',
    });
    expect(config.port).toBe(3199);
    expect(config.host).toBe('0.0.0.0');
    expect(config.systems['civil-registry'].processingMs).toBe(1200);
    expect(config.systems.permits.rateLimitPerSecond).toBe(0);
    expect(config.land.callbackRetryBaseMs).toBe(40);
  });

  it.each([
    [{ LEGACY_SIM_PORT: 'http' }],
    [{ LEGACY_SIM_PORT: '70000' }],
    [{ SIM_CIVIL_REGISTRY_PROCESSING_MS: '-1' }],
    [{ SIM_CIVIL_REGISTRY_TIMEOUT_HOLD_MS: '1.5' }],
    [{ SIM_PERMITS_TOKEN_TTL_S: '0' }],
    [{ SIM_PERMITS_RATE_LIMIT_PER_SECOND: '-5' }],
    [{ SIM_LAND_CALLBACK_RETRY_BASE_MS: '0' }],
  ])('refuses %o', (env) => {
    expect(() => validateLegacySimEnvironment(env)).toThrow(/invalid legacy-sim configuration/);
  });
});
