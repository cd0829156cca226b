import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DataKeyring } from './data-keyring';
import { PersonalDataCipher } from './personal-data-cipher';
import { SealingContexts } from './sealing-contexts';

const CHECK_VALUE = 'mpp-gateway data key check';

/**
 * Stops a gateway at start whose data keys differ from those that sealed the stored data, before
 * it answers anything: for each key id, a known value sealed with it the first time it was seen
 * must still open. Without this, a wrong key would show only when an old row is read, and new
 * rows would be sealed with it meanwhile.
 */
@Injectable()
export class DataKeyCheck implements OnModuleInit {
  private readonly logger = new Logger(DataKeyCheck.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly keyring: DataKeyring,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.keyring.usesDevelopmentKey) {
      this.logger.warn('personal data is sealed with the development key: not for production');
    }
    for (const keyId of this.keyring.keyIds) {
      const context = SealingContexts.keyCheck(keyId);
      await this.db.query(
        `INSERT INTO data_key_check (key_id, sealed, created_at) VALUES ($1, $2, now())
         ON CONFLICT (key_id) DO NOTHING`,
        [keyId, this.cipher.seal(CHECK_VALUE, context, keyId)],
      );
      const [{ sealed }] = await this.db.query<{ sealed: unknown }[]>(
        `SELECT sealed FROM data_key_check WHERE key_id = $1`,
        [keyId],
      );
      if (this.cipher.open(sealed, context) !== CHECK_VALUE) {
        throw new Error(`data key "${keyId}" does not open its check value`);
      }
    }
  }
}
