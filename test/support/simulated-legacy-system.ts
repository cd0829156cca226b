import type { ConformanceSubject } from '@mpp/adapter-sdk/testing';

/** The conformance kit's hold on one system of the legacy simulator. */
export function simulatedLegacySystem(
  baseUrl: string,
  system: string,
): ConformanceSubject['legacy'] {
  const faults = (maintenance: boolean) =>
    fetch(`${baseUrl}/_sim/systems/${system}/faults`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ maintenance }),
    }).then((response) => {
      if (!response.ok) throw new Error(`fault knob answered ${response.status}`);
    });
  return {
    submissionsOf: async (applicationId) => {
      const response = await fetch(
        `${baseUrl}/_sim/systems/${system}/arrivals?reference=${applicationId}`,
      );
      return ((await response.json()) as { submissions: number }).submissions;
    },
    goDown: () => faults(true),
    comeBack: () => faults(false),
  };
}
