// ECharts with only what the dashboards draw (bars on a grid, tooltip, legend, canvas), loaded on
// demand by report-chart.tsx so the main bundle does not carry it.
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
