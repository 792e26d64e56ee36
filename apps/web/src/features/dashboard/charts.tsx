import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { scaleBand, scaleLinear, type ScaleBand, type ScaleLinear } from 'd3-scale';
import { curveMonotoneX, line } from 'd3-shape';

// Charts are pictures of the tables beside them: hidden from assistive technology (the table carries
// the same figures), and nothing in them takes focus. Drawn as SVG by React with d3's scales and curve
// (recharts, which drew the same charts, was ≈ 90 kB of the dashboard's first load: docs/benchmarks.md).

const BLUE = '#0017c1';
const LIGHT_BLUE = '#7096f8';
const GREEN = '#197a4b';
const GRID = '#cccccc';
const AXIS_LINE = '#666666';
const AXIS_TEXT = '#333333';
const VALUE_TEXT = '#1a1a1a';
const FONT_SIZE = 12;
const TICK = 6; // tick mark length; the label sits 2 px beyond it
const LEGEND_HEIGHT = 28;

export interface Datum {
  label: string;
  value: number;
  second?: number;
}

interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The box's width, followed as it changes (the charts fill their column at any screen width). */
function useWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

function Frame({
  height,
  legend,
  children,
}: {
  height: number;
  legend?: LegendItem[];
  children: (width: number, height: number) => ReactNode;
}) {
  const { ref, width } = useWidth<HTMLDivElement>();
  const plotHeight = legend ? height - LEGEND_HEIGHT : height;
  return (
    <div ref={ref} aria-hidden="true" style={{ height }} className="w-full min-w-0">
      {width > 0 && (
        <>
          <svg className="chart-surface block" width={width} height={plotHeight} fontSize={FONT_SIZE}>
            {children(width, plotHeight)}
          </svg>
          {legend && <Legend items={legend} />}
        </>
      )}
    </div>
  );
}

interface LegendItem {
  name: string;
  color: string;
  shape: 'square' | 'line';
}

function Legend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="flex flex-wrap justify-center gap-x-4" style={{ fontSize: FONT_SIZE, lineHeight: '24px' }}>
      {items.map((item) => (
        <li key={item.name} className="inline-flex items-center gap-1" style={{ color: VALUE_TEXT }}>
          <svg width={14} height={14} viewBox="0 0 14 14">
            {item.shape === 'square' ? (
              <rect width={14} height={14} fill={item.color} />
            ) : (
              <>
                <line x1={0} x2={14} y1={7} y2={7} stroke={item.color} strokeWidth={3} />
                <circle cx={7} cy={7} r={3} fill="#ffffff" stroke={item.color} strokeWidth={2} />
              </>
            )}
          </svg>
          {item.name}
        </li>
      ))}
    </ul>
  );
}

/** A count axis from 0: whole numbers only (counts of cases, members, people), about five steps. */
function countScale(
  max: number,
  range: [number, number],
): { scale: ScaleLinear<number, number>; ticks: number[] } {
  const scale = scaleLinear()
    .domain([0, Math.max(1, max)])
    .range(range)
    .nice(5);
  return { scale, ticks: scale.ticks(5).filter((tick) => Number.isInteger(tick)) };
}

/** Categories along an axis, 10 % of each band left empty on either side (as recharts' default gap). */
function categoryScale(data: Datum[], range: [number, number]): ScaleBand<string> {
  return scaleBand<string>()
    .domain(data.map((_, index) => String(index)))
    .range(range)
    .paddingInner(0.2)
    .paddingOuter(0.1);
}

let measuringContext: CanvasRenderingContext2D | null | undefined;

/** A label in lines no wider than `width` (words kept whole; a label without spaces stays one line). */
function wrap(label: string, width: number): string[] {
  measuringContext ??= document.createElement('canvas').getContext('2d');
  const context = measuringContext;
  if (!context) return [label];
  context.font = `${FONT_SIZE}px ${getComputedStyle(document.body).fontFamily}`;
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && context.measureText(`${last} ${word}`).width <= width) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else {
      lines.push(word);
    }
  }
  return lines;
}

function CountGrid({
  ticks,
  scale,
  from,
  to,
  vertical,
}: {
  ticks: number[];
  scale: ScaleLinear<number, number>;
  from: number;
  to: number;
  vertical: boolean;
}) {
  return (
    <g stroke={GRID}>
      {ticks.map((tick) =>
        vertical ? (
          <line key={tick} x1={scale(tick)} x2={scale(tick)} y1={from} y2={to} />
        ) : (
          <line key={tick} x1={from} x2={to} y1={scale(tick)} y2={scale(tick)} />
        ),
      )}
    </g>
  );
}

/** The count axis on the left of column charts. */
function CountAxisLeft({
  ticks,
  scale,
  x,
}: {
  ticks: number[];
  scale: ScaleLinear<number, number>;
  x: number;
}) {
  const [bottom, top] = scale.range();
  return (
    <g fill={AXIS_TEXT}>
      <line x1={x} x2={x} y1={top} y2={bottom} stroke={AXIS_LINE} />
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={x - TICK} x2={x} y1={scale(tick)} y2={scale(tick)} stroke={AXIS_LINE} />
          <text x={x - TICK - 2} y={scale(tick)} dy="0.355em" textAnchor="end">
            {tick}
          </text>
        </g>
      ))}
    </g>
  );
}

/** The count axis below horizontal bars. */
function CountAxisBottom({
  ticks,
  scale,
  y,
}: {
  ticks: number[];
  scale: ScaleLinear<number, number>;
  y: number;
}) {
  const [left, right] = scale.range();
  return (
    <g fill={AXIS_TEXT}>
      <line x1={left} x2={right} y1={y} y2={y} stroke={AXIS_LINE} />
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={scale(tick)} x2={scale(tick)} y1={y} y2={y + TICK} stroke={AXIS_LINE} />
          <text x={scale(tick)} y={y + TICK + 2} dy="0.71em" textAnchor="middle">
            {tick}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Category labels under columns, slanted when there are many. */
function CategoryAxisBottom({
  data,
  scale,
  y,
  slanted,
}: {
  data: Datum[];
  scale: ScaleBand<string>;
  y: number;
  slanted: boolean;
}) {
  const [left, right] = scale.range();
  return (
    <g fill={AXIS_TEXT}>
      <line x1={left} x2={right} y1={y} y2={y} stroke={AXIS_LINE} />
      {data.map((d, index) => {
        const x = (scale(String(index)) ?? 0) + scale.bandwidth() / 2;
        const labelY = y + TICK + 2;
        return (
          <g key={index}>
            <line x1={x} x2={x} y1={y} y2={y + TICK} stroke={AXIS_LINE} />
            <text
              x={x}
              y={labelY}
              dy="0.71em"
              textAnchor={slanted ? 'end' : 'middle'}
              transform={slanted ? `rotate(-30, ${x}, ${labelY})` : undefined}
            >
              {d.label}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** Horizontal bars, one per row (themes, top cases). */
export function HorizontalBars({ data, labelWidth = 160 }: { data: Datum[]; labelWidth?: number }) {
  const margin: Margin = { top: 5, right: 40, bottom: 5, left: 8 };
  const axisHeight = 30;
  return (
    <Frame height={Math.max(160, data.length * 32 + 40)}>
      {(width, height) => {
        const left = margin.left + labelWidth;
        const bottom = height - margin.bottom - axisHeight;
        const { scale: x, ticks } = countScale(Math.max(0, ...data.map((d) => d.value)), [
          left,
          Math.max(left + 1, width - margin.right),
        ]);
        const y = categoryScale(data, [margin.top, bottom]);
        return (
          <>
            <CountGrid ticks={ticks} scale={x} from={margin.top} to={bottom} vertical />
            <g fill={AXIS_TEXT}>
              <line x1={left} x2={left} y1={margin.top} y2={bottom} stroke={AXIS_LINE} />
              {data.map((d, index) => {
                const center = (y(String(index)) ?? 0) + y.bandwidth() / 2;
                const lines = wrap(d.label, labelWidth - TICK - 2);
                return (
                  <g key={index}>
                    <line x1={left - TICK} x2={left} y1={center} y2={center} stroke={AXIS_LINE} />
                    <text x={left - TICK - 2} y={center} textAnchor="end">
                      {lines.map((text, line) => (
                        <tspan
                          key={line}
                          x={left - TICK - 2}
                          dy={line === 0 ? `${0.355 - (lines.length - 1) * 0.6}em` : '1.2em'}
                        >
                          {text}
                        </tspan>
                      ))}
                    </text>
                  </g>
                );
              })}
            </g>
            <CountAxisBottom ticks={ticks} scale={x} y={bottom} />
            {data.map((d, index) => {
              const top = y(String(index)) ?? 0;
              return (
                <g key={index}>
                  <rect
                    className="chart-bar"
                    x={left}
                    y={top}
                    width={Math.max(0, x(d.value) - left)}
                    height={y.bandwidth()}
                    fill={BLUE}
                  />
                  <text x={x(d.value) + 5} y={top + y.bandwidth() / 2} dy="0.355em" fill={VALUE_TEXT}>
                    {d.value}
                  </text>
                </g>
              );
            })}
          </>
        );
      }}
    </Frame>
  );
}

/** The frame of a column chart: a count axis on the left, categories below (slanted past `slantAfter`). */
function ColumnFrame({
  data,
  max,
  slantAfter,
  legend,
  children,
}: {
  data: Datum[];
  max: number;
  slantAfter: number;
  legend?: LegendItem[];
  children: (x: ScaleBand<string>, y: ScaleLinear<number, number>) => ReactNode;
}) {
  const margin: Margin = { top: 16, right: 8, bottom: 8, left: 5 };
  const axisWidth = 40;
  const slanted = data.length > slantAfter;
  const axisHeight = slanted ? 70 : 30;
  return (
    <Frame height={280} legend={legend}>
      {(width, height) => {
        const left = margin.left + axisWidth;
        const bottom = height - margin.bottom - axisHeight;
        const { scale: y, ticks } = countScale(max, [bottom, margin.top]);
        const x = categoryScale(data, [left, Math.max(left + 1, width - margin.right)]);
        return (
          <>
            <CountGrid ticks={ticks} scale={y} from={left} to={width - margin.right} vertical={false} />
            <CountAxisLeft ticks={ticks} scale={y} x={left} />
            <CategoryAxisBottom data={data} scale={x} y={bottom} slanted={slanted} />
            {children(x, y)}
          </>
        );
      }}
    </Frame>
  );
}

/** Vertical bars over time (fiscal years), optionally two series side by side. */
export function ColumnBars({
  data,
  valueName,
  secondName,
}: {
  data: Datum[];
  valueName: string;
  secondName?: string;
}) {
  const max = Math.max(0, ...data.flatMap((d) => [d.value, secondName ? (d.second ?? 0) : 0]));
  const legend: LegendItem[] | undefined = secondName
    ? [
        { name: valueName, color: BLUE, shape: 'square' },
        { name: secondName, color: LIGHT_BLUE, shape: 'square' },
      ]
    : undefined;
  return (
    <ColumnFrame data={data} max={max} slantAfter={6} legend={legend}>
      {(x, y) => {
        const gap = secondName ? 4 : 0;
        const barWidth = secondName ? (x.bandwidth() - gap) / 2 : x.bandwidth();
        return data.map((d, index) => {
          const start = x(String(index)) ?? 0;
          return (
            <g key={index}>
              <rect
                className="chart-bar"
                x={start}
                y={y(d.value)}
                width={barWidth}
                height={Math.max(0, y(0) - y(d.value))}
                fill={BLUE}
              />
              {secondName ? (
                <rect
                  className="chart-bar"
                  x={start + barWidth + gap}
                  y={y(d.second ?? 0)}
                  width={barWidth}
                  height={Math.max(0, y(0) - y(d.second ?? 0))}
                  fill={LIGHT_BLUE}
                />
              ) : (
                <text x={start + barWidth / 2} y={y(d.value) - 5} textAnchor="middle" fill={VALUE_TEXT}>
                  {d.value}
                </text>
              )}
            </g>
          );
        });
      }}
    </ColumnFrame>
  );
}

/** Joined per term (bars) and the running total (line). */
export function BarsAndLine({
  data,
  barName,
  lineName,
}: {
  data: Datum[];
  barName: string;
  lineName: string;
}) {
  const max = Math.max(0, ...data.flatMap((d) => [d.value, d.second ?? 0]));
  const legend: LegendItem[] = [
    { name: barName, color: LIGHT_BLUE, shape: 'square' },
    { name: lineName, color: GREEN, shape: 'line' },
  ];
  return (
    <ColumnFrame data={data} max={max} slantAfter={4} legend={legend}>
      {(x, y) => {
        const center = (index: number) => (x(String(index)) ?? 0) + x.bandwidth() / 2;
        const path = line<Datum>()
          .x((_, index) => center(index))
          .y((d) => y(d.second ?? 0))
          .curve(curveMonotoneX)(data);
        return (
          <>
            {data.map((d, index) => (
              <rect
                key={index}
                className="chart-bar"
                x={x(String(index))}
                y={y(d.value)}
                width={x.bandwidth()}
                height={Math.max(0, y(0) - y(d.value))}
                fill={LIGHT_BLUE}
              />
            ))}
            {path && <path d={path} fill="none" stroke={GREEN} strokeWidth={3} />}
            {data.map((d, index) => (
              <circle
                key={index}
                cx={center(index)}
                cy={y(d.second ?? 0)}
                r={4}
                fill="#ffffff"
                stroke={GREEN}
                strokeWidth={3}
              />
            ))}
          </>
        );
      }}
    </ColumnFrame>
  );
}
