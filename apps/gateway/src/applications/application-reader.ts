import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ApplicationRequestEntity } from './application-request.entity';
import { ApplicationStatusChangeEntity } from './application-status-change.entity';
import { ApplicationEntity } from './application.entity';

export interface ApplicationWithHistory {
  application: ApplicationEntity;
  /** Status timeline, oldest step first. */
  changes: ApplicationStatusChangeEntity[];
  /** The applicant's resubmissions and cancellations, oldest first. */
  requests: ApplicationRequestEntity[];
}

/** Reads applications with their history; inside a caller's transaction when given one. */
@Injectable()
export class ApplicationReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async byId(id: string): Promise<ApplicationWithHistory | undefined> {
    const application = await this.db.manager.findOneBy(ApplicationEntity, { id });
    return application ? this.withHistory(application) : undefined;
  }

  async byTrackingNumber(trackingNumber: string): Promise<ApplicationWithHistory | undefined> {
    const application = await this.db.manager.findOneBy(ApplicationEntity, { trackingNumber });
    return application ? this.withHistory(application) : undefined;
  }

  async withHistory(
    application: ApplicationEntity,
    db: EntityManager = this.db.manager,
  ): Promise<ApplicationWithHistory> {
    const byApplication = {
      where: { applicationId: application.id },
      order: { id: 'ASC' } as const,
    };
    const changes = await db.find(ApplicationStatusChangeEntity, byApplication);
    const requests = await db.find(ApplicationRequestEntity, byApplication);
    return { application, changes, requests };
  }
}
