import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { loginPath } from '../features/auth/redirect';
import { apiProblem, problemMessage } from './errors';
import { buttonOutline } from './ui-classes';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p role="status" className="my-6 text-std-16N-170 text-solid-gray-700">
      {label ?? t('common.loading')}
    </p>
  );
}

/** An error notice (DADS notification banner, error type) with an optional retry. */
export function ErrorNotice({
  error,
  message,
  onRetry,
}: {
  error?: unknown;
  message?: string;
  onRetry?: () => void;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const problem = error === undefined ? undefined : apiProblem(error);
  const text = message ?? (problem ? problemMessage(problem, t) : t('errors.unknown'));
  return (
    <div role="alert" className="my-6 rounded-12 border-2 border-error-1 bg-red-50 p-4 md:p-6">
      <p className="text-std-17B-170 text-error-2">{t('common.errorTitle')}</p>
      <p className="mt-1 text-std-16N-170 text-solid-gray-800">{text}</p>
      {problem?.code === 'UNAUTHENTICATED' && (
        <p className="mt-2 text-std-16N-170">
          <Link className="link-text" to={loginPath(location.pathname + location.search)}>
            {t('nav.login')}
          </Link>
        </p>
      )}
      {onRetry && (
        <button type="button" className={`${buttonOutline} mt-4`} onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/**
 * A success notice (DADS notification banner, success type), inside a live region (role="status") that
 * is in the page before the message arrives: a region created together with its text is often not read
 * out. So render it unconditionally and pass the message, or nothing while there is none.
 */
export function SuccessNotice({ message, onClose }: { message?: string | null; onClose?: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="status">
      {message && (
        <div className="my-6 flex flex-wrap items-start justify-between gap-x-4 gap-y-1 rounded-12 border-2 border-success-2 bg-green-50 p-4">
          {/* The message takes the line and the close button moves under it when both do not fit (a phone):
              squeezed beside the button, 「ログインしました。」 broke after 「ログインしまし」. */}
          <p className="min-w-0 flex-[1_1_16rem] py-2.5 text-std-16B-170 text-green-1000">{message}</p>
          {onClose && (
            <button
              type="button"
              className="-mx-2 inline-flex min-h-11 shrink-0 items-center rounded-4 px-2 text-oln-16B-100 text-green-1000 underline underline-offset-[3px] hover:decoration-[3px]"
              onClick={onClose}
            >
              {t('common.closeNotice')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
