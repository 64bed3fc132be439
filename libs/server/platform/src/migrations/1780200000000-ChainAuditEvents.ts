import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A hash chain over audit_event (issue 12, deliver 3). A BEFORE INSERT trigger, inside the writing
 * transaction, locks the one-row chain head, gives the row the next chain position, stores the
 * previous row's hash and sha256(previous hash || canonical content). Concurrent writers queue on
 * the head row, so the chain has no forks whatever the commit order. `npm run audit:verify` checks
 * every link (audit_event_content is the one definition of "canonical content").
 */
export class ChainAuditEvents1780200000000 implements MigrationInterface {
  name = 'ChainAuditEvents1780200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_event ADD COLUMN chain_seq bigint, ADD COLUMN prev_hash bytea, ADD COLUMN hash bytea`);
    await q.query(`CREATE TABLE audit_chain_head (id smallint PRIMARY KEY CHECK (id = 1), seq bigint NOT NULL, hash bytea NOT NULL)`);
    await q.query(`INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, sha256(convert_to('luoshi audit chain', 'UTF8')))`);
    // Canonical content: a JSON array of every column but the chain's own hashes (jsonb text is normalized).
    await q.query(`
      CREATE FUNCTION audit_event_content(e audit_event) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
        SELECT convert_to(jsonb_build_array(
          e.chain_seq, e.id, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), e.actor_id, e.actor_name,
          e.action, e.subject_type, e.subject_id, e.before, e.after, e.request_id, e.ip)::text, 'UTF8')
      $$`);
    await q.query(`
      CREATE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE head audit_chain_head;
      BEGIN
        SELECT * INTO head FROM audit_chain_head WHERE id = 1 FOR UPDATE;
        NEW.chain_seq := head.seq + 1;
        NEW.prev_hash := head.hash;
        NEW.hash := sha256(head.hash || audit_event_content(NEW));
        UPDATE audit_chain_head SET seq = NEW.chain_seq, hash = NEW.hash WHERE id = 1;
        RETURN NEW;
      END $$`);
    // Existing rows join the chain in id order (the append-only trigger steps aside for this once).
    await q.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`);
    await q.query(`
      DO $$
      DECLARE r audit_event; head audit_chain_head;
      BEGIN
        SELECT * INTO head FROM audit_chain_head WHERE id = 1;
        FOR r IN SELECT * FROM audit_event ORDER BY id LOOP
          r.chain_seq := head.seq + 1;
          r.prev_hash := head.hash;
          r.hash := sha256(head.hash || audit_event_content(r));
          UPDATE audit_event SET chain_seq = r.chain_seq, prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
          head.seq := r.chain_seq;
          head.hash := r.hash;
        END LOOP;
        UPDATE audit_chain_head SET seq = head.seq, hash = head.hash WHERE id = 1;
      END $$`);
    await q.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only`);
    await q.query(`ALTER TABLE audit_event ALTER COLUMN chain_seq SET NOT NULL, ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX audit_event_chain_seq_idx ON audit_event (chain_seq)`);
    await q.query(`
      CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_chain()`);
    // The head is only ever advanced by the trigger.
    await q.query(`
      CREATE TRIGGER audit_chain_head_no_delete BEFORE DELETE OR TRUNCATE ON audit_chain_head
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_event_chain ON audit_event`);
    await q.query(`DROP FUNCTION audit_event_chain`);
    await q.query(`DROP TABLE audit_chain_head`);
    await q.query(`DROP INDEX audit_event_chain_seq_idx`);
    await q.query(`ALTER TABLE audit_event DROP COLUMN chain_seq, DROP COLUMN prev_hash, DROP COLUMN hash`);
    await q.query(`DROP FUNCTION audit_event_content`);
  }
}
