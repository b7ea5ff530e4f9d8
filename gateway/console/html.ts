// HTML built from tagged templates: every interpolated value is escaped unless it is already Html, so a value from
// the register or the log can never become markup.
export class Html {
  constructor(readonly text: string) {}
  toString() {
    return this.text;
  }
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escape = (value: unknown) => String(value).replace(/[&<>"']/g, (c) => entities[c]!);

type Part = Html | string | number | null | undefined | false | Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (Array.isArray(part)) return part.map(render).join('');
  if (part instanceof Html) return part.text;
  return escape(part);
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new Html(out);
}

/** Markup the caller vouches for (built here, never from input). */
export const trusted = (text: string) => new Html(text);

export const percent = (share: number | null | undefined) =>
  share === null || share === undefined ? '–' : `${Math.round(share * 1000) / 10}%`;
export const ms = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value} ms`;

let tables = 0;
/**
 * A data table in a region of its own that scrolls sideways when the screen is narrower than its columns, so the
 * page itself never does (WCAG 1.4.10 exempts data tables from reflow, not the page around them). The region is
 * named by the caption and takes focus, so a keyboard can scroll it.
 */
export function scrollTable(caption: string, inner: Html): Html {
  const id = `table-${(tables = (tables + 1) % 1_000_000)}`;
  return html`<div class="table-region" role="region" aria-labelledby="${id}" tabindex="0"><table><caption id="${id}">${caption}</caption>${inner}</table></div>`;
}
