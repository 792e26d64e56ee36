import type { ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  Line,
  ComposedChart,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';

// Charts are pictures of the tables beside them: hidden from assistive technology (the table carries
// the same figures), with recharts' own keyboard layer off so nothing hidden can take focus.

const BLUE = '#0017c1';
const LIGHT_BLUE = '#7096f8';
const GREEN = '#197a4b';
const AXIS = { fontSize: 12, fill: '#333333' };

export interface Datum {
  label: string;
  value: number;
  second?: number;
}

function Frame({ height, children }: { height: number; children: ReactNode }) {
  return (
    <div aria-hidden="true" style={{ height }} className="w-full min-w-0">
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  );
}

/** Horizontal bars, one per row (themes, top cases). */
export function HorizontalBars({ data, labelWidth = 160 }: { data: Datum[]; labelWidth?: number }) {
  return (
    <Frame height={Math.max(160, data.length * 32 + 40)}>
      <BarChart data={data} layout="vertical" margin={{ left: 8, right: 40 }} accessibilityLayer={false}>
        <CartesianGrid horizontal={false} stroke="#cccccc" />
        <XAxis type="number" allowDecimals={false} tick={AXIS} />
        <YAxis type="category" dataKey="label" width={labelWidth} tick={AXIS} interval={0} />
        <Bar dataKey="value" fill={BLUE} isAnimationActive={false}>
          <LabelList dataKey="value" position="right" fontSize={12} fill="#1a1a1a" />
        </Bar>
      </BarChart>
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
  return (
    <Frame height={280}>
      <BarChart data={data} margin={{ top: 16, right: 8, bottom: 8 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke="#cccccc" />
        <XAxis
          dataKey="label"
          tick={AXIS}
          interval={0}
          angle={data.length > 6 ? -30 : 0}
          height={data.length > 6 ? 70 : 30}
          textAnchor={data.length > 6 ? 'end' : 'middle'}
        />
        <YAxis allowDecimals={false} tick={AXIS} width={40} />
        {secondName && <Legend wrapperStyle={{ fontSize: 12 }} />}
        <Bar dataKey="value" name={valueName} fill={BLUE} isAnimationActive={false}>
          {!secondName && <LabelList dataKey="value" position="top" fontSize={12} fill="#1a1a1a" />}
        </Bar>
        {secondName && <Bar dataKey="second" name={secondName} fill={LIGHT_BLUE} isAnimationActive={false} />}
      </BarChart>
    </Frame>
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
  return (
    <Frame height={280}>
      <ComposedChart data={data} margin={{ top: 16, right: 8, bottom: 8 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke="#cccccc" />
        <XAxis
          dataKey="label"
          tick={AXIS}
          interval={0}
          angle={data.length > 4 ? -30 : 0}
          height={data.length > 4 ? 70 : 30}
          textAnchor={data.length > 4 ? 'end' : 'middle'}
        />
        <YAxis allowDecimals={false} tick={AXIS} width={40} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="value" name={barName} fill={LIGHT_BLUE} isAnimationActive={false} />
        <Line
          dataKey="second"
          name={lineName}
          stroke={GREEN}
          strokeWidth={3}
          dot={{ r: 4 }}
          type="monotone"
          isAnimationActive={false}
        />
      </ComposedChart>
    </Frame>
  );
}
