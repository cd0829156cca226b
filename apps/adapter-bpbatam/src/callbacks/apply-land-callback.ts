import { Injectable } from '@nestjs/common';
import { StatusReporter } from '@mpp/adapter-sdk';
import { toStatusReport } from '../land/land-status.mapper';
import { CallbackProblems } from './callback-problem';
import type { LandCallbackDto } from './land-callback.dto';

export type CallbackOutcome = 'applied' | 'unchanged' | 'duplicate';

/**
 * Turns one authentic callback into canonical statuses on `mpp.status`. It returns only once
 * they are emitted; whatever cannot be applied yet throws, so the land system sends it again.
 * A callback sent again after a lost answer is recognised by its `id_event`: it may be older
 * than news applied since, and must not send the application back.
 */
@Injectable()
export class ApplyLandCallback {
  constructor(private readonly reporter: StatusReporter) {}

  async apply(callback: LandCallbackDto): Promise<CallbackOutcome> {
    const applicationId = callback.referensi;
    const outcome = await this.reporter.report({
      applicationId,
      agencyReference: callback.nomor_berkas,
      newsId: `land-callback:${callback.id_event}`,
      ...toStatusReport(callback),
    });
    switch (outcome.kind) {
      case 'unknown-application':
        throw CallbackProblems.unknownApplication(applicationId);
      case 'duplicate':
        return 'duplicate';
      case 'emitted':
        return 'applied';
      case 'unchanged':
        return 'unchanged';
    }
  }
}
