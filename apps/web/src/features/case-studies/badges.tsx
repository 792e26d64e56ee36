import type { CaseStage, CaseStatus, Visibility } from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { stageLabel, statusLabel, visibilityLabel } from './labels';

const badge = 'inline-block whitespace-nowrap rounded-full border px-3 py-0.5 text-dns-14B-130';

const statusTone: Record<CaseStatus, string> = {
  DRAFT: 'border-orange-800 bg-orange-50 text-orange-1100',
  PUBLISHED: 'border-green-800 bg-green-50 text-green-1000',
  ARCHIVED: 'border-solid-gray-600 bg-solid-gray-50 text-solid-gray-800',
};

/** 下書き / 公開中 / アーカイブ. */
export function StatusBadge({ status }: { status: CaseStatus }) {
  return (
    <span className={`${badge} ${statusTone[status] ?? statusTone.ARCHIVED}`}>
      {statusLabel(status, currentLanguage())}
    </span>
  );
}

/** 構想 / 実施中 / 効果検証 / 横展開中: how far a case has come weighs on how a reader judges it. */
export function StageBadge({ stage }: { stage: CaseStage }) {
  return (
    <span className={`${badge} border-blue-900 bg-blue-50 text-blue-1000`}>
      {stageLabel(stage, currentLanguage())}
    </span>
  );
}

export function VisibilityBadge({ visibility }: { visibility: Visibility }) {
  return (
    <span
      className={`${badge} ${visibility === 'MEMBERS' ? 'border-purple-800 bg-purple-50 text-purple-1000' : 'border-solid-gray-600 bg-white text-solid-gray-800'}`}
    >
      {visibilityLabel(visibility, currentLanguage())}
    </span>
  );
}

/** Small chips for themes, targets and tags. */
export function Chip({ children }: { children: string }) {
  return (
    <span className="inline-block rounded-4 bg-solid-gray-50 px-2 py-0.5 text-dns-14N-130 text-solid-gray-800 ring-1 ring-solid-gray-420">
      {children}
    </span>
  );
}
