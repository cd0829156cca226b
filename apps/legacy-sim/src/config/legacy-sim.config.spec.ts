import { validateLegacySimEnvironment } from './legacy-sim.config';

describe('validateLegacySimEnvironment', () => {
  it('applies the defaults when nothing is set', () => {
    expect(validateLegacySimEnvironment({})).toEqual({
      port: 3100,
      host: '0.0.0.0',
      systems: { 'civil-registry': { processingMs: 3000, timeoutHoldMs: 30000 } },
    });
  });

  it('reads numbers from environment strings and ignores empty values', () => {
    const config = validateLegacySimEnvironment({
      LEGACY_SIM_PORT: '3199',
      LEGACY_SIM_HOST: '',
      SIM_CIVIL_REGISTRY_PROCESSING_MS: '1200',
      UNRELATED: 'x',
    });
    expect(config.port).toBe(3199);
    expect(config.host).toBe('0.0.0.0');
    expect(config.systems['civil-registry'].processingMs).toBe(1200);
  });

  it.each([
    [{ LEGACY_SIM_PORT: 'http' }],
    [{ LEGACY_SIM_PORT: '70000' }],
    [{ SIM_CIVIL_REGISTRY_PROCESSING_MS: '-1' }],
    [{ SIM_CIVIL_REGISTRY_TIMEOUT_HOLD_MS: '1.5' }],
  ])('refuses %o', (env) => {
    expect(() => validateLegacySimEnvironment(env)).toThrow(/invalid legacy-sim configuration/);
  });
});
