/**
 * A horizontal bar chart as inline SVG: one row per category, one bar per series, the value
 * written at the end of each bar. Screen readers get the title and a summary (role="img"), and
 * everybody can open the numbers as a table.
 */
import { useId } from 'react';
import { formatNumber } from '../lib/format';

export interface ChartSeries {
  name: string;
  /** null: no value (not set, or hidden). */
  values: (number | null)[];
}

interface BarChartProps {
  title: string;
  /** One sentence saying what the chart shows (read to screen reader users). */
  summary: string;
  categories: string[];
  series: ChartSeries[];
  /** A vertical line, e.g. the four-fifths threshold. */
  reference?: { value: number; label: string };
  format?: (value: number) => string;
  /** The upper end of the axis (default: the largest value). */
  max?: number;
}

const SERIES_CLASSES = ['series-0', 'series-1', 'series-2', 'series-3'];
const WIDTH = 720;
const LABEL_WIDTH = 250;
/** Longer category names are shortened in the chart (the table below has them whole). */
const LABEL_CHARACTERS = 30;
const VALUE_WIDTH = 70;
const BAR_HEIGHT = 16;
const GAP = 14;

export function BarChart({
  title,
  summary,
  categories,
  series,
  reference,
  format,
  max,
}: BarChartProps) {
  const id = useId();
  const show = format ?? formatNumber;
  const values = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const top = Math.max(max ?? 0, ...values, reference?.value ?? 0, 1);
  const barArea = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const rowHeight = series.length * BAR_HEIGHT + GAP;
  const legendHeight = series.length > 1 ? 28 : 0;
  const height = legendHeight + categories.length * rowHeight + 10;
  const x = (value: number) => LABEL_WIDTH + (value / top) * barArea;

  return (
    <figure className="chart">
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-summary`}
        preserveAspectRatio="xMinYMin meet"
      >
        {series.length > 1
          ? series.map((s, index) => (
              <g key={s.name} transform={`translate(${LABEL_WIDTH + index * 170}, 4)`}>
                <rect
                  width="14"
                  height="14"
                  className={SERIES_CLASSES[index % SERIES_CLASSES.length]}
                />
                <text x="20" y="12" className="chart-legend">
                  {s.name}
                </text>
              </g>
            ))
          : null}
        {categories.map((category, row) => {
          const y0 = legendHeight + row * rowHeight;
          return (
            <g key={category}>
              <text
                x={LABEL_WIDTH - 8}
                y={y0 + (series.length * BAR_HEIGHT) / 2 + 4}
                textAnchor="end"
                className="chart-label"
              >
                {category.length > LABEL_CHARACTERS
                  ? `${category.slice(0, LABEL_CHARACTERS - 1)}…`
                  : category}
              </text>
              {series.map((s, index) => {
                const value = s.values[row];
                const y = y0 + index * BAR_HEIGHT;
                return (
                  <g key={s.name}>
                    {value !== null && value > 0 ? (
                      <rect
                        x={LABEL_WIDTH}
                        y={y + 2}
                        width={Math.max(x(value) - LABEL_WIDTH, 1)}
                        height={BAR_HEIGHT - 4}
                        className={SERIES_CLASSES[index % SERIES_CLASSES.length]}
                      />
                    ) : null}
                    <text
                      x={value === null ? LABEL_WIDTH + 4 : x(value) + 4}
                      y={y + BAR_HEIGHT - 4}
                      className="chart-value"
                    >
                      {value === null ? 'n/a' : show(value)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
        <line
          x1={LABEL_WIDTH}
          x2={LABEL_WIDTH}
          y1={legendHeight}
          y2={height - 6}
          className="chart-axis"
        />
        {reference ? (
          <g>
            <line
              x1={x(reference.value)}
              x2={x(reference.value)}
              y1={legendHeight}
              y2={height - 6}
              className="chart-reference"
            />
          </g>
        ) : null}
      </svg>
      <p id={`${id}-summary`} className="chart-summary">
        {summary}
        {reference ? ` The dashed line marks ${reference.label}.` : ''}
      </p>
      <details>
        <summary>Show the numbers</summary>
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Category</th>
              {series.map((s) => (
                <th scope="col" key={s.name}>
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {categories.map((category, row) => (
              <tr key={category}>
                <th scope="row">{category}</th>
                {series.map((s) => {
                  const value = s.values[row];
                  return <td key={s.name}>{value === null ? 'n/a' : show(value)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
