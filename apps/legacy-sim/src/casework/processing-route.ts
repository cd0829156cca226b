/** A system's status: a word (DIPROSES) or a numeric code (20). */
export type CaseStatus = string | number;

/** A status on a route, reached after `step` of the route's equal parts of the processing time. */
export interface Milestone<S extends CaseStatus> {
  readonly status: S;
  readonly step: number;
}

/**
 * The statuses a case passes through, with the processing time cut into `steps` equal parts.
 * A route that resumes a case (after a revision) starts at its first milestone's step.
 */
export interface ProcessingRoute<S extends CaseStatus> {
  readonly steps: number;
  readonly milestones: readonly [Milestone<S>, ...Milestone<S>[]];
}

export function processingRoute<S extends CaseStatus>(
  steps: number,
  first: [S, number],
  ...rest: [S, number][]
): ProcessingRoute<S> {
  const milestone = ([status, step]: [S, number]): Milestone<S> => ({ status, step });
  return { steps, milestones: [milestone(first), ...rest.map(milestone)] };
}
