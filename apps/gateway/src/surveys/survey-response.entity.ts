import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One applicant's answers to the Survei Kepuasan Masyarakat; at most one per application. */
@Entity({ name: 'survey_response' })
export class SurveyResponseEntity {
  @PrimaryColumn({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'smallint' }) u1!: number;
  @Column({ type: 'smallint' }) u2!: number;
  @Column({ type: 'smallint' }) u3!: number;
  @Column({ type: 'smallint' }) u4!: number;
  @Column({ type: 'smallint' }) u5!: number;
  @Column({ type: 'smallint' }) u6!: number;
  @Column({ type: 'smallint' }) u7!: number;
  @Column({ type: 'smallint' }) u8!: number;
  @Column({ type: 'smallint' }) u9!: number;

  @Column({ type: 'text', nullable: true })
  suggestions!: string | null;

  @Column({ name: 'age_band', type: 'text', nullable: true })
  ageBand!: string | null;

  @Column({ type: 'text', nullable: true })
  sex!: string | null;

  @Column({ type: 'text', nullable: true })
  education!: string | null;

  @Column({ type: 'text', nullable: true })
  occupation!: string | null;

  @Column({ name: 'client_id', type: 'text' })
  clientId!: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;
}
