import { ApplicationStatus } from './application-status';

const S = ApplicationStatus;

/**
 * The one state machine of an application's canonical status. Every component that
 * applies or emits a status asks it; nothing else decides what may follow what.
 */
const TRANSITIONS: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  [S.SUBMITTED]: [S.DELIVERED, S.NEEDS_REVISION, S.REJECTED, S.CANCELLED, S.FAILED],
  [S.DELIVERED]: [S.IN_PROCESS, S.NEEDS_REVISION, S.APPROVED, S.REJECTED, S.CANCELLED, S.FAILED],
  [S.IN_PROCESS]: [S.NEEDS_REVISION, S.APPROVED, S.REJECTED, S.CANCELLED, S.FAILED],
  [S.NEEDS_REVISION]: [S.IN_PROCESS, S.REJECTED, S.CANCELLED, S.FAILED],
  [S.APPROVED]: [S.COMPLETED],
  [S.REJECTED]: [],
  [S.COMPLETED]: [],
  [S.CANCELLED]: [],
  // An operator re-drives a failed application; the agency then reports where it stands.
  [S.FAILED]: [S.DELIVERED, S.IN_PROCESS, S.NEEDS_REVISION, S.APPROVED, S.REJECTED, S.CANCELLED],
};

/** Progress along the main line; a lower rank than the current one means "older news". */
const RANK: Readonly<Record<ApplicationStatus, number>> = {
  [S.SUBMITTED]: 0,
  [S.FAILED]: 0,
  [S.DELIVERED]: 1,
  [S.IN_PROCESS]: 2,
  [S.NEEDS_REVISION]: 2,
  [S.APPROVED]: 3,
  [S.REJECTED]: 4,
  [S.CANCELLED]: 4,
  [S.COMPLETED]: 5,
};

export const FINAL_STATUSES: readonly ApplicationStatus[] = [S.COMPLETED, S.REJECTED, S.CANCELLED];

export type TransitionVerdict =
  { kind: 'apply' } | { kind: 'stale'; reason: string } | { kind: 'illegal'; reason: string };

export const StatusMachine = {
  canTransition(from: ApplicationStatus, to: ApplicationStatus): boolean {
    return TRANSITIONS[from].includes(to);
  },

  isFinal(status: ApplicationStatus): boolean {
    return FINAL_STATUSES.includes(status);
  },

  nextStatuses(from: ApplicationStatus): readonly ApplicationStatus[] {
    return TRANSITIONS[from];
  },

  /** Decides what to do with a reported status given the current one. */
  judge(current: ApplicationStatus, reported: ApplicationStatus): TransitionVerdict {
    if (TRANSITIONS[current].includes(reported)) return { kind: 'apply' };
    if (reported === current) {
      return { kind: 'stale', reason: `already ${current}` };
    }
    if (RANK[reported] <= RANK[current]) {
      return { kind: 'stale', reason: `${reported} is behind the current status ${current}` };
    }
    return { kind: 'illegal', reason: `${current} cannot move to ${reported}` };
  },
};
