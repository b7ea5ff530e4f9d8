// The console's one stylesheet, served from the gateway itself (no network needed). Colours meet WCAG AA contrast
// on white; focus is always visible; the layout reads on a 1280-pixel laptop and on a 390-pixel phone without the
// page scrolling sideways: wide tables scroll inside their own labelled region, long codes and hashes wrap.
export const consoleCss = `
:root { --ink: #1b1b1b; --muted: #4a4a4a; --line: #b1b4b6; --link: #0b4f9c; --focus: #ffbf47; --urgent: #8a1c1c; --urgent-bg: #fde8e8;
  --warn: #6b4400; --warn-bg: #fff4d6; --ok: #00572f; --ok-bg: #e3f5ea; --panel: #f3f2f1; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 100%; line-height: 1.5; color: var(--ink); background: #fff; }
body { margin: 0; overflow-wrap: break-word; }
code { overflow-wrap: anywhere; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: 0; padding: 0; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: var(--focus); padding: .5rem; z-index: 2; }
header.top { background: #0b0c0c; color: #fff; padding: .75rem 1.5rem; display: flex; gap: 1.5rem; align-items: center; flex-wrap: wrap; }
header.top .brand { font-weight: 700; font-size: 1.1rem; color: #fff; text-decoration: none; }
header.top nav ul { list-style: none; display: flex; gap: 1rem; margin: 0; padding: 0; flex-wrap: wrap; }
header.top nav a { color: #fff; } header.top nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
header.top .who { margin-left: auto; display: flex; gap: .75rem; align-items: center; font-size: .95rem; flex-wrap: wrap; }
main { max-width: 76rem; margin: 0 auto; padding: 1.5rem; }
@media (max-width: 40rem) { header.top { padding: .75rem 1rem; gap: .5rem 1rem; } header.top .who { margin-left: 0; } main { padding: 1rem; } h1 { font-size: 1.6rem; } }
h1 { font-size: 2rem; margin: .5rem 0 1rem; line-height: 1.2; } h2 { font-size: 1.4rem; margin: 2rem 0 .75rem; } h3 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
a { color: var(--link); } a:focus, button:focus, input:focus, select:focus, textarea:focus, summary:focus { outline: 3px solid var(--focus); outline-offset: 2px; }
p.lead { font-size: 1.15rem; color: var(--muted); max-width: 60rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; font-size: .95rem; }
.table-region { position: relative; max-width: 100%; overflow-x: auto; margin: .5rem 0 1.5rem; } .table-region table { margin: 0; }
.table-region:focus { outline: 3px solid var(--focus); outline-offset: 2px; }
@media (max-width: 40rem) { .table-region table { min-width: 36rem; } }
ul.characteristics, ul.plain { list-style: none; padding: 0; margin: .25rem 0 0; } ul.characteristics li { white-space: nowrap; font-size: .9rem; }
ul.characteristics li.unmet { color: var(--muted); }
caption { text-align: left; font-weight: 700; padding: .25rem 0 .5rem; }
th, td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--panel); } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: .05rem .45rem; border-radius: .25rem; font-size: .85rem; font-weight: 700; border: 1px solid currentColor; }
.urgent { color: var(--urgent); background: var(--urgent-bg); } .warning { color: var(--warn); background: var(--warn-bg); } .ok { color: var(--ok); background: var(--ok-bg); }
ul.signals { list-style: none; padding: 0; } ul.signals li { padding: .5rem .75rem; margin: .35rem 0; border-left: 5px solid var(--line); background: var(--panel); }
ul.signals li.urgent { border-left-color: var(--urgent); } ul.signals li.warning { border-left-color: var(--warn); }
form.stack label { display: block; font-weight: 700; margin: .75rem 0 .25rem; }
form.stack .hint { color: var(--muted); font-size: .95rem; margin: 0 0 .25rem; }
input, select, textarea { font: inherit; padding: .4rem; border: 2px solid #0b0c0c; max-width: 100%; }
select { width: 100%; max-width: 24rem; }
textarea { width: 100%; min-height: 8rem; font-family: ui-monospace, monospace; font-size: .85rem; }
fieldset { border: 1px solid var(--line); padding: .75rem 1rem 1rem; margin: 0 0 1rem; } legend { font-weight: 700; padding: 0 .25rem; }
button { font: inherit; font-weight: 700; background: #00703c; color: #fff; border: 0; padding: .55rem 1rem; cursor: pointer; box-shadow: 0 2px 0 #002d18; }
button.secondary { background: #f3f2f1; color: #0b0c0c; box-shadow: 0 2px 0 #929191; } button.link { background: none; box-shadow: none; color: #fff; text-decoration: underline; padding: 0; font-weight: 400; }
.filters { display: flex; flex-wrap: wrap; gap: .75rem 1rem; align-items: end; } .filters label { display: block; font-weight: 700; font-size: .95rem; }
.notice { border-left: 5px solid var(--ok); background: var(--ok-bg); padding: .5rem 1rem; margin: 1rem 0; } .notice p { margin: 0; }
form.stack label.inline { display: inline; font-weight: 400; margin: 0; }
.alert { border: 4px solid var(--urgent); background: var(--urgent-bg); padding: .75rem 1rem; margin: 1rem 0; } .alert h2 { margin-top: 0; color: var(--urgent); }
.error-summary { border: 4px solid var(--urgent); padding: .75rem 1rem; margin: 1rem 0; } .error-summary h2 { margin-top: 0; font-size: 1.2rem; }
figure.chart { margin: 1rem 0 2rem; } figure.chart svg { width: 100%; max-width: 56rem; height: auto; display: block; }
figure.chart figcaption { font-weight: 700; margin-bottom: .25rem; }
ul.legend { list-style: none; display: flex; gap: 1rem; padding: 0; margin: .25rem 0; flex-wrap: wrap; font-size: .95rem; }
ul.legend span.swatch { display: inline-block; width: .9rem; height: .9rem; margin-right: .35rem; vertical-align: -.1rem; border: 1px solid #0b0c0c; }
.grid2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(34rem, 100%), 1fr)); gap: 0 2rem; } .grid2 > * { min-width: 0; }
dl.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .25rem 1rem; } dl.facts dt { font-weight: 700; } dl.facts dd { margin: 0; min-width: 0; }
@media (max-width: 40rem) { dl.facts { grid-template-columns: minmax(0, 1fr); gap: 0; } dl.facts dd { margin-bottom: .5rem; } }
dl.facts dl.facts { margin: 0; }
pre { background: var(--panel); padding: .75rem; white-space: pre-wrap; overflow-wrap: anywhere; font-size: .85rem; }
.muted { color: var(--muted); }
`;
