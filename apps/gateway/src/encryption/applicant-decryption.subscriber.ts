import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntitySubscriberInterface } from 'typeorm';
import { ApplicationEntity } from '../applications/application.entity';
import { PersonalDataCipher } from './personal-data-cipher';
import { SealingContexts } from './sealing-contexts';

/**
 * Opens the sealed applicant of every application loaded through this gateway's data source, so
 * whatever reads an application sees the applicant as submitted. Writers seal it themselves.
 */
@Injectable()
export class ApplicantDecryption implements EntitySubscriberInterface<ApplicationEntity> {
  constructor(
    @InjectDataSource() db: DataSource,
    private readonly cipher: PersonalDataCipher,
  ) {
    db.subscribers.push(this);
  }

  listenTo() {
    return ApplicationEntity;
  }

  afterLoad(application: ApplicationEntity): void {
    if (application.applicant === undefined) return;
    application.applicant = this.cipher.open(
      application.applicant,
      SealingContexts.applicant(application.id),
    );
  }
}
