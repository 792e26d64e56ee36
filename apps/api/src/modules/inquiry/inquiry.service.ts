import { Injectable } from '@nestjs/common';
import type { CaseStudyEntity } from '../case-study/case-study.entity';
import { BadUserInputError, ConflictError, NotFoundError } from '../../common/app-error';
import type { Actor } from '../auth/actor';
import { authorize, can } from '../auth/authorization.policy';
import { CaseStudyRepository } from '../case-study/case-study.repository';
import { CaseStudyService } from '../case-study/case-study.service';
import { APP_URL, type MailMessage } from '../mail/mail.service';
import { MunicipalityRepository } from '../municipality/municipality.repository';
import type { MunicipalityEntity } from '../municipality/municipality.entity';
import { inquiryAskedMail, inquiryReplyMail } from './inquiry-mails';
import type { InquiryEntity } from './inquiry.entity';
import { InquiryRepository, type InquiryTransaction } from './inquiry.repository';
import type { AnswerInquiryInput, AskInquiryInput } from './dto/inquiry.input';
import { queueWatchNotices } from '../watch/watch-notices';

type Thread = Pick<InquiryEntity, 'askerMunicipalityId' | 'publisherMunicipalityId' | 'isPublic'>;

/**
 * 問い合わせ: a member municipality asks the publisher of a case; the publisher's officers answer, and the
 * two sides write back and forth. The thread belongs to the two municipalities (and the organisers, who
 * read but do not write); the publisher may make it a FAQ of the case for every member. Anonymous
 * callers never see a thread.
 */
@Injectable()
export class InquiryService {
  constructor(
    private readonly repository: InquiryRepository,
    private readonly caseStudies: CaseStudyRepository,
    private readonly caseStudyService: CaseStudyService,
    private readonly municipalities: MunicipalityRepository,
  ) {}

  /** Asker's or publisher's side, organisers and admins; officers of member municipalities once the publisher made it public. */
  canRead(actor: Actor | null, t: Thread): boolean {
    return this.isSide(actor, t) || (t.isPublic && can(actor, 'inquiry.readPublic'));
  }

  /** The case a thread is about, shown only while the caller may read it (it may have been archived since). */
  canReadCase(actor: Actor | null, c: CaseStudyEntity | null): boolean {
    return c !== null && this.caseStudyService.canRead(actor, c);
  }

  async get(actor: Actor | null, id: string): Promise<InquiryEntity | null> {
    const t = await this.repository.findById(id);
    if (!t || !this.canRead(actor, t)) return null;
    if (this.isSide(actor, t)) return t;
    // A reader who is neither side reads it as a FAQ of the case: only while the case itself may be read
    // (archived, it is withdrawn with its FAQ). CaseStudy.inquiries is reached through a readable case.
    return this.canReadCase(actor, await this.caseStudies.findById(t.caseStudyId)) ? t : null;
  }

  /** The asker's or publisher's side, organisers and admins: who read a thread whatever became of its case. */
  private isSide(actor: Actor | null, t: Thread): boolean {
    return (
      can(actor, 'inquiry.read', { municipalityId: t.publisherMunicipalityId }) ||
      can(actor, 'inquiry.read', { municipalityId: t.askerMunicipalityId })
    );
  }

  /** Of a case's threads (from the per-request loader), those the caller may read; none for anonymous callers. */
  readable(actor: Actor | null, threads: readonly InquiryEntity[]): InquiryEntity[] {
    return actor ? threads.filter((t) => this.canRead(actor, t)) : [];
  }

  /** The threads the officer's municipality asked or was asked. */
  async listOwn(actor: Actor | null): Promise<InquiryEntity[]> {
    const reader = authorize(actor, 'caseStudy.listOwn');
    return reader.municipalityId ? this.repository.findByMunicipality(reader.municipalityId) : [];
  }

  async ask(actor: Actor | null, caseStudyId: string, input: AskInquiryInput): Promise<InquiryEntity> {
    if (!actor) authorize(actor, 'inquiry.ask');
    const asker = await this.municipalityOfActor(actor as Actor);
    const user = authorize(actor, 'inquiry.ask', {
      municipalityId: asker?.id ?? '',
      membershipStatus: asker?.membershipStatus ?? null,
    });
    if (!asker) {
      throw new BadUserInputError(
        'caseStudyId',
        '問い合わせは自治体の担当者が行います (only a municipality’s officer can ask)',
      );
    }
    const c = await this.caseStudyService.findVisible(user, caseStudyId);
    if (!c || c.status !== 'PUBLISHED') throw new NotFoundError('CaseStudy', caseStudyId);
    if (c.municipalityId === asker.id) {
      throw new BadUserInputError(
        'caseStudyId',
        'caseStudyId: 自団体の事例には問い合わせできません (ask your colleagues directly)',
      );
    }
    const saved = await this.repository.transaction(async (tx) => {
      const now = new Date();
      const t = await tx.save({
        caseStudyId: c.id,
        publisherMunicipalityId: c.municipalityId,
        askerMunicipalityId: asker.id,
        askerUserId: user.userId,
        subject: input.subject,
        status: 'OPEN',
        isPublic: false,
        lastMessageAt: now,
      });
      await tx.addMessage({
        inquiryId: t.id,
        authorUserId: user.userId,
        authorMunicipalityId: asker.id,
        body: input.body,
      });
      await this.tell(tx, c.municipalityId, (to) =>
        inquiryAskedMail(to, {
          caseTitle: c.title,
          subject: t.subject,
          fromName: asker.name,
          body: input.body,
          inquiryUrl: `${APP_URL}/cases/${c.id}#inquiry-${t.id}`,
        }),
      );
      return t;
    });
    return saved;
  }

  /**
   * A message in the thread: the publisher's officers answer (→ ANSWERED), the asker's officers follow up
   * (→ OPEN). Anyone else, organisers included, is refused.
   */
  async reply(actor: Actor | null, inquiryId: string, input: AnswerInquiryInput): Promise<InquiryEntity> {
    if (!actor) authorize(actor, 'inquiry.reply');
    // What the mail to the other side names, read before the transaction so it holds the thread briefly.
    const thread = await this.repository.findById(inquiryId);
    const [c, sides] = thread
      ? await Promise.all([
          this.caseStudies.findById(thread.caseStudyId),
          this.municipalities.findByIds([thread.askerMunicipalityId, thread.publisherMunicipalityId]),
        ])
      : [null, []];
    return this.repository.transaction(async (tx) => {
      const t = await tx.findForUpdate(inquiryId);
      if (!t || !this.canRead(actor, t)) throw new NotFoundError('Inquiry', inquiryId);
      const side = can(actor, 'inquiry.reply', { municipalityId: t.publisherMunicipalityId })
        ? t.publisherMunicipalityId
        : t.askerMunicipalityId;
      const user = authorize(actor, 'inquiry.reply', { municipalityId: side });
      // An admin without a municipality writes as the publisher.
      const author =
        user.municipalityId === t.askerMunicipalityId ? t.askerMunicipalityId : t.publisherMunicipalityId;
      await tx.addMessage({
        inquiryId: t.id,
        authorUserId: user.userId,
        authorMunicipalityId: author,
        body: input.body,
      });
      t.status = author === t.publisherMunicipalityId ? 'ANSWERED' : 'OPEN';
      t.lastMessageAt = new Date();
      const saved = await tx.save(t);
      const other =
        author === saved.publisherMunicipalityId ? saved.askerMunicipalityId : saved.publisherMunicipalityId;
      await this.tell(tx, other, (to) =>
        inquiryReplyMail(to, {
          caseTitle: c?.title ?? '',
          subject: saved.subject,
          fromName: sides.find((m) => m.id === author)?.name ?? '',
          body: input.body,
          inquiryUrl: `${APP_URL}/cases/${saved.caseStudyId}#inquiry-${saved.id}`,
        }),
      );
      // A new answer in a thread that is already a public FAQ is news for the case's watchers too.
      if (saved.isPublic && author === saved.publisherMunicipalityId) {
        await queueWatchNotices(tx.manager, saved.caseStudyId, user.userId, {
          kind: 'faq',
          subject: saved.subject,
          inquiryId: saved.id,
        });
      }
      return saved;
    });
  }

  /** The publisher makes the thread a FAQ of the case for all members, or takes it back. */
  async setPublic(actor: Actor | null, inquiryId: string, isPublic: boolean): Promise<InquiryEntity> {
    if (!actor) authorize(actor, 'inquiry.setPublic');
    return this.repository.transaction(async (tx) => {
      const t = await tx.findForUpdate(inquiryId);
      if (!t || !this.canRead(actor, t)) throw new NotFoundError('Inquiry', inquiryId);
      authorize(actor, 'inquiry.setPublic', { municipalityId: t.publisherMunicipalityId });
      if (isPublic && t.status !== 'ANSWERED') {
        throw new ConflictError(
          '回答済みの問い合わせだけをFAQとして公開できます (answer it before making it public)',
        );
      }
      if (t.isPublic === isPublic) return t;
      t.isPublic = isPublic;
      const saved = await tx.save(t);
      // A new public FAQ tells the case's watchers (only those who may read the network's FAQs).
      if (isPublic) {
        await queueWatchNotices(tx.manager, saved.caseStudyId, actor?.userId ?? null, {
          kind: 'faq',
          subject: saved.subject,
          inquiryId: saved.id,
        });
      }
      return saved;
    });
  }

  private async municipalityOfActor(actor: Actor): Promise<MunicipalityEntity | null> {
    if (!actor.municipalityId) return null;
    const [m] = await this.municipalities.findByIds([actor.municipalityId]);
    return m ?? null;
  }

  /** Mails the officers of a municipality: queued in the transaction that writes the message. */
  private async tell(
    tx: InquiryTransaction,
    municipalityId: string,
    message: (to: string[]) => MailMessage,
  ): Promise<void> {
    const officers = await tx.officersOf(municipalityId);
    if (officers.length) await tx.queueMails([message(officers.map((o) => o.email))]);
  }
}
