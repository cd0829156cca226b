import type { ServiceDescriptor } from '@mpp/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The gateway's copy of a service descriptor announced on the registry topic. */
@Entity({ name: 'catalog_service' })
export class CatalogServiceEntity {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  agency!: string;

  @Column({ type: 'jsonb' })
  descriptor!: ServiceDescriptor;

  @Column({ name: 'announced_at', type: 'timestamptz' })
  announcedAt!: Date;
}
