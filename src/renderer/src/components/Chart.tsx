// A chart.js chart on a canvas, labelled for assistive technology (each chart sits next to a
// table of the same figures). Colours come from the theme's CSS variables, so charts follow the
// light and dark themes.
import { Chart as ChartJs, registerables, type ChartConfiguration, type ChartType } from 'chart.js';
import { useEffect, useRef } from 'react';

export interface ChartProps<T extends ChartType> {
  type: T;
  labels: string[];
  datasets: ChartConfiguration<T>['data']['datasets'];
  label: string;
  horizontal?: boolean;
  height?: number;
}

function cssVar(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

export function ChartView<T extends ChartType>({ type, labels, datasets, label, horizontal = false, height = 260 }: ChartProps<T>) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    ChartJs.register(...registerables);
    const element = canvas.current;
    if (!element) return;
    const text = cssVar('--text-muted', '#555');
    const grid = cssVar('--border', '#ddd');
    ChartJs.defaults.color = text;
    ChartJs.defaults.borderColor = grid;
    const instance = new ChartJs(element, {
      type,
      data: { labels, datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        ...(horizontal ? { indexAxis: 'y' as const } : {}),
        plugins: { legend: { display: type === 'doughnut' || type === 'pie' || datasets.length > 1 } },
        // Counts: the value axis starts at zero and has whole-number ticks only.
        ...(type === 'bar' || type === 'line'
          ? { scales: { [horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0 } } } }
          : {}),
      },
    } as ChartConfiguration<T>);
    return () => instance.destroy();
    // The chart is rebuilt when its data changes; a few dozen points make that cheaper than diffing.
  }, [type, labels, datasets, horizontal]);

  return (
    <div className="chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}

/** Series colours from the theme, in order. */
export function palette(): string[] {
  return [1, 2, 3, 4, 5, 6, 7].map((i) => cssVar(`--chart-${i}`, '#3b6fd8'));
}
