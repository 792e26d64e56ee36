import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  ATTACHMENT_CAPTION_MAX_CHARS,
  SESSION_ATTACHMENT_PURPOSES,
  type SessionAttachmentPurpose,
} from '@yokoten/case-studies';
import { SessionAttachmentPurposeEnum } from '../models/attachment.model';

@InputType({ description: 'What may change on a file (its bytes never: delete it and upload another)' })
export class UpdateAttachmentInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(ATTACHMENT_CAPTION_MAX_CHARS, {
    message: `caption: 説明は${ATTACHMENT_CAPTION_MAX_CHARS}文字までです。 (At most ${ATTACHMENT_CAPTION_MAX_CHARS} characters)`,
  })
  caption?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  membersOnly?: boolean;

  @Field(() => SessionAttachmentPurposeEnum, { nullable: true, description: 'Session files only' })
  @IsOptional()
  @IsIn([...SESSION_ATTACHMENT_PURPOSES])
  purpose?: SessionAttachmentPurpose | null;
}
