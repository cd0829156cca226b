import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ApplicationStatusChangeEntity } from './application-status-change.entity';
import { ApplicationEntity } from './application.entity';

export interface ApplicationWithTimeline {
  application: ApplicationEntity;
  changes: ApplicationStatusChangeEntity[];
}

/** Reads applications with their status timeline, oldest step first. */
@Injectable()
export class ApplicationReader {
  constructor(
    @InjectRepository(ApplicationEntity)
    private readonly applications: Repository<ApplicationEntity>,
    @InjectRepository(ApplicationStatusChangeEntity)
    private readonly changes: Repository<ApplicationStatusChangeEntity>,
  ) {}

  async byId(id: string): Promise<ApplicationWithTimeline | undefined> {
    const application = await this.applications.findOneBy({ id });
    return application ? this.withTimeline(application) : undefined;
  }

  async byTrackingNumber(trackingNumber: string): Promise<ApplicationWithTimeline | undefined> {
    const application = await this.applications.findOneBy({ trackingNumber });
    return application ? this.withTimeline(application) : undefined;
  }

  private async withTimeline(application: ApplicationEntity): Promise<ApplicationWithTimeline> {
    const changes = await this.changes.find({
      where: { applicationId: application.id },
      order: { id: 'ASC' },
    });
    return { application, changes };
  }
}
