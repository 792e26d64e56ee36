import { formatDateTimeJst, ROLE_LABELS, type Role } from '@yokoten/case-studies';
import { BILINGUAL_SIGNATURE as SIGNATURE, LANGUAGE_SEPARATOR as SEPARATOR } from '../mail/bilingual-mail';
import { APP_URL, type MailMessage } from '../mail/mail.service';

/**
 * Account mails (always sent, whatever the mail preferences): Japanese first, English below. Links carry
 * the token as the last path segment; `${APP_URL}` is filled in when the mail goes out.
 */

export const invitationLink = (token: string) => `${APP_URL}/invite/${token}`;
export const resetLink = (token: string) => `${APP_URL}/reset-password/${token}`;

/** e.g. 2026年12月12日 21:05 (JST) */
function jst(d: Date): string {
  return `${formatDateTimeJst(d, 'ja')}（日本時間 / JST）`;
}

export interface InvitationMailInput {
  email: string;
  name: string | null;
  role: Role;
  municipalityName: string | null;
  inviterName: string | null;
  token: string;
  expiresAt: Date;
}

export function invitationMail(i: InvitationMailInput): MailMessage {
  const role = ROLE_LABELS[i.role];
  const as = i.municipalityName ? `${i.municipalityName}の${role.ja}` : role.ja;
  const asEn = i.municipalityName ? `${role.en} of ${i.municipalityName}` : role.en;
  const by = i.inviterName ? `${i.inviterName} さんから、` : '';
  const byEn = i.inviterName ? `${i.inviterName} has invited you` : 'You have been invited';
  return {
    kind: 'invitation',
    to: i.email,
    subject: '【横展】アカウントへのご招待 (Invitation to Yokoten)',
    text: [
      i.name ? `${i.name} 様` : `${i.email} 様`,
      '',
      `${by}自治体間の知見共有ネットワーク「横展」に${as}として招待されました。`,
      '次のリンクからパスワードを設定して、アカウントを作成してください。',
      '',
      invitationLink(i.token),
      '',
      `このリンクの有効期限：${jst(i.expiresAt)}`,
      'リンクは一度だけ使えます。心当たりのない場合は、このメールを破棄してください。',
      ...SEPARATOR,
      `${byEn} to Yokoten as ${asEn}.`,
      'Open the link above to set your password and create your account.',
      `The link can be used once and expires on ${i.expiresAt.toISOString()}.`,
      'If you did not expect this invitation, you can ignore this mail.',
      SIGNATURE,
    ].join('\n'),
  };
}

/** The first admin's set-password link (also used when one is sent again). */
export function setPasswordMail(i: {
  email: string;
  name: string;
  token: string;
  expiresAt: Date;
}): MailMessage {
  return {
    kind: 'set-password',
    to: i.email,
    subject: '【横展】管理者アカウントのパスワード設定 (Set your administrator password)',
    text: [
      `${i.name} 様`,
      '',
      '「横展」の管理者アカウントが作成されました。次のリンクからパスワードを設定してください。',
      '',
      invitationLink(i.token),
      '',
      `このリンクの有効期限：${jst(i.expiresAt)}`,
      ...SEPARATOR,
      'An administrator account was created for you on Yokoten. Open the link above to set your password.',
      `The link can be used once and expires on ${i.expiresAt.toISOString()}.`,
      SIGNATURE,
    ].join('\n'),
  };
}

export function passwordResetMail(i: {
  email: string;
  name: string;
  token: string;
  expiresAt: Date;
}): MailMessage {
  return {
    kind: 'password-reset',
    to: i.email,
    subject: '【横展】パスワード再設定のご案内 (Reset your password)',
    text: [
      `${i.name} 様`,
      '',
      'パスワード再設定のお申し込みを受け付けました。次のリンクから新しいパスワードを設定してください。',
      '',
      resetLink(i.token),
      '',
      `このリンクの有効期限：${jst(i.expiresAt)}（1時間）`,
      'リンクは一度だけ使えます。再設定すると、ほかの端末のログインはすべて終了します。',
      'お心当たりのない場合は、このメールを破棄してください。パスワードは変更されません。',
      ...SEPARATOR,
      'Someone asked to reset the password of your Yokoten account. Open the link above to choose a new one.',
      `The link can be used once and expires in one hour (${i.expiresAt.toISOString()}).`,
      'A reset signs you out everywhere. If you did not ask for it, ignore this mail: nothing changes.',
      SIGNATURE,
    ].join('\n'),
  };
}

export function passwordChangedMail(i: { email: string; name: string; at: Date }): MailMessage {
  return {
    kind: 'password-changed',
    to: i.email,
    subject: '【横展】パスワードが変更されました (Your password was changed)',
    text: [
      `${i.name} 様`,
      '',
      `「横展」のアカウントのパスワードが変更されました（${jst(i.at)}）。`,
      'お心当たりのない場合は、次のリンクからパスワードを再設定し、事務局にご連絡ください。',
      '',
      `${APP_URL}/forgot-password`,
      ...SEPARATOR,
      `The password of your Yokoten account was changed on ${i.at.toISOString()}.`,
      'If this was not you, reset your password with the link above and tell the network office.',
      SIGNATURE,
    ].join('\n'),
  };
}
