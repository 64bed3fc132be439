import type { DataSource } from 'typeorm';

export interface AuditChainReport {
  /** Rows checked, in chain order. */
  rows: number;
  ok: boolean;
  /** The first row whose link does not hold, with why; null when the trail is unbroken. */
  firstBroken: { id: string; chainSeq: string; reason: string } | null;
  headSeq: string;
}

interface LinkRow {
  id: string;
  chainSeq: string;
  prevHash: Buffer;
  hash: Buffer;
  selfOk: boolean;
}

const BATCH = 5000;

/**
 * Walks audit_event in chain order: each row's hash must equal sha256(prev_hash || content) —
 * computed by the database's own audit_event_content, so "canonical" has one definition — its
 * prev_hash must be the previous row's hash, positions must have no gap, and the chain head must
 * point at the last row. Reports the first row where any of this fails.
 */
export async function verifyAuditChain(dataSource: DataSource): Promise<AuditChainReport> {
  const [genesis] = await dataSource.query(`SELECT sha256(convert_to('luoshi audit chain', 'UTF8')) AS hash`);
  const [head] = await dataSource.query(`SELECT seq::text AS seq, hash FROM audit_chain_head WHERE id = 1`);
  let previous: { seq: bigint; hash: Buffer } = { seq: 0n, hash: genesis.hash };
  let rows = 0;
  const broken = (row: LinkRow, reason: string): AuditChainReport => ({
    rows,
    ok: false,
    firstBroken: { id: row.id, chainSeq: row.chainSeq, reason },
    headSeq: head.seq,
  });
  for (;;) {
    const batch: LinkRow[] = await dataSource.query(
      `SELECT id::text AS id, chain_seq::text AS "chainSeq", prev_hash AS "prevHash", hash,
              hash = sha256(prev_hash || audit_event_content(e)) AS "selfOk"
         FROM audit_event e WHERE chain_seq > $1 ORDER BY chain_seq LIMIT $2`,
      [previous.seq.toString(), BATCH],
    );
    for (const row of batch) {
      rows++;
      if (BigInt(row.chainSeq) !== previous.seq + 1n) return broken(row, `chain position ${previous.seq + 1n} is missing (a row was removed)`);
      if (!row.prevHash.equals(previous.hash)) return broken(row, 'previous hash does not match the row before it (a row before was changed or removed)');
      if (!row.selfOk) return broken(row, 'content does not match its hash (the row was changed)');
      previous = { seq: BigInt(row.chainSeq), hash: row.hash };
    }
    if (batch.length < BATCH) break;
  }
  if (BigInt(head.seq) !== previous.seq || !Buffer.from(head.hash).equals(previous.hash)) {
    return {
      rows,
      ok: false,
      firstBroken: { id: '-', chainSeq: (previous.seq + 1n).toString(), reason: `the chain head is at ${head.seq} but the last row is ${previous.seq} (rows at the end were removed or the head was changed)` },
      headSeq: head.seq,
    };
  }
  return { rows, ok: true, firstBroken: null, headSeq: head.seq };
}
