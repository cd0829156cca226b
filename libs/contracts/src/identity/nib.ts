export type NibProblem = 'format';

export type NibCheck = { valid: true } | { valid: false; problem: NibProblem };

/** Nomor Induk Berusaha as OSS issues it (DESIGN.md §4): exactly 13 digits. */
export function checkNib(value: string): NibCheck {
  return /^\d{13}$/.test(value) ? { valid: true } : { valid: false, problem: 'format' };
}
