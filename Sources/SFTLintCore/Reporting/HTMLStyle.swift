/// The HTML report's style sheet, inlined so that the file opens from disk with nothing from the network: system
/// fonts only, colours as variables switched by `prefers-color-scheme`, and a print layout that is light, drops
/// the navigation and keeps table rows whole.
enum HTMLStyle {
    static let css = """
        :root {
          color-scheme: light dark;
          --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --panel: #f6f8fa;
          --accent: #0969da; --bar: #54aeff; --error: #cf222e; --warning: #9a6700; --info: #0969da;
          --good: #1a7f37; --fair: #9a6700; --poor: #cf222e; --over: rgba(207, 34, 46, 0.08);
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --panel: #151b23;
            --accent: #4493f8; --bar: #388bfd; --error: #f85149; --warning: #d29922; --info: #4493f8;
            --good: #3fb950; --fair: #d29922; --poor: #f85149; --over: rgba(248, 81, 73, 0.12);
          }
        }
        * { box-sizing: border-box; }
        body {
          margin: 0 auto; max-width: 1120px; padding: 24px 28px 48px; background: var(--bg); color: var(--fg);
          font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC",
            "Microsoft YaHei", sans-serif;
        }
        h1 { font-size: 22px; margin: 0; }
        h2 { font-size: 18px; margin: 32px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--border); }
        h3 { font-size: 15px; margin: 22px 0 8px; }
        a { color: var(--accent); text-decoration: none; }
        a:hover { text-decoration: underline; }
        code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
          font-size: 0.9em; }
        .muted { color: var(--muted); }
        header { display: flex; align-items: center; gap: 24px; flex-wrap: wrap; }
        .score { font-size: 44px; font-weight: 700; line-height: 1; }
        .score small { font-size: 16px; font-weight: 400; color: var(--muted); }
        .good { color: var(--good); } .fair { color: var(--fair); } .poor { color: var(--poor); }
        nav { margin: 14px 0 0; color: var(--muted); }
        nav a { margin-right: 14px; }
        table { border-collapse: collapse; margin: 6px 0 10px; }
        th, td { text-align: left; padding: 4px 12px 4px 0; vertical-align: top;
          border-bottom: 1px solid var(--border); }
        th { font-weight: 600; color: var(--muted); white-space: nowrap; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .meter { display: inline-block; width: 120px; height: 8px; background: var(--panel);
          border: 1px solid var(--border); border-radius: 4px; overflow: hidden; vertical-align: middle; }
        .meter span { display: block; height: 100%; background: var(--bar); }
        .meter.good span { background: var(--good); } .meter.fair span { background: var(--fair); }
        .meter.poor span { background: var(--poor); }
        .facts { display: flex; flex-wrap: wrap; gap: 8px 24px; margin: 8px 0; padding: 0; list-style: none; }
        .charts { display: flex; flex-wrap: wrap; gap: 12px 24px; }
        figure { margin: 0; padding: 10px 12px; background: var(--panel); border: 1px solid var(--border);
          border-radius: 6px; }
        figcaption { font-weight: 600; margin-bottom: 4px; }
        svg.histogram { max-width: 100%; height: auto; display: block; }
        svg .bar { fill: var(--bar); }
        svg .axis { stroke: var(--border); stroke-width: 1; }
        svg .tick { fill: var(--muted); font-size: 11px; }
        svg .cut { stroke: var(--error); stroke-width: 2; stroke-dasharray: 5 3; }
        svg .cut-label { fill: var(--error); font-size: 11px; font-weight: 600; }
        svg .over { fill: var(--over); }
        .columns { display: flex; flex-wrap: wrap; gap: 0 40px; }
        .opening { white-space: pre-wrap; overflow-wrap: anywhere; max-width: 460px; }
        .sev { display: inline-block; min-width: 58px; padding: 0 6px; border-radius: 10px; font-size: 12px;
          font-weight: 600; text-align: center; color: var(--bg); }
        .sev.error { background: var(--error); } .sev.warning { background: var(--warning); }
        .sev.info { background: var(--info); }
        .rule { margin: 18px 0 26px; }
        .rule h3 { display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
        .rule p { margin: 4px 0; max-width: 880px; }
        table.findings { width: 100%; table-layout: fixed; }
        table.findings td:first-child, table.findings th:first-child { width: 34%; }
        .message { white-space: pre-wrap; overflow-wrap: anywhere; }
        .where { overflow-wrap: anywhere; }
        .nowrap { white-space: nowrap; }
        .related { margin: 2px 0 0; padding-left: 16px; color: var(--muted); }
        .more { color: var(--muted); font-style: italic; }
        @media print {
          :root {
            --bg: #ffffff; --fg: #000000; --muted: #444c56; --border: #c0c6cd; --panel: #ffffff;
            --accent: #000000; --bar: #6e7781; --error: #b00020; --warning: #7d5700; --info: #1f4e9c;
            --good: #1a7f37; --fair: #7d5700; --poor: #b00020; --over: rgba(176, 0, 32, 0.08);
          }
          body { max-width: none; padding: 0; font-size: 11px; }
          nav { display: none; }
          tr, figure, .rule h3 { break-inside: avoid; }
          h2, h3 { break-after: avoid; }
          .sev { color: #ffffff; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        }
        """
}
