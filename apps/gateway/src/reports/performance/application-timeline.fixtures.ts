import type { ApplicationStatus } from '@mpp/contracts';
import type { ApplicationTimeline } from './application-timeline';

/** A moment on the Jakarta wall clock, `YYYY-MM-DDTHH:mm`. */
export const wib = (local: string): Date => new Date(`${local}:00+07:00`);

/** A timeline for specs: status changes at Jakarta wall-clock times, the first the submission. */
export function timelineOf(
  changes: [ApplicationStatus, string][],
  resubmitted: string[] = [],
): ApplicationTimeline {
  return {
    id: `app-${changes[0][1]}`,
    trackingNumber: 'K7QM-2XHD-9RW',
    agency: 'uji',
    serviceCode: 'uji.surat-keterangan',
    status: changes[changes.length - 1][0],
    submittedAt: wib(changes[0][1]),
    changes: changes.map(([status, when]) => ({ status, at: wib(when) })),
    resubmittedAt: resubmitted.map(wib),
  };
}
