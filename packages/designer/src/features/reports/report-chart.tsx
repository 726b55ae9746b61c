import { useEffect, useRef } from 'react';
import type { ChartOption } from './chart-options';

type Echarts = typeof import('./echarts-setup')['echarts'];
let loading: Promise<Echarts> | undefined;

/** ECharts, fetched the first time a chart is drawn (its own chunk, not the main bundle). */
const loadEcharts = () => {
  loading ??= import('./echarts-setup').then((m) => m.echarts);
  return loading;
};

/** One chart: draws `option` once ECharts has loaded, follows the box's width. */
export function ReportChart({
  option,
  height,
  label,
}: {
  option: ChartOption;
  height: number;
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const drawn = JSON.stringify(option);
  // biome-ignore lint/correctness/useExhaustiveDependencies: redrawn when the option's content changes, not its identity
  useEffect(() => {
    let disposed = false;
    let dispose = () => {};
    void loadEcharts().then((echarts) => {
      if (disposed || !box.current) return;
      const chart = echarts.init(box.current, undefined, { renderer: 'canvas' });
      chart.setOption(option);
      const observer = new ResizeObserver(() => chart.resize());
      observer.observe(box.current);
      dispose = () => {
        observer.disconnect();
        chart.dispose();
      };
    });
    return () => {
      disposed = true;
      dispose();
    };
  }, [drawn]);
  return <div ref={box} className="report-chart" style={{ height }} role="img" aria-label={label} />;
}
