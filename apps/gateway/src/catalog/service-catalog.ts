import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { agencyOfServiceCode, type AdapterHeartbeat, type ServiceDescriptor } from '@mpp/contracts';
import { Repository } from 'typeorm';
import { Problems } from '../problems/problem';
import { CatalogServiceEntity } from './catalog-service.entity';
import { DataSchemaValidator } from './data-schema-validator';

export interface CatalogEntry {
  descriptor: ServiceDescriptor;
  validator: DataSchemaValidator;
}

/**
 * The services the gateway can route to, learned from adapters' announcements. It lives in
 * memory for intake and is kept in the gateway's schema so a restart can serve at once.
 */
@Injectable()
export class ServiceCatalog implements OnModuleInit {
  private readonly logger = new Logger(ServiceCatalog.name);
  private readonly entries = new Map<string, CatalogEntry>();
  private readonly instances = new Map<string, AdapterHeartbeat>();

  constructor(
    @InjectRepository(CatalogServiceEntity)
    private readonly services: Repository<CatalogServiceEntity>,
  ) {}

  async onModuleInit(): Promise<void> {
    for (const row of await this.services.find()) this.remember(row.descriptor);
    this.logger.log(`catalog loaded with ${this.entries.size} services`);
  }

  find(code: string): CatalogEntry | undefined {
    return this.entries.get(code);
  }

  /** Refuses `data` that the service's announced JSON Schema does not accept. */
  assertValidData(code: string, data: unknown): void {
    const service = this.find(code);
    if (!service) throw Problems.unknownService(code);
    const errors = service.validator.check(data);
    if (errors.length > 0) throw Problems.validation(errors);
  }

  list(): ServiceDescriptor[] {
    return [...this.entries.values()].map((entry) => entry.descriptor);
  }

  /** A service is available while at least one adapter instance of its agency is alive. */
  isAvailable(code: string, now = Date.now()): boolean {
    const agency = agencyOfServiceCode(code);
    for (const beat of this.instances.values()) {
      if (beat.agency === agency && Date.parse(beat.sentAt) + beat.ttlMs > now) return true;
    }
    return false;
  }

  async announce(descriptor: ServiceDescriptor, announcedAt: Date): Promise<void> {
    this.remember(descriptor);
    await this.services.query(
      `INSERT INTO catalog_service (code, agency, descriptor, announced_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO UPDATE
         SET agency = EXCLUDED.agency, descriptor = EXCLUDED.descriptor, announced_at = EXCLUDED.announced_at
         WHERE catalog_service.announced_at <= EXCLUDED.announced_at`,
      [descriptor.code, descriptor.agency, descriptor, announcedAt],
    );
  }

  /** A tombstone on the registry: the service is decommissioned. */
  async withdraw(code: string): Promise<void> {
    this.entries.delete(code);
    await this.services.delete({ code });
  }

  heartbeat(beat: AdapterHeartbeat): void {
    this.instances.set(`${beat.agency}:${beat.instanceId}`, beat);
  }

  private remember(descriptor: ServiceDescriptor): void {
    try {
      this.entries.set(descriptor.code, {
        descriptor,
        validator: new DataSchemaValidator(descriptor.dataSchema),
      });
    } catch (error) {
      this.logger.error(
        `service ${descriptor.code} announced an unusable schema: ${String(error)}`,
      );
    }
  }
}
