import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';
import { EVIDENCE_MAX_BYTES, type EvidenceFileResponse, type EvidenceOwnerType } from '@luoshi/contracts';
import { AuditService } from '@luoshi/server/audit';
import { CalendarService } from '@luoshi/server/calendar';
import { UserDirectory } from '@luoshi/server/identity';
import type { AuthUser, SignedInActor } from '@luoshi/server/platform';
import { canSeeTask, TaskReader } from '@luoshi/server/tasks';
import { checkFileName } from './check-file-name';
import { detectFileType, TYPE_LABELS, typeOfExtension } from './detect-file-type';
import { ALLOWED_TYPES, assertCanAttach, findOwner, toAccessSubject } from './evidence-owners';
import { EVIDENCE_STORAGE, type EvidenceStorage } from './evidence-storage';
import { ReportException } from './report.exception';

export interface UploadedEvidence {
  originalname: string;
  buffer: Buffer;
}

interface EvidenceRow {
  id: string;
  ownerType: EvidenceOwnerType;
  ownerId: string;
  fileName: string;
  contentType: string;
  size: string;
  sha256: string;
  storageKey: string;
  uploadedBy: string;
  uploadedAt: Date;
}

const SELECT = `
  SELECT e.id, e.owner_type AS "ownerType", e.owner_id AS "ownerId", e.file_name AS "fileName", e.content_type AS "contentType",
         e.size, e.sha256, e.storage_key AS "storageKey", e.uploaded_by AS "uploadedBy",
         e.uploaded_at AS "uploadedAt"
    FROM evidence_file e`;

function toEvidenceResponse(r: EvidenceRow, names: Map<string, string>): EvidenceFileResponse {
  return {
    id: r.id,
    ownerType: r.ownerType,
    ownerId: r.ownerId,
    fileName: r.fileName,
    contentType: r.contentType,
    size: Number(r.size),
    sha256: r.sha256,
    uploadedBy: { id: r.uploadedBy, displayName: names.get(r.uploadedBy) ?? '' },
    uploadedAt: new Date(r.uploadedAt).toISOString(),
    downloadUrl: `/api/evidence/${r.id}`,
  };
}

/**
 * Evidence (佐证材料) and drafts: checked (name, size, type by magic bytes) before anything is
 * written; the bytes go to the storage under a generated key and the row is written in the same
 * transaction as the owner check — a failure removes the bytes again, so a refused upload leaves
 * nothing behind.
 */
@Injectable()
export class EvidenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVIDENCE_STORAGE) private readonly storage: EvidenceStorage,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly users: UserDirectory,
    private readonly tasks: TaskReader,
  ) {}

  /** Checks the file; then `inTransaction` (owner checks and links) runs in the transaction that writes the row. */
  async upload(
    ownerType: EvidenceOwnerType,
    ownerId: string,
    file: UploadedEvidence,
    actor: SignedInActor,
    inTransaction?: (m: EntityManager, evidenceId: string) => Promise<void>,
  ): Promise<EvidenceFileResponse> {
    const checked = checkFileName(file.originalname);
    if (!checked.ok) throw ReportException.badFileName(checked.reason, checked.reasonEn);
    if (file.buffer.length === 0) throw ReportException.evidenceEmpty();
    if (file.buffer.length > EVIDENCE_MAX_BYTES) throw ReportException.evidenceTooLarge(EVIDENCE_MAX_BYTES);
    const allowed = ALLOWED_TYPES[ownerType];
    const claimed = typeOfExtension(checked.name);
    const allowedLabels = allowed.map((t) => `.${t}`);
    if (!claimed || !allowed.includes(claimed)) throw ReportException.typeUnsupported(allowedLabels, `扩展名“${checked.name.split('.').pop() ?? ''}”`);
    const detected = detectFileType(file.buffer, claimed === 'txt' || claimed === 'md' ? claimed : null);
    if (!detected || !allowed.includes(detected.type)) throw ReportException.typeUnsupported(allowedLabels, '文件内容无法识别为允许的类型');
    if (detected.type !== claimed) throw ReportException.typeMismatch(claimed, TYPE_LABELS[detected.type]);

    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const today = this.calendar.today();
    const key = `${today.slice(0, 4)}/${today.slice(5, 7)}/${randomUUID()}`;
    try {
      const id = await this.dataSource.transaction(async (m) => {
        await assertCanAttach(this.tasks, m, ownerType, ownerId, actor.user, today);
        await this.storage.put(key, file.buffer);
        const [row] = await m.query(
          `INSERT INTO evidence_file (owner_type, owner_id, file_name, content_type, size, sha256, storage_key, uploaded_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          [ownerType, ownerId, checked.name, detected.contentType, file.buffer.length, sha256, key, actor.user.id],
        );
        await inTransaction?.(m, row.id);
        await this.audit.record(m, actor, {
          action: 'evidence.upload',
          subjectType: ownerType,
          subjectId: ownerId,
          after: { evidenceId: row.id, fileName: checked.name, contentType: detected.contentType, size: file.buffer.length, sha256 },
        });
        return row.id as string;
      });
      return (await this.byIds([id]))[0];
    } catch (error) {
      await this.storage.remove(key).catch(() => undefined);
      throw error;
    }
  }

  async list(ownerType: EvidenceOwnerType, ownerId: string, user: AuthUser): Promise<EvidenceFileResponse[]> {
    await this.assertCanSee(ownerType, ownerId, user);
    return this.forOwner(ownerType, ownerId);
  }

  async forOwner(ownerType: EvidenceOwnerType, ownerId: string): Promise<EvidenceFileResponse[]> {
    const rows: EvidenceRow[] = await this.dataSource.query(`${SELECT} WHERE e.owner_type = $1 AND e.owner_id = $2 ORDER BY e.uploaded_at, e.id`, [ownerType, ownerId]);
    return this.respond(rows);
  }

  /** The rows with their uploaders' names, read in one batch. */
  private async respond(rows: EvidenceRow[]): Promise<EvidenceFileResponse[]> {
    const names = await this.users.displayNames(this.dataSource, rows.map((r) => r.uploadedBy));
    return rows.map((r) => toEvidenceResponse(r, names));
  }

  async byIds(ids: string[]): Promise<EvidenceFileResponse[]> {
    if (ids.length === 0) return [];
    const rows: EvidenceRow[] = await this.dataSource.query(`${SELECT} WHERE e.id = ANY($1::uuid[])`, [ids]);
    const byId = new Map((await this.respond(rows)).map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((e): e is EvidenceFileResponse => e !== undefined);
  }

  /** The file's bytes for download, after checking the caller can see its owner's task. */
  async open(id: string, user: AuthUser): Promise<{ file: EvidenceFileResponse; stream: Readable }> {
    const [row] = (await this.dataSource.query(`${SELECT} WHERE e.id = $1`, [id])) as EvidenceRow[];
    if (!row) throw ReportException.evidenceNotFound(id);
    await this.assertCanSee(row.ownerType, row.ownerId, user);
    return { file: (await this.respond([row]))[0], stream: await this.storage.open(row.storageKey) };
  }

  /** Reads a stored file whole (the plan import of an approved special action plan). */
  async read(id: string): Promise<{ fileName: string; buffer: Buffer }> {
    const [row] = (await this.dataSource.query(`${SELECT} WHERE e.id = $1`, [id])) as EvidenceRow[];
    if (!row) throw ReportException.evidenceNotFound(id);
    const chunks: Buffer[] = [];
    for await (const chunk of await this.storage.open(row.storageKey)) chunks.push(chunk as Buffer);
    return { fileName: row.fileName, buffer: Buffer.concat(chunks) };
  }

  private async assertCanSee(ownerType: EvidenceOwnerType, ownerId: string, user: AuthUser): Promise<void> {
    const owner = await findOwner(this.tasks, this.dataSource.manager, ownerType, ownerId);
    if (!canSeeTask(user, toAccessSubject(owner))) {
      throw ReportException.forbidden('无权查看此材料：本单位既不牵头也不配合该任务', 'Your department neither leads nor co-handles the task');
    }
  }
}
