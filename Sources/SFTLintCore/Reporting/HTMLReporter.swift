/// One self-contained HTML page for a person to read, print or attach to a ticket.
///
/// It holds the score (overall and per category), the files, the statistics (samples, budget, length
/// percentiles, histograms as inline SVG with the budget's cut-off line, diversity, openings and verbs, the
/// language mix) and the findings grouped by rule: each rule with its code, name, severity, summary and why it
/// matters, then its findings with their locations and messages (which quote the offending text).
///
/// The page needs nothing but itself: no script, no font, image or style from the network, every link an
/// in-page anchor. All data text is escaped (`HTMLText`). A rule lists at most `findingsPerRule` findings and
/// says how many more there are, so that a dataset full of one defect still gives a small file. The output
/// depends only on the report: no dates, no absolute paths.
public struct HTMLReporter: Reporter {
    public static let id = "html"
    public static let summary = "A self-contained HTML page with charts, for a person to read or print."
    /// How many findings each rule lists.
    public static let findingsPerRule = 200
    /// How many openings and verbs the tables list.
    static let openingLimit = 20
    /// Characters of a message or an opening the page shows.
    static let textLimit = 1_000

    /// HTML ignores colour, `--statistics` and `--quiet`: the page has every section, and styles itself.
    public init(options: ReporterOptions = ReporterOptions()) {}

    public func render(_ report: Report) -> String {
        let stats = StatsView(report.stats)
        let score = NumberFormatting.score(report.score.overall)
        // With --baseline the counts are of new findings: say how many the baseline hid and how many are fixed.
        let baselineLine = report.baseline.map {
            "\n<div class=\"muted\">" + HTMLText.escape(TextReporter.baselineLine($0)) + "</div>"
        } ?? ""
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <title>sftlint report · score \(score)/100</title>
            <style>
            \(HTMLStyle.css)</style>
            </head>
            <body>
            <header>
            <div class="score \(HTMLReporter.grade(report.score.overall))">\(score)<small>/100</small></div>
            <div><h1>sftlint report</h1>
            <div class="muted">\(HTMLText.escape(TextReporter().summaryLine(report)))</div>\(baselineLine)</div>
            </header>
            <nav><a href="#scores">Scores</a><a href="#statistics">Statistics</a><a href="#findings">Findings</a></nav>

            """
        out += scores(report)
        out += statistics(stats)
        out += findings(report)
        out += "<p class=\"muted\">\(HTMLText.escape(report.tool.name)) \(HTMLText.escape(report.tool.version))</p>\n"
        return out + "</body>\n</html>\n"
    }

    /// `good` from 90, `fair` from 70, else `poor`: the colour of a score.
    static func grade(_ score: Double) -> String {
        score >= 90 ? "good" : score >= 70 ? "fair" : "poor"
    }

    // MARK: - Scores and files

    private func scores(_ report: Report) -> String {
        var out = "<section id=\"scores\">\n<h2>Scores</h2>\n"
        let categories = report.score.orderedCategories.map { category, part in
            [
                HTMLText.escape(category.rawValue),
                "<span class=\"meter \(HTMLReporter.grade(part.value))\"><span style=\"width: "
                    + "\(HTMLText.coordinate(part.value))%\"></span></span> \(NumberFormatting.score(part.value))",
                NumberFormatting.grouped(part.errors), NumberFormatting.grouped(part.warnings),
                NumberFormatting.grouped(part.infos),
            ]
        }
        out += HTMLReporter.table(
            ["category", "score", "errors", "warnings", "infos"], categories, numeric: [2, 3, 4])
        let files = report.files.map { file in
            [
                "<span class=\"mono where\">\(HTMLText.escape(file.path))</span>", HTMLText.escape(file.formatName),
                NumberFormatting.grouped(file.records),
            ]
        }
        out += "<h3>Files</h3>\n" + HTMLReporter.table(["file", "format", "records"], files, numeric: [2])
        return out + "</section>\n"
    }

    // MARK: - Statistics

    private func statistics(_ stats: StatsView) -> String {
        var out = "<section id=\"statistics\">\n<h2>Statistics</h2>\n"
        if let samples = stats.samples { out += HTMLReporter.facts("Samples", samples.phrases) }
        if let budget = stats.budget { out += HTMLReporter.facts("Budget", budget.phrases) }
        if let lengths = stats.lengths { out += self.lengths(lengths, budget: stats.budget) }
        if let diversity = stats.diversity { out += self.diversity(diversity) }
        if let openings = stats.openings, !openings.responses.isEmpty || !openings.promptVerbs.isEmpty {
            out += "<h3>Openings</h3>\n<div class=\"columns\">\n"
            out += openingTable("response opening", openings.responses)
            out += openingTable("prompt verb", openings.promptVerbs)
            out += "</div>\n"
        }
        if let files = stats.files, files.count > 1 { out += perFile(files) }
        if let scripts = stats.scripts, !scripts.isEmpty {
            let rows = scripts.map { script in
                let share = script.share(of: scripts)
                return [
                    HTMLText.escape(script.name), NumberFormatting.grouped(script.count),
                    HTMLReporter.meter(share) + " " + NumberFormatting.percent(share),
                ]
            }
            out += "<h3>Language mix</h3>\n" + HTMLReporter.table(["script", "samples", "share"], rows, numeric: [1])
        }
        if !stats.hasDatasetStatistics && stats.scripts == nil {
            out += "<p class=\"muted\">No statistics in this run.</p>\n"
        }
        return out + "</section>\n"
    }

    /// Each input's samples and sample lengths, when the run read more than one.
    private func perFile(_ files: [StatsView.File]) -> String {
        let rows = files.map { file -> [String] in
            let shown = file.lengths?.shown
            let sample = shown?.parts.first { $0.name == "sample" }?.distribution
            return [
                "<span class=\"mono where\">\(HTMLText.escape(file.path))</span>",
                file.samples.map { NumberFormatting.grouped($0.count) } ?? "–",
                file.samples.map { NumberFormatting.percent($0.multiTurnShare) } ?? "–",
            ] + ["p50", "p95", "max"].map { label in sample?.value(label).map(NumberFormatting.compact) ?? "–" }
        }
        let unit = files.lazy.compactMap { $0.lengths?.shown.unit }.first ?? "tokens"
        return "<h3>Per file</h3>\n"
            + HTMLReporter.table(
                ["file", "samples", "multi-turn", "sample \(unit) p50", "p95", "max"], rows, numeric: [1, 2, 3, 4, 5])
    }

    private func lengths(_ lengths: StatsView.Lengths, budget: StatsView.Budget?) -> String {
        let (unit, shown) = lengths.shown
        guard !shown.isEmpty else { return "" }
        var out = "<h3>Lengths</h3>\n"
        let rows = shown.map { name, distribution in
            [name] + distribution.percentiles.map { NumberFormatting.compact($0.value) }
                + [NumberFormatting.compact(distribution.mean)]
        }
        out += HTMLReporter.table(
            [unit] + StatsView.Distribution.labels + ["mean"], rows, numeric: Set(1...10))
        if let note = lengths.note { out += "<p class=\"muted\">\(HTMLText.escape(note)).</p>\n" }
        out += "<div class=\"charts\">\n"
        for (name, distribution) in shown where !distribution.histogram.isEmpty {
            // The budget caps a whole sequence, so its line belongs on the whole sample's token chart.
            let cut = name == "sample" && unit == "tokens" ? budget?.maxTokens : nil
            let caption = "\(name) \(unit), log scale"
            out +=
                "<figure><figcaption>\(HTMLText.escape(caption))</figcaption>\n"
                + SVGHistogram().render(distribution, unit: unit, label: caption, budget: cut) + "\n</figure>\n"
        }
        return out + "</div>\n"
    }

    private func diversity(_ diversity: StatsView.Diversity) -> String {
        let rows = [("prompts", diversity.prompts), ("responses", diversity.responses)].compactMap { name, distinct in
            distinct.map { [name] + $0.values.map { NumberFormatting.fixed($0.value, places: 3) ?? "–" } }
        }
        var out =
            "<h3>Diversity</h3>\n"
            + HTMLReporter.table(["", "distinct-1", "distinct-2", "distinct-3"], rows, numeric: [1, 2, 3])
        if !diversity.isExact { out += "<p class=\"muted\">Distinct-n estimated from a sketch.</p>\n" }
        return out
    }

    private func openingTable(_ title: String, _ openings: [StatsView.Opening]) -> String {
        guard !openings.isEmpty else { return "" }
        let rows = openings.prefix(HTMLReporter.openingLimit).map { opening in
            [
                "<span class=\"opening\">" + HTMLText.escape(opening.text.shortened(to: HTMLReporter.textLimit))
                    + "</span>",
                NumberFormatting.grouped(opening.count),
                HTMLReporter.meter(opening.share) + " " + NumberFormatting.percent(opening.share),
            ]
        }
        return "<div>" + HTMLReporter.table([title, "samples", "share"], rows, numeric: [1]) + "</div>\n"
    }

    // MARK: - Findings

    private func findings(_ report: Report) -> String {
        var out = "<section id=\"findings\">\n<h2>Findings</h2>\n"
        let groups = HTMLReporter.groups(report)
        guard !groups.isEmpty else { return out + "<p>No findings.</p>\n</section>\n" }
        let index = groups.map { group in
            [
                "<a href=\"#rule-\(HTMLText.escape(group.code))\"><code>\(HTMLText.escape(group.code))</code></a>",
                HTMLText.escape(group.name), HTMLReporter.badge(group.severity), NumberFormatting.grouped(group.total),
            ]
        }
        out += HTMLReporter.table(["code", "rule", "severity", "findings"], index, numeric: [3])
        for group in groups { out += rule(group) }
        return out + "</section>\n"
    }

    /// One rule's findings: what the page says about it and lists of it.
    struct Group {
        var code: String
        var name: String
        var severity: Severity
        var info: CheckInfo?
        var findings: [Finding]
        /// Findings counted but not kept by the run (`--max-findings-per-rule`).
        var omitted: Int

        var total: Int { findings.count + omitted }
    }

    /// The findings by rule, the most severe rules first, then by code; findings in report order.
    static func groups(_ report: Report) -> [Group] {
        var byCode: [String: Group] = [:]
        for finding in report.findings {
            byCode[
                finding.code,
                default: Group(
                    code: finding.code, name: finding.rule, severity: finding.severity, findings: [], omitted: 0)
            ]
            .findings.append(finding)
        }
        for omission in report.omitted {
            byCode[
                omission.code,
                default: Group(
                    code: omission.code, name: omission.rule, severity: omission.severity, findings: [], omitted: 0)
            ]
            .omitted += omission.count
        }
        for rule in report.rules { byCode[rule.code]?.info = rule }
        return byCode.values.sorted { ($1.severity, $0.code) < ($0.severity, $1.code) }
    }

    private func rule(_ group: Group) -> String {
        let code = HTMLText.escape(group.code)
        var out =
            "<div class=\"rule\" id=\"rule-\(code)\">\n<h3>\(HTMLReporter.badge(group.severity))"
            + " <code>\(code)</code> \(HTMLText.escape(group.name))"
            + " <span class=\"muted\">\(TextReporter.counted(group.total, "finding"))</span></h3>\n"
        if let info = group.info {
            out += "<p>\(HTMLText.escape(info.summary))</p>\n"
            out += "<p class=\"muted\">Why it matters: \(HTMLText.escape(info.rationale))</p>\n"
        }
        let listed = group.findings.prefix(HTMLReporter.findingsPerRule)
        out += "<table class=\"findings\">\n<tr><th>location</th><th>message</th></tr>\n"
        for finding in listed {
            out +=
                "<tr><td class=\"mono where\">\(HTMLReporter.place(finding.location))</td>"
                + "<td><span class=\"message\">"
                + HTMLText.escape(finding.message.shortened(to: HTMLReporter.textLimit)) + "</span>"
            if !finding.related.isEmpty {
                out +=
                    "<ul class=\"related\">"
                    + finding.related.map {
                        "<li><span class=\"mono\">\(HTMLReporter.place($0.location))</span> "
                            + "\(HTMLText.escape($0.note))</li>"
                    }.joined() + "</ul>"
            }
            out += "</td></tr>\n"
        }
        out += "</table>\n"
        let more = group.total - listed.count
        if more > 0 {
            out += "<p class=\"more\">and \(NumberFormatting.grouped(more)) more</p>\n"
        }
        return out + "</div>\n"
    }

    /// `path:line:col`, and the JSON pointer inside the record when there is one. A long path may wrap, but
    /// `:line:col` stays in one piece after it.
    static func place(_ location: Location) -> String {
        var out =
            HTMLText.escape(location.path)
            + "<wbr><span class=\"nowrap\">:\(location.line):\(location.column)</span>"
        if !location.pointer.isEmpty { out += " <span class=\"muted\">\(HTMLText.escape(location.pointer))</span>" }
        return out
    }

    // MARK: - Pieces

    /// A labelled line of short facts.
    static func facts(_ label: String, _ phrases: [String]) -> String {
        "<ul class=\"facts\"><li><strong>\(HTMLText.escape(label))</strong></li>"
            + phrases.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ul>\n"
    }

    static func badge(_ severity: Severity) -> String {
        "<span class=\"sev \(severity.rawValue)\">\(severity.rawValue)</span>"
    }

    /// A bar as wide as `share` (0 to 1).
    static func meter(_ share: Double) -> String {
        let width = HTMLText.coordinate(min(max(share, 0), 1) * 100)
        return "<span class=\"meter\"><span style=\"width: \(width)%\"></span></span>"
    }

    /// A table; cells are HTML already. `numeric` columns are right-aligned.
    static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int> = []) -> String {
        guard !rows.isEmpty else { return "" }
        func cells(_ row: [String], tag: String) -> String {
            row.enumerated().map { column, cell in
                "<\(tag)\(numeric.contains(column) ? " class=\"num\"" : "")>\(cell)</\(tag)>"
            }.joined()
        }
        return "<table>\n<tr>" + cells(header.map(HTMLText.escape), tag: "th") + "</tr>\n"
            + rows.map { "<tr>" + cells($0, tag: "td") + "</tr>\n" }.joined() + "</table>\n"
    }
}
