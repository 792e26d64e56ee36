import { Inject, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import {
  ATTACHMENT_CAPTION_MAX_CHARS,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_NAME_MAX_CHARS,
  ATTACHMENTS_PER_OWNER,
  ATTACHMENT_TYPES,
  SESSION_ATTACHMENT_PURPOSES,
  attachmentTypeOf,
  formatFileSize,
  type AttachmentOwnerType,
  type SessionAttachmentPurpose,
} from '@yokoten/case-studies';
import { AppError, BadUserInputError, NotFoundError } from '../../common/app-error';
import { enqueueIndexUpdate } from '../../search/search-outbox';
import { AuditLogService } from '../audit/audit-log.service';
import type { Actor } from '../auth/actor';
import { authorize, can } from '../auth/authorization.policy';
import { CaseStudyService } from '../case-study/case-study.service';
import type { AttachmentEntity } from './attachment.entity';
import { AttachmentRepository, type OwnerRow } from './attachment.repository';
import { ATTACHMENT_STORAGE, TooLargeError, type AttachmentStorage } from './attachment-storage';
import { sniffAttachmentType } from './content-type';

export interface UploadRequest {
  ownerType: AttachmentOwnerType;
  ownerId: string;
  name: string;
  caption?: string;
  membersOnly?: boolean;
  purpose?: SessionAttachmentPurpose | null;
}

export interface AttachmentChanges {
  caption?: string;
  membersOnly?: boolean;
  purpose?: SessionAttachmentPurpose | null;
}

const MB = ATTACHMENT_MAX_BYTES / (1024 * 1024);

export class AttachmentTooLargeError extends AppError {
  constructor() {
    super(
      'ATTACHMENT_TOO_LARGE',
      `ファイルが大きすぎます（上限 ${MB} MB）。 (The file is larger than ${MB} MB)`,
      { maxBytes: ATTACHMENT_MAX_BYTES },
    );
  }
}

export class AttachmentTypeError extends AppError {
  constructor() {
    super(
      'ATTACHMENT_TYPE_NOT_ALLOWED',
      '添付できるのは PDF、Word、Excel、PowerPoint、画像（PNG・JPEG・GIF・WebP）、テキスト（TXT・CSV）です。 (Only PDF, Word, Excel, PowerPoint, images and text files can be attached)',
      { allowed: ATTACHMENT_TYPES.map((t) => t.mimeType) },
    );
  }
}

export class AttachmentQuotaError extends AppError {
  constructor() {
    super(
      'ATTACHMENT_QUOTA_EXCEEDED',
      `添付ファイルは1件につき${ATTACHMENTS_PER_OWNER}個までです。 (At most ${ATTACHMENTS_PER_OWNER} files each)`,
      { maxFiles: ATTACHMENTS_PER_OWNER },
    );
  }
}

/** A file name as shown and served: the last path segment, NFC, no control characters, trimmed. */
export function cleanFileName(raw: string): string {
  const last = raw.split(/[\\/]/).pop() ?? '';
  return last
    .normalize('NFC')
    .replace(/\p{Cc}/gu, '')
    .trim();
}

function checkName(raw: string): string {
  const name = cleanFileName(raw);
  if (!name || name === '.' || name === '..')
    throw new BadUserInputError('name', 'name: ファイル名がありません。 (A file name is required)');
  if ([...name].length > ATTACHMENT_NAME_MAX_CHARS)
    throw new BadUserInputError(
      'name',
      `name: ファイル名は${ATTACHMENT_NAME_MAX_CHARS}文字までです。 (At most ${ATTACHMENT_NAME_MAX_CHARS} characters)`,
    );
  return name;
}

function checkCaption(caption: string | undefined): string {
  const c = (caption ?? '').normalize('NFC').trim();
  if ([...c].length > ATTACHMENT_CAPTION_MAX_CHARS)
    throw new BadUserInputError(
      'caption',
      `caption: 説明は${ATTACHMENT_CAPTION_MAX_CHARS}文字までです。 (At most ${ATTACHMENT_CAPTION_MAX_CHARS} characters)`,
    );
  return c;
}

function checkPurpose(owner: OwnerRow, purpose: SessionAttachmentPurpose | null | undefined) {
  if (purpose === undefined || purpose === null) return null;
  if (owner.type !== 'EXCHANGE_SESSION')
    throw new BadUserInputError('purpose', 'purpose: only for the files of an exchange session');
  if (!(SESSION_ATTACHMENT_PURPOSES as readonly string[]).includes(purpose))
    throw new BadUserInputError('purpose', `purpose: one of ${SESSION_ATTACHMENT_PURPOSES.join(', ')}`);
  return purpose;
}

/**
 * Files of case studies and exchange sessions (docs/attachments.md): who may read and change them (the one
 * policy, under the rules of what they belong to), the upload (type from the content, size and quota checked,
 * all in one transaction), and the changes that the search index must hear of.
 */
@Injectable()
export class AttachmentService {
  constructor(
    private readonly repository: AttachmentRepository,
    private readonly cases: CaseStudyService,
    private readonly audit: AuditLogService,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
  ) {}

  // ---- reading ------------------------------------------------------------------------------------

  /** Whether the caller may see what the file belongs to: a case as CaseStudyService.canRead, a session unless a draft. */
  canReadOwner(actor: Actor | null, owner: OwnerRow): boolean {
    if (owner.type === 'CASE_STUDY') return this.cases.canRead(actor, owner);
    return owner.status !== 'DRAFT' || can(actor, 'session.manage');
  }

  /** The files of an owner the caller can already see: members-only ones for members and organisers. */
  visibleFiles(actor: Actor | null, files: AttachmentEntity[]): AttachmentEntity[] {
    const members = can(actor, 'attachment.readMembersOnly');
    return files.filter((f) => members || !f.membersOnly);
  }

  canManage(actor: Actor | null, owner: OwnerRow): boolean {
    return owner.type === 'CASE_STUDY'
      ? can(actor, 'attachment.manageCaseFiles', { municipalityId: owner.municipalityId })
      : can(actor, 'attachment.manageSessionFiles');
  }

  private authorizeManage(actor: Actor | null, owner: OwnerRow): Actor {
    return owner.type === 'CASE_STUDY'
      ? authorize(actor, 'attachment.manageCaseFiles', { municipalityId: owner.municipalityId })
      : authorize(actor, 'attachment.manageSessionFiles');
  }

  private async ownerOf(file: AttachmentEntity, db?: EntityManager): Promise<OwnerRow> {
    const owner = file.caseStudyId
      ? await this.repository.owner('CASE_STUDY', file.caseStudyId, db)
      : await this.repository.owner('EXCHANGE_SESSION', file.exchangeSessionId as string, db);
    if (!owner) throw new NotFoundError('Attachment', file.id);
    return owner;
  }

  /**
   * The file and its bytes as a stream, or NOT_FOUND when it does not exist or the caller may not see it
   * (indistinguishable on purpose, as for cases).
   */
  async open(actor: Actor | null, id: string): Promise<{ file: AttachmentEntity; bytes: Readable }> {
    const file = await this.repository.findById(id);
    if (!file) throw new NotFoundError('Attachment', id);
    const owner = await this.ownerOf(file);
    if (!this.canReadOwner(actor, owner) || this.visibleFiles(actor, [file]).length === 0)
      throw new NotFoundError('Attachment', id);
    return { file, bytes: this.storage.get(file.id) };
  }

  // ---- writing ------------------------------------------------------------------------------------

  /**
   * Checks an upload before a byte of its body is read: the owner exists and the caller may add files to
   * it, the name and caption are acceptable, the quota is not used up, the declared length is not too large.
   */
  async prepareUpload(
    actor: Actor | null,
    req: UploadRequest,
    declaredLength: number | null,
  ): Promise<OwnerRow> {
    const owner = await this.repository.owner(req.ownerType, req.ownerId);
    if (!owner || (actor && !this.canReadOwner(actor, owner)))
      throw new NotFoundError(req.ownerType === 'CASE_STUDY' ? 'CaseStudy' : 'ExchangeSession', req.ownerId);
    this.authorizeManage(actor, owner);
    checkName(req.name);
    checkCaption(req.caption);
    checkPurpose(owner, req.purpose);
    if (declaredLength !== null && declaredLength > ATTACHMENT_MAX_BYTES) throw new AttachmentTooLargeError();
    if ((await this.repository.countForOwner(owner.type, owner.id)) >= ATTACHMENTS_PER_OWNER)
      throw new AttachmentQuotaError();
    return owner;
  }

  /**
   * Stores an upload: `head` (the first SNIFF_BYTES or fewer) decides the type; `rest` is read chunk by chunk
   * into the same transaction, which rolls back (nothing stored) when it passes the size limit.
   */
  async upload(
    actor: Actor | null,
    req: UploadRequest,
    head: Buffer,
    rest: AsyncIterable<Buffer>,
  ): Promise<AttachmentEntity> {
    const owner = await this.prepareUpload(actor, req, null);
    const editor = this.authorizeManage(actor, owner);
    const type = await sniffAttachmentType(head, req.name);
    if (!type) throw new AttachmentTypeError();
    const name = checkName(req.name);
    try {
      return await this.repository.transaction(async (db) => {
        await this.repository.lockOwner(db, owner.id);
        if ((await this.repository.countForOwner(owner.type, owner.id, db)) >= ATTACHMENTS_PER_OWNER)
          throw new AttachmentQuotaError();
        const file = await this.repository.insert(db, {
          caseStudyId: owner.type === 'CASE_STUDY' ? owner.id : null,
          exchangeSessionId: owner.type === 'EXCHANGE_SESSION' ? owner.id : null,
          name,
          caption: checkCaption(req.caption),
          mimeType: type.mimeType,
          sizeBytes: 0,
          sha256: '0'.repeat(64),
          membersOnly: req.membersOnly ?? false,
          purpose: checkPurpose(owner, req.purpose),
          uploadedByUserId: editor.userId,
          textStatus: type.textExtracted ? 'PENDING' : 'NONE',
        });
        async function* all(): AsyncGenerator<Buffer> {
          if (head.length > 0) yield head;
          yield* rest;
        }
        const stored = await this.storage.put(db, file.id, all(), ATTACHMENT_MAX_BYTES);
        file.sizeBytes = stored.sizeBytes;
        file.sha256 = stored.sha256;
        await db.query(`UPDATE attachments SET size_bytes = $2, sha256 = $3 WHERE id = $1`, [
          file.id,
          stored.sizeBytes,
          stored.sha256,
        ]);
        if (type.textExtracted) await this.repository.enqueueText(db, file.id);
        await this.record(db, editor, 'attachment.upload', owner, file, undefined, this.summary(file));
        return file;
      });
    } catch (e) {
      if (e instanceof TooLargeError) throw new AttachmentTooLargeError();
      throw e;
    }
  }

  async update(actor: Actor | null, id: string, changes: AttachmentChanges): Promise<AttachmentEntity> {
    return this.repository.transaction(async (db) => {
      const file = await this.repository.findById(id, db);
      if (!file) throw new NotFoundError('Attachment', id);
      const owner = await this.ownerOf(file, db);
      if (!this.canReadOwner(actor, owner)) throw new NotFoundError('Attachment', id);
      const editor = this.authorizeManage(actor, owner);
      const before = this.summary(file);
      if (changes.caption !== undefined) file.caption = checkCaption(changes.caption);
      if (changes.membersOnly !== undefined && changes.membersOnly !== null)
        file.membersOnly = changes.membersOnly;
      if (changes.purpose !== undefined) file.purpose = checkPurpose(owner, changes.purpose);
      await db.query(
        `UPDATE attachments SET caption = $2, members_only = $3, purpose = $4, updated_at = now() WHERE id = $1`,
        [file.id, file.caption, file.membersOnly, file.purpose],
      );
      // Members-only text leaves the index (and public text enters it).
      if (
        owner.type === 'CASE_STUDY' &&
        before.membersOnly !== file.membersOnly &&
        file.textStatus === 'DONE'
      )
        await enqueueIndexUpdate(db, 'case_study', owner.id);
      await this.record(db, editor, 'attachment.update', owner, file, before, this.summary(file));
      return (await this.repository.findById(id, db)) as AttachmentEntity;
    });
  }

  async delete(actor: Actor | null, id: string): Promise<AttachmentEntity> {
    return this.repository.transaction(async (db) => {
      const file = await this.repository.findById(id, db);
      if (!file) throw new NotFoundError('Attachment', id);
      const owner = await this.ownerOf(file, db);
      if (!this.canReadOwner(actor, owner)) throw new NotFoundError('Attachment', id);
      const editor = this.authorizeManage(actor, owner);
      await this.storage.delete(db, file.id);
      await this.repository.delete(db, file.id);
      if (owner.type === 'CASE_STUDY' && file.textStatus === 'DONE')
        await enqueueIndexUpdate(db, 'case_study', owner.id);
      await this.record(db, editor, 'attachment.delete', owner, file, this.summary(file), undefined);
      return file;
    });
  }

  private summary(f: AttachmentEntity) {
    return {
      name: f.name,
      caption: f.caption,
      mimeType: f.mimeType,
      sizeBytes: f.sizeBytes,
      sha256: f.sha256,
      membersOnly: f.membersOnly,
      purpose: f.purpose,
    };
  }

  private record(
    db: EntityManager,
    editor: Actor,
    action: 'attachment.upload' | 'attachment.update' | 'attachment.delete',
    owner: OwnerRow,
    file: AttachmentEntity,
    before: unknown,
    after: unknown,
  ): Promise<void> {
    return this.audit.record(db, {
      actorUserId: editor.userId,
      action,
      subjectType: owner.type === 'CASE_STUDY' ? 'caseStudy' : 'exchangeSession',
      subjectId: owner.id,
      subjectLabel: `${file.name}（${formatFileSize(file.sizeBytes, 'ja')}）— ${owner.title}`,
      before,
      after,
    });
  }

  /** For the text worker: the type of a stored file. */
  typeOf(file: AttachmentEntity) {
    return attachmentTypeOf(file.mimeType);
  }
}
