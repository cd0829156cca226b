import { ApplicationStatus, StatusMachine } from '@mpp/contracts';

const S = ApplicationStatus;

/** The civil registry's own statuses in canonical terms. */
const CANONICAL: Record<string, ApplicationStatus> = {
  DITERIMA: S.DELIVERED,
  DIPROSES: S.IN_PROCESS,
  PERLU_PERBAIKAN: S.NEEDS_REVISION,
  DISETUJUI: S.APPROVED,
  DITOLAK: S.REJECTED,
  SELESAI: S.COMPLETED,
};

const MAIN_LINE: ApplicationStatus[] = [S.DELIVERED, S.IN_PROCESS, S.APPROVED, S.COMPLETED];

export function toCanonicalStatus(legacyStatus: string): ApplicationStatus | undefined {
  return CANONICAL[legacyStatus];
}

/**
 * The canonical steps from the last reported status to the one the registry now shows. A poll
 * may miss intermediate states; they are filled in so the timeline reads as it happened.
 */
export function stepsToward(
  last: ApplicationStatus,
  target: ApplicationStatus,
): ApplicationStatus[] {
  if (last === target) return [];
  const from = MAIN_LINE.indexOf(last);
  const to = MAIN_LINE.indexOf(target);
  let steps: ApplicationStatus[];
  if (from >= 0 && to > from) {
    steps = MAIN_LINE.slice(from + 1, to + 1);
  } else if (last === S.DELIVERED && (target === S.NEEDS_REVISION || target === S.REJECTED)) {
    steps = [S.IN_PROCESS, target];
  } else {
    steps = [target];
  }
  let current = last;
  for (const step of steps) {
    if (!StatusMachine.canTransition(current, step)) return [];
    current = step;
  }
  return steps;
}
