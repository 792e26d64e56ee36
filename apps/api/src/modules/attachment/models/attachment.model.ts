import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  ATTACHMENT_KINDS,
  SESSION_ATTACHMENT_PURPOSES,
  type AttachmentKind,
  type SessionAttachmentPurpose,
} from '@yokoten/case-studies';

export const AttachmentKindEnum = Object.fromEntries(ATTACHMENT_KINDS.map((k) => [k, k])) as Record<
  AttachmentKind,
  AttachmentKind
>;
registerEnumType(AttachmentKindEnum, {
  name: 'AttachmentKind',
  description: 'What a file is, for its icon and label: PDF, WORD, EXCEL, POWERPOINT, IMAGE, TEXT',
});

export const SessionAttachmentPurposeEnum = Object.fromEntries(
  SESSION_ATTACHMENT_PURPOSES.map((p) => [p, p]),
) as Record<SessionAttachmentPurpose, SessionAttachmentPurpose>;
registerEnumType(SessionAttachmentPurposeEnum, {
  name: 'SessionAttachmentPurpose',
  description:
    'What a session file is for: AGENDA and PREPARATION before the session, SLIDES and REPORT after it',
});

export const AttachmentTextStatusEnum = {
  PENDING: 'PENDING',
  DONE: 'DONE',
  FAILED: 'FAILED',
  NONE: 'NONE',
} as const;
registerEnumType(AttachmentTextStatusEnum, {
  name: 'AttachmentTextStatus',
  description:
    'Whether the text of a file is searchable: PENDING (being extracted), DONE, FAILED (not readable), NONE (images, legacy Office files)',
});

@ObjectType({
  description:
    '添付ファイル: a file of a case study or an exchange session (docs/attachments.md). Download it from `downloadUrl` with the same cookie or Bearer token.',
})
export class Attachment {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The file name as uploaded' })
  name: string;

  @Field({ description: 'A caption the uploader wrote (empty when none)' })
  caption: string;

  @Field({ description: 'Recognised from the content, e.g. application/pdf' })
  mimeType: string;

  @Field(() => AttachmentKindEnum)
  kind: AttachmentKind;

  @Field(() => Float, { description: 'Size in bytes' })
  sizeBytes: number;

  @Field({ description: 'Shown to members and organisers only (and never searchable by others)' })
  membersOnly: boolean;

  @Field(() => SessionAttachmentPurposeEnum, { nullable: true, description: 'Session files only' })
  purpose: SessionAttachmentPurpose | null;

  @Field(() => AttachmentTextStatusEnum)
  textStatus: keyof typeof AttachmentTextStatusEnum;

  @Field({ description: 'Relative URL that downloads the file (Content-Disposition: attachment)' })
  downloadUrl: string;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType({ description: 'The file a search hit matched in' })
export class MatchedAttachment {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;
}
