import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TokenErrorCode } from './password-rules';

/** Why a link from a mail cannot be used, and what to do instead. */
export function TokenProblem({ code, kind }: { code: TokenErrorCode; kind: 'invitation' | 'reset' }) {
  const { t } = useTranslation();
  const reason = {
    TOKEN_INVALID: t('token.invalid'),
    TOKEN_EXPIRED: t('token.expired'),
    TOKEN_USED: t('token.used'),
    TOKEN_REVOKED: t('token.revoked'),
  }[code];
  return (
    <div role="alert" className="mt-6 rounded-12 border-2 border-error-1 bg-red-50 p-4 md:p-6">
      <p className="text-std-17B-170 text-error-2">{reason}</p>
      {kind === 'invitation' ? (
        <>
          <p className="mt-2 text-std-16N-170">{t('token.askForInvitation')}</p>
          {code === 'TOKEN_USED' && (
            <p className="mt-2 text-std-16N-170">
              {t('token.usedInvitationLogin')}{' '}
              <Link to="/login" className="link-text">
                {t('nav.login')}
              </Link>
            </p>
          )}
        </>
      ) : (
        <p className="mt-2 text-std-16N-170">
          {t('token.askForReset')}{' '}
          <Link to="/forgot-password" className="link-text">
            {t('forgotPassword.title')}
          </Link>
        </p>
      )}
    </div>
  );
}
