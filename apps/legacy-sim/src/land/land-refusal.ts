import type { Refusal } from '../rest/refusal';

/** The land system's error body: `{ kode, pesan }`. */
export function renderLandRefusal({ message, details }: Refusal): object {
  return { kode: details.kode ?? 'PERMINTAAN_TIDAK_VALID', pesan: message };
}
