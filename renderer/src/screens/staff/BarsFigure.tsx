/**
 * A bar chart as the staff reports draw it (the day report's volume, the 766 tab's days): a figure whose
 * caption names it and says the table beside it holds every figure, the chart itself one image
 * (role=img) so a screen reader reads the caption and the table instead of every bar.
 */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface BarSeries {
  key: string;
  name: string;
  colour: string;
}

export function BarsFigure({
  id,
  title,
  description,
  data,
  xKey,
  bars,
}: {
  id: string;
  title: string;
  description: string;
  data: readonly Record<string, unknown>[];
  /** The field of each point the x axis reads. */
  xKey: string;
  bars: readonly BarSeries[];
}) {
  return (
    <figure className="chart">
      <figcaption id={`${id}-cap`}>
        <strong>{title}</strong> <span>{description}</span>
      </figcaption>
      <div className="chart-box" role="img" aria-labelledby={`${id}-cap`}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey={xKey} />
            <YAxis allowDecimals={false} width={40} />
            <Tooltip />
            <Legend />
            {bars.map((bar) => (
              <Bar
                key={bar.key}
                dataKey={bar.key}
                name={bar.name}
                fill={bar.colour}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
