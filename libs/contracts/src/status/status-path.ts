import { ApplicationStatus } from './application-status';
import { StatusMachine } from './status-machine';

const S = ApplicationStatus;
const MAIN_LINE: readonly ApplicationStatus[] = [
  S.SUBMITTED,
  S.DELIVERED,
  S.IN_PROCESS,
  S.APPROVED,
  S.COMPLETED,
];

/**
 * The legal steps from the last reported status to the one an agency system now shows. A poll
 * or a callback may skip intermediate states; they are filled in along the main line so the
 * timeline reads as it happened. Empty when there is nothing new or the news is older.
 */
export function statusPath(
  last: ApplicationStatus,
  target: ApplicationStatus,
): ApplicationStatus[] {
  if (last === target) return [];
  const to = MAIN_LINE.indexOf(target);
  const from = last === S.NEEDS_REVISION ? MAIN_LINE.indexOf(S.DELIVERED) : MAIN_LINE.indexOf(last);
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
