/** The page's one stylesheet, inline: the report makes no request. */
export const STYLE = `
:root{color-scheme:light;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg:#fff;--soft:#f6f8fa}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;padding:24px;max-width:1280px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{font-size:16px;margin:0 0 8px}h3 small{color:var(--muted);font-weight:normal;font-size:12px}h4{font-size:14px;margin:16px 0 6px}
.meta,.note,footer{color:var(--muted)}footer{margin-top:32px;font-size:12px}
table{border-collapse:collapse;font-size:13px;margin:4px 0}th,td{border:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
thead th{background:var(--soft)}td.num{text-align:right;font-variant-numeric:tabular-nums}caption{text-align:left;font-weight:600;padding:4px 0}
.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:16px;margin:8px 0}
.vendor{white-space:nowrap}.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}
.suite{border:1px solid var(--line);border-radius:8px;padding:16px;margin:16px 0}
.suite-body{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
.charts{display:flex;flex-direction:column;gap:8px;flex:0 1 520px}figure{margin:0}figcaption{font-size:12px;color:var(--muted)}
.chart{max-width:100%;height:auto;background:var(--soft);border-radius:6px}
.chart text{font-size:10px;fill:var(--muted)}.chart .grid{stroke:var(--line);stroke-width:1}.chart.empty text{font-size:12px}
.chart .point{stroke:#fff;stroke-width:1}
p.points{flex:1 1 420px;margin:0}details.points{flex:1 1 420px;max-height:500px;overflow:auto}.day{white-space:nowrap}.interval{display:block;white-space:nowrap;color:var(--muted)}.points-table .clip{max-width:26ch}summary{cursor:pointer;color:var(--muted)}
.good{color:#1a7f37}.bad{color:#cf222e}.status-failed{color:#cf222e}.status-completed{color:#1a7f37}.status-canceled{color:#9a6700}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace}
code.ref{display:block;white-space:nowrap;color:var(--muted)}a code.ref{color:inherit}h3 code.ref,h4 code.ref{display:inline;font-size:11px}
.clip{display:block;max-width:34ch;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}.key{color:var(--muted);font-size:12px}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.chart .scale-note{font-size:11px;fill:var(--fg);font-style:italic}.chart .tick{stroke:var(--muted)}
.pair-table{width:100%;table-layout:fixed}.pair-table th:first-child{width:150px}.pair-table th:last-child{width:110px}
#runs-table{width:100%}#runs-table td:first-child,#runs-table td:nth-child(7){white-space:nowrap}
`
