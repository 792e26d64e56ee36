import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { buttonOutline } from './ui-classes';

/**
 * 「さらに表示」 under a paged list (members, accounts, colleagues, the audit log): busy while the next page
 * loads; `remaining` says how many are left where the list knows it.
 */
export function LoadMoreButton({
  loading,
  onLoadMore,
  remaining,
}: {
  loading: boolean;
  onLoadMore: () => Promise<unknown> | void;
  remaining?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="mt-4">
      <button
        type="button"
        className={buttonOutline}
        onClick={() => void onLoadMore()}
        disabled={loading}
        aria-busy={loading || undefined}
      >
        {loading ? (
          t('municipalities.loadingMore')
        ) : (
          <>
            {t('municipalities.loadMore')}
            {remaining && <span className="font-normal">{remaining}</span>}
          </>
        )}
      </button>
    </div>
  );
}
