// **style-sheet** is the one small CSS file of the HTML pages (served as /static/cablegraph.css):
// readable type, colours with at least 4.5:1 contrast, visible focus, highlighted telegram text.

/** The CSS text. */
export const STYLE_SHEET = `:root {
  --text: #1b1b1b; --muted: #4a4a4a; --bg: #ffffff; --link: #0b4f9c; --visited: #5b2a86;
  --claim: #fff1bf; --claim-edge: #b07d00; --quantity: #e2f1e4; --quantity-text: #0d4f1f;
  --mention: #0b4f9c; --focus: #c2410c; --rule: #d0d0d0; --code-bg: #f4f4f4;
}
* { box-sizing: border-box; }
html { font-size: 100%; }
body { margin: 0; color: var(--text); background: var(--bg); font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
a { color: var(--link); }
a:visited { color: var(--visited); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip-link { position: absolute; left: -999px; top: 0; padding: .5rem 1rem; background: var(--text); color: #fff; z-index: 10; }
.skip-link:focus { left: 1rem; color: #fff; }
.banner { display: flex; flex-wrap: wrap; gap: 1rem; align-items: baseline; justify-content: space-between; padding: .75rem 1.25rem; border-bottom: 1px solid var(--rule); }
.site-name { margin: 0; font-weight: 700; }
.banner ul { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; margin: 0; padding: 0; }
.banner a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 2px; }
main { display: block; max-width: 72rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
main:focus { outline: none; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: .5rem 0 1rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .75rem; border-bottom: 1px solid var(--rule); padding-bottom: .25rem; }
h3 { font-size: 1.1rem; margin: 1.25rem 0 .5rem; }
.iri { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .875rem; color: var(--muted); overflow-wrap: anywhere; }
table { border-collapse: collapse; margin: .5rem 0 1rem; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .35rem .6rem; border-bottom: 1px solid var(--rule); }
th[scope="row"] { width: 14rem; font-weight: 600; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
code, .hash { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .875rem; overflow-wrap: anywhere; }
pre, textarea { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.note { color: var(--muted); }
.telegram-text { white-space: pre-wrap; overflow-wrap: break-word; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .95rem; line-height: 1.7; padding: 1rem; border: 1px solid var(--rule); background: #fcfcfc; }
.telegram-text .claim { background: var(--claim); box-decoration-break: clone; -webkit-box-decoration-break: clone; border-bottom: 2px solid var(--claim-edge); }
.telegram-text .claim.first::before { content: attr(data-label); font: 700 .7rem/1 system-ui, sans-serif; color: #fff; background: #6b4d00; border-radius: 2px; padding: 1px 3px; margin-right: 2px; vertical-align: super; }
.telegram-text a.mention { color: var(--mention); text-decoration: underline; text-underline-offset: 2px; }
.telegram-text a.quantity { color: var(--quantity-text); background: var(--quantity); text-decoration: underline dotted; text-underline-offset: 3px; font-weight: 600; }
.legend { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; padding: 0; }
.legend span { padding: 0 .3rem; }
.legend .claim { background: var(--claim); border-bottom: 2px solid var(--claim-edge); }
.legend .quantity { background: var(--quantity); color: var(--quantity-text); font-weight: 600; }
.legend .mention { color: var(--mention); text-decoration: underline; }
.snippet { margin: .25rem 0; }
.snippet mark { background: var(--claim); color: var(--text); }
.claims li { margin-bottom: .75rem; }
.report { color: var(--text); }
.query-form textarea { width: 100%; min-height: 14rem; font-size: .9rem; }
.query-form .controls { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin: .5rem 0; }
button, select, input, textarea { font: inherit; }
button { padding: .35rem 1rem; }
.site-footer { border-top: 1px solid var(--rule); padding: 1rem 1.25rem; color: var(--muted); font-size: .9rem; }
.site-footer a { color: var(--link); }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
`;
