import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOpsSchema1764547200000 implements MigrationInterface {
  name = 'CreateOpsSchema1764547200000';

  async up(db: QueryRunner): Promise<void> {
    // `at` keeps milliseconds only, like the JavaScript clocks that write it, so a paging
    // cursor built from it compares exactly.
    await db.query(`
      CREATE TABLE flow_record (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id text NOT NULL UNIQUE,
        hop text NOT NULL,
        application_id text,
        correlation_id text,
        trace_id text,
        service_code text,
        agency text,
        component text NOT NULL,
        instance text NOT NULL,
        at timestamptz(3) NOT NULL,
        duration_ms double precision,
        outcome text,
        detail jsonb,
        ingested_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX flow_record_application ON flow_record (application_id, at, seq)`);
    await db.query(`CREATE INDEX flow_record_recent ON flow_record (at DESC, seq DESC)`);
    await db.query(
      `CREATE INDEX flow_record_agency_recent ON flow_record (agency, at DESC, seq DESC)`,
    );
    await db.query(
      `CREATE INDEX flow_record_legacy_calls ON flow_record (agency, at) WHERE hop = 'adapter.legacy-call'`,
    );

    await db.query(`
      CREATE TABLE adapter_instance (
        agency text NOT NULL,
        instance_id text NOT NULL,
        services text[] NOT NULL,
        started_at timestamptz NOT NULL,
        sent_at timestamptz NOT NULL,
        ttl_ms bigint NOT NULL,
        legacy_circuit text,
        consumption_paused boolean,
        PRIMARY KEY (agency, instance_id)
      )`);
    await db.query(`
      CREATE TABLE agency_service (
        code text PRIMARY KEY,
        agency text NOT NULL,
        agency_name text NOT NULL,
        name jsonb NOT NULL,
        announced_at timestamptz NOT NULL
      )`);

    await db.query(`
      CREATE TABLE operator (
        id uuid PRIMARY KEY,
        name text NOT NULL UNIQUE,
        role text NOT NULL CHECK (role IN ('ops', 'admin')),
        created_at timestamptz NOT NULL,
        created_by text NOT NULL
      )`);
    await db.query(`
      CREATE TABLE operator_api_key (
        id uuid PRIMARY KEY,
        operator_id uuid NOT NULL REFERENCES operator (id),
        key_hash text NOT NULL UNIQUE,
        hint text NOT NULL,
        label text,
        created_at timestamptz NOT NULL,
        created_by text NOT NULL,
        revoked_at timestamptz,
        last_used_at timestamptz
      )`);
    await db.query(`CREATE INDEX operator_api_key_operator ON operator_api_key (operator_id)`);
    await db.query(`
      CREATE TABLE operator_session (
        token_hash text PRIMARY KEY,
        api_key_id uuid NOT NULL REFERENCES operator_api_key (id),
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        ended_at timestamptz
      )`);
    await db.query(`CREATE INDEX operator_session_expiry ON operator_session (expires_at)`);

    await db.query(`
      CREATE TABLE dead_letter (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        agency text NOT NULL,
        dlq_topic text NOT NULL,
        dlq_partition int NOT NULL,
        dlq_offset bigint NOT NULL,
        message_key bytea,
        message_value bytea,
        headers jsonb NOT NULL,
        reason text,
        error text,
        attempts int,
        source_topic text,
        source_partition int,
        source_offset bigint,
        failed_at timestamptz,
        parked_by text,
        application_id text,
        event_id text,
        event_type text,
        service_code text,
        correlation_id text,
        traceparent text,
        received_at timestamptz NOT NULL DEFAULT now(),
        state text NOT NULL DEFAULT 'parked' CHECK (state IN ('parked', 'replayed', 'discarded')),
        handled_by_operator uuid REFERENCES operator (id),
        handled_by text,
        handled_at timestamptz,
        handling_reason text,
        UNIQUE (dlq_topic, dlq_partition, dlq_offset)
      )`);
    await db.query(`CREATE INDEX dead_letter_by_state ON dead_letter (state, id DESC)`);
    await db.query(`CREATE INDEX dead_letter_by_agency ON dead_letter (agency, state, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'dead_letter',
      'operator_session',
      'operator_api_key',
      'operator',
      'agency_service',
      'adapter_instance',
      'flow_record',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
