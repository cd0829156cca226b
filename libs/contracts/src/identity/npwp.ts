import { checkNik, type NikProblem } from './nik';

/**
 * - `format`: not 16 digits;
 * - `placeholder`: all zeros, the number tax invoices carried for buyers without an NPWP;
 * - `not-nik`: starts like a resident's NPWP, which is their NIK, but is not a valid NIK.
 */
export type NpwpProblem = 'format' | 'placeholder' | 'not-nik';

/** A resident individual's NPWP is their NIK; anyone else's is "0" + the old 15-digit NPWP. */
export type NpwpHolder = 'resident-individual' | 'other';

export type NpwpCheck =
  | { valid: true; holder: NpwpHolder }
  | { valid: false; problem: NpwpProblem; nikProblem?: NikProblem };

/**
 * The 16-digit NPWP of PMK 112/PMK.03/2022 (DESIGN.md §4): resident individuals use their NIK;
 * entities, government agencies and non-residents use "0" followed by their 15-digit NPWP. No
 * NIK starts with 0 (province codes run from 11), so the first digit tells the two apart.
 */
export function checkNpwp(value: string, today: Date = new Date()): NpwpCheck {
  if (!/^\d{16}$/.test(value)) return { valid: false, problem: 'format' };
  if (/^0+$/.test(value)) return { valid: false, problem: 'placeholder' };
  if (value.startsWith('0')) return { valid: true, holder: 'other' };
  const nik = checkNik(value, today);
  return nik.valid
    ? { valid: true, holder: 'resident-individual' }
    : { valid: false, problem: 'not-nik', nikProblem: nik.problem };
}
