import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PREFECTURES } from '@yokoten/case-studies';
import { currentLanguage } from '../../i18n/i18n';
import { formatNumber } from '../../shared/format';

/**
 * The 47 prefectures as a tile grid map (one square each, at a fixed row and column, roughly where it
 * lies), drawn by the app itself as SVG: no map tiles, nothing from another host. [row, column].
 */
export const TILE_POSITIONS: Readonly<Record<string, readonly [number, number]>> = {
  '01': [0, 12],
  '02': [1, 12],
  '05': [2, 11],
  '03': [2, 12],
  '17': [3, 8],
  '16': [3, 9],
  '15': [3, 10],
  '06': [3, 11],
  '04': [3, 12],
  '18': [4, 7],
  '21': [4, 8],
  '20': [4, 9],
  '10': [4, 10],
  '09': [4, 11],
  '07': [4, 12],
  '32': [5, 3],
  '31': [5, 4],
  '28': [5, 5],
  '26': [5, 6],
  '25': [5, 7],
  '23': [5, 8],
  '19': [5, 9],
  '11': [5, 10],
  '08': [5, 11],
  '35': [6, 2],
  '34': [6, 3],
  '33': [6, 4],
  '27': [6, 5],
  '29': [6, 6],
  '24': [6, 7],
  '22': [6, 8],
  '14': [6, 9],
  '13': [6, 10],
  '12': [6, 11],
  '41': [7, 0],
  '40': [7, 1],
  '38': [7, 3],
  '37': [7, 4],
  '30': [7, 6],
  '42': [8, 0],
  '43': [8, 1],
  '44': [8, 2],
  '39': [8, 3],
  '36': [8, 4],
  '46': [9, 1],
  '45': [9, 2],
  '47': [10, 0],
};

/** Light to dark DADS blues; the text on each is chosen for contrast. */
const SCALE = ['#f2f2f2', '#c5d7fb', '#7096f8', '#3460fb', '#0017c1'] as const;
const TEXT = ['#1a1a1a', '#1a1a1a', '#1a1a1a', '#ffffff', '#ffffff'] as const;

export interface TileValue {
  prefectureCode: string;
  value: number;
}

/** Bucket bounds for 5 colours: 0, then four equal steps up to the maximum. */
export function buckets(max: number): Array<[number, number]> {
  if (max <= 0) return [[0, 0]];
  const step = Math.max(1, Math.ceil(max / 4));
  const out: Array<[number, number]> = [[0, 0]];
  for (let i = 0; i < 4; i += 1) {
    const from = i * step + 1;
    if (from > max) break;
    out.push([from, Math.min(max, (i + 1) * step)]);
  }
  return out;
}

function bucketOf(value: number, bounds: Array<[number, number]>): number {
  const index = bounds.findIndex(([from, to]) => value >= from && value <= to);
  return index < 0 ? bounds.length - 1 : index;
}

const CELL = 44;
const GAP = 4;

export function TileMap({
  values,
  metricLabel,
  unit,
  hrefOf,
}: {
  values: TileValue[];
  metricLabel: string;
  unit: (value: number) => string;
  hrefOf: (code: string) => string;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const titleId = useId();
  const byCode = new Map(values.map((v) => [v.prefectureCode, v.value]));
  const max = Math.max(0, ...values.map((v) => v.value));
  const bounds = buckets(max);
  const width = 13 * (CELL + GAP);
  const height = 11 * (CELL + GAP);
  return (
    <div>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full max-w-2xl"
        role="group"
        aria-labelledby={titleId}
      >
        <title id={titleId}>{t('dashboard.mapTitle', { metric: metricLabel })}</title>
        {PREFECTURES.map((p) => {
          const position = TILE_POSITIONS[p.code];
          if (!position) return null;
          const [row, col] = position;
          const value = byCode.get(p.code) ?? 0;
          const bucket = bucketOf(value, bounds);
          const name = language === 'ja' ? p.name : p.nameEn;
          const label = `${name}：${unit(value)}`;
          const short = language === 'ja' ? p.name.replace(/[都府県]$/, '') : p.nameEn.slice(0, 3);
          return (
            <g key={p.code}>
              <a href={hrefOf(p.code)} aria-label={label} className="group outline-none">
                <title>{label}</title>
                <rect
                  x={col * (CELL + GAP)}
                  y={row * (CELL + GAP)}
                  width={CELL}
                  height={CELL}
                  rx={4}
                  className="group-hover:stroke-black group-hover:stroke-2 group-focus-visible:stroke-black group-focus-visible:stroke-[4]"
                  fill={SCALE[bucket]}
                  stroke="#666666"
                  strokeWidth={1}
                />
              </a>
              <text
                x={col * (CELL + GAP) + CELL / 2}
                y={row * (CELL + GAP) + 17}
                textAnchor="middle"
                fontSize={11}
                fill={TEXT[bucket]}
                aria-hidden="true"
                pointerEvents="none"
              >
                {short}
              </text>
              <text
                x={col * (CELL + GAP) + CELL / 2}
                y={row * (CELL + GAP) + 34}
                textAnchor="middle"
                fontSize={13}
                fontWeight={700}
                fill={TEXT[bucket]}
                aria-hidden="true"
                pointerEvents="none"
              >
                {formatNumber(value, language)}
              </text>
            </g>
          );
        })}
      </svg>
      <div className="mt-3">
        <p className="text-std-16B-170" id={`${titleId}-legend`}>
          {t('dashboard.legend', { metric: metricLabel })}
        </p>
        <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1" aria-labelledby={`${titleId}-legend`}>
          {bounds.map(([from, to], index) => (
            <li key={`${from}-${to}`} className="flex items-center gap-2 text-std-16N-170">
              <span
                aria-hidden="true"
                className="inline-block size-5 rounded-4 border border-solid-gray-600"
                style={{ backgroundColor: SCALE[index] }}
              />
              {from === to ? unit(from) : `${unit(from)}〜${unit(to)}`}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
