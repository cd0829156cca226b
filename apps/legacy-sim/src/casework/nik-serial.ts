/**
 * Every simulated system reads the NIK's serial (its last four digits) the same way, so a test
 * or a demo chooses an application's fate by the NIK it submits.
 */
export type CaseOutcome = 'approve' | 'revise' | 'reject';

const SERIAL_NOT_REGISTERED = '9999';
const SERIAL_NEEDS_REVISION = '9998';
const SERIAL_REJECTED = '9997';

export function isWellFormedNik(nik: string): boolean {
  return /^\d{16}$/.test(nik);
}

/** Serial 9999 stands for a NIK the population database does not know: refused at submission. */
export function isRegisteredNik(nik: string): boolean {
  return serialOf(nik) !== SERIAL_NOT_REGISTERED;
}

/** 9998 asks for a revision once, 9997 is rejected after processing, any other is approved. */
export function outcomeForNik(nik: string): CaseOutcome {
  const serial = serialOf(nik);
  if (serial === SERIAL_NEEDS_REVISION) return 'revise';
  if (serial === SERIAL_REJECTED) return 'reject';
  return 'approve';
}

function serialOf(nik: string): string {
  return nik.slice(-4);
}
