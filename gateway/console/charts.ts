// Charts drawn on the server as inline SVG: no script, no network, nothing to download. Each has a title and a
// description for screen readers, a text legend (colour is never the only cue: bars carry their own tooltips and the
// figures are one click away as a table), and colours with at least 3:1 contrast against white.
import { countScale } from './chart-scale.ts';
import { html, percent, scrollTable, type Html } from './html.ts';
import { shortDay } from './london-time.ts';

export const palette = ['#0b5cad', '#b34700', '#00704a', '#7a3b8f', '#a3123a', '#4d4d4d'];

export interface BarSeries {
  label: string;
  values: number[];
}
interface ChartBase {
  id: string;
  title: string;
  description: string;
  categories: string[];
}

const width = 600,
  height = 250,
  left = 44,
  right = 12,
  top = 12,
  bottom = 40;
const plotW = width - left - right,
  plotH = height - top - bottom;

/** Ticks of a share axis: quarters, read as whole percentages. */
const shareTicks = [0, 0.25, 0.5, 0.75, 1];

function frame(
  chart: ChartBase,
  ticks: number[],
  format: (v: number) => string,
  body: Html,
  legend: Html,
  table: Html,
): Html {
  const max = ticks[ticks.length - 1]!;
  const step = plotW / Math.max(chart.categories.length, 1);
  const every = Math.ceil(chart.categories.length / 12);
  return html`<figure class="chart">
<figcaption id="${chart.id}-caption">${chart.title}</figcaption>
<svg viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${chart.id}-t ${chart.id}-d" focusable="false">
<title id="${chart.id}-t">${chart.title}</title><desc id="${chart.id}-d">${chart.description}</desc>
${ticks.map((t) => {
  const y = top + plotH - (t / max) * plotH;
  return html`<line x1="${left}" x2="${width - right}" y1="${y}" y2="${y}" stroke="#b1b4b6" stroke-width="1"/><text x="${left - 6}" y="${y + 4}" text-anchor="end" font-size="13" fill="#1b1b1b">${format(t)}</text>`;
})}
${body}
${chart.categories.map((c, i) => (i % every === 0 ? html`<text x="${left + step * i + step / 2}" y="${height - bottom + 16}" text-anchor="middle" font-size="13" fill="#1b1b1b">${shortDay(c)}</text>` : ''))}
<line x1="${left}" x2="${width - right}" y1="${top + plotH}" y2="${top + plotH}" stroke="#0b0c0c" stroke-width="1.5"/>
</svg>
${legend}
<details><summary>${chart.title}: the figures as a table</summary>${table}</details>
</figure>`;
}

/** Stacked bars, one stack per category (e.g. a week). */
export function stackedBars(chart: ChartBase & { series: BarSeries[]; unit: string }): Html {
  const totals = chart.categories.map((_, i) => chart.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const scale = countScale(Math.max(0, ...totals));
  const max = scale.top;
  const step = plotW / Math.max(chart.categories.length, 1);
  const barW = Math.max(4, step * 0.6);
  const bars = chart.categories.map((category, i) => {
    let base = 0;
    return chart.series.map((s, k) => {
      const v = s.values[i] ?? 0;
      if (v === 0) return '';
      const h = (v / max) * plotH;
      const y = top + plotH - ((base + v) / max) * plotH;
      base += v;
      return html`<rect x="${left + step * i + (step - barW) / 2}" y="${y}" width="${barW}" height="${h}" fill="${palette[k % palette.length]}" stroke="#fff" stroke-width="1"><title>${category}: ${v} ${s.label.toLowerCase()}</title></rect>`;
    });
  });
  const legend = html`<ul class="legend">${chart.series.map((s, k) => html`<li><span class="swatch" style="background:${palette[k % palette.length]}"></span>${s.label}</li>`)}</ul>`;
  const table = scrollTable(
    chart.title,
    html`<thead><tr><th scope="col">Period from</th>${chart.series.map((s) => html`<th scope="col" class="num">${s.label}</th>`)}<th scope="col" class="num">Total</th></tr></thead>
<tbody>${chart.categories.map((c, i) => html`<tr><th scope="row">${c}</th>${chart.series.map((s) => html`<td class="num">${s.values[i] ?? 0}</td>`)}<td class="num">${totals[i]}</td></tr>`)}</tbody>`,
  );
  return frame(chart, scale.ticks, (v) => v.toLocaleString('en-GB'), html`${bars}`, legend, table);
}

/** Shares from 0 to 100% per category, with the count behind each; a period with nothing measured is left empty. */
export function shareBars(chart: ChartBase & { shares: (number | null)[]; counts: string[]; label: string }): Html {
  const step = plotW / Math.max(chart.categories.length, 1);
  const barW = Math.max(4, step * 0.6);
  const bars = chart.categories.map((c, i) => {
    const share = chart.shares[i];
    if (share === null || share === undefined) return '';
    const h = share * plotH;
    return html`<rect x="${left + step * i + (step - barW) / 2}" y="${top + plotH - h}" width="${barW}" height="${h}" fill="${share < 1 ? palette[1] : palette[2]}"><title>${c}: ${percent(share)} ${chart.label.toLowerCase()} (${chart.counts[i]})</title></rect>`;
  });
  const legend = html`<ul class="legend"><li><span class="swatch" style="background:${palette[2]}"></span>All within</li><li><span class="swatch" style="background:${palette[1]}"></span>Some missed</li><li>No bar: nothing measured</li></ul>`;
  const table = scrollTable(
    chart.title,
    html`<thead><tr><th scope="col">Period from</th><th scope="col" class="num">${chart.label}</th><th scope="col" class="num">Measured</th></tr></thead>
<tbody>${chart.categories.map((c, i) => html`<tr><th scope="row">${c}</th><td class="num">${percent(chart.shares[i] ?? null)}</td><td class="num">${chart.counts[i]}</td></tr>`)}</tbody>`,
  );
  return frame(chart, shareTicks, (v) => `${Math.round(v * 100)}%`, html`${bars}`, legend, table);
}

/** Directives as bars on a time line, from their first day to their last (or to today when open-ended). */
export function timeline(chart: {
  id: string;
  title: string;
  description: string;
  from: string;
  to: string;
  rows: { label: string; from: string; to: string | null }[];
}): Html {
  const rowH = 40,
    h = top + chart.rows.length * rowH + bottom;
  const t0 = Date.parse(chart.from),
    t1 = Date.parse(chart.to);
  const x = (day: string) => left + ((Math.min(Math.max(Date.parse(day), t0), t1) - t0) / (t1 - t0)) * plotW;
  const years: string[] = [];
  for (let y = Number(chart.from.slice(0, 4)) + 1; y <= Number(chart.to.slice(0, 4)); y += 1) years.push(`${y}-01-01`);
  return html`<figure class="chart">
<figcaption>${chart.title}</figcaption>
<svg viewBox="0 0 ${width} ${h}" role="img" aria-labelledby="${chart.id}-t ${chart.id}-d" focusable="false">
<title id="${chart.id}-t">${chart.title}</title><desc id="${chart.id}-d">${chart.description}</desc>
${years.map((y) => html`<line x1="${x(y)}" x2="${x(y)}" y1="${top}" y2="${h - bottom}" stroke="#b1b4b6"/><text x="${x(y)}" y="${h - bottom + 16}" text-anchor="middle" font-size="13" fill="#1b1b1b">${y.slice(0, 4)}</text>`)}
${chart.rows.map((r, i) => {
  const y = top + i * rowH;
  const end = r.to ?? chart.to;
  return html`<text x="${left}" y="${y + 12}" font-size="13" fill="#1b1b1b">${r.label.slice(0, 90)} (${r.from} to ${r.to ?? 'no end date'})</text>
<rect x="${x(r.from)}" y="${y + 17}" width="${Math.max(3, x(end) - x(r.from))}" height="16" fill="${palette[i % palette.length]}"><title>${r.label}: ${r.from} to ${r.to ?? 'no end date'}</title></rect>`;
})}
</svg>
</figure>`;
}
