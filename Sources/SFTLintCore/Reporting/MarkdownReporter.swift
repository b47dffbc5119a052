/// A GitHub-flavoured Markdown summary, sized for a pull-request comment.
///
/// ```
/// ## sftlint: score 93.8/100
/// 2 files · 48,210 records (…) · 2 errors · 1 warning · 1 info · score 93.8/100
/// | category | score | errors | warnings | infos |   per category
/// | code | rule | severity | findings |             per rule
/// | severity | location | rule | message |          the worst 20 findings, errors first, then in report order
/// ### Statistics                                    samples, budget, length percentiles with histograms,
///                                                   diversity, openings, verbs, scripts
/// ```
///
/// Data text (messages, paths, openings) is escaped so that it shows as written and can't break a table, add a
/// link, an image, HTML, or mention a GitHub user (`MarkdownText.escape`).
public struct MarkdownReporter: Reporter {
    public static let id = "markdown"
    public static let summary = "A GitHub-flavoured summary for a pull-request comment."
    /// How many findings the comment lists.
    public static let worstLimit = 20
    /// How many openings and verbs it lists.
    static let openingLimit = 10
    /// Characters of a message or an opening a cell shows.
    static let textLimit = 300

    /// Markdown ignores colour, `--statistics` and `--quiet`: a comment always has the same sections.
    public init(options: ReporterOptions = ReporterOptions()) {}

    public func render(_ report: Report) -> String {
        let stats = StatsView(report.stats)
        let sections = [
            "## sftlint: score \(NumberFormatting.score(report.score.overall))/100\n\n"
                + MarkdownText.escape(TextReporter().summaryLine(report)) + "\n"
                + (report.baseline.map { "\n" + MarkdownText.escape(TextReporter.baselineLine($0)) } ?? ""),
            categoryTable(report),
            ruleTable(report),
            worstFindings(report),
            statistics(stats),
        ]
        return sections.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    // MARK: - Scores and rules

    private func categoryTable(_ report: Report) -> String {
        let rows = report.score.orderedCategories.map { category, part in
            [
                category.rawValue, NumberFormatting.score(part.value), NumberFormatting.grouped(part.errors),
                NumberFormatting.grouped(part.warnings), NumberFormatting.grouped(part.infos),
            ]
        }
        return MarkdownText.table(
            ["category", "score", "errors", "warnings", "infos"], rows, rightAligned: [1, 2, 3, 4])
    }

    private func ruleTable(_ report: Report) -> String {
        var names: [String: (rule: String, severity: Severity)] = [:]
        for finding in report.findings where names[finding.code] == nil {
            names[finding.code] = (finding.rule, finding.severity)
        }
        for omission in report.omitted where names[omission.code] == nil {
            names[omission.code] = (omission.rule, omission.severity)
        }
        let rows = report.countsByCode.sorted { $0.key < $1.key }.map { code, count in
            [
                "`\(MarkdownText.escape(code))`", MarkdownText.escape(names[code]?.rule ?? ""),
                names[code]?.severity.rawValue ?? "", NumberFormatting.grouped(count),
            ]
        }
        guard !rows.isEmpty else { return "" }
        return "### Findings by rule\n\n"
            + MarkdownText.table(["code", "rule", "severity", "findings"], rows, rightAligned: [3])
    }

    private func worstFindings(_ report: Report) -> String {
        guard !report.findings.isEmpty else { return "" }
        let worst = MarkdownReporter.worst(report.findings, limit: MarkdownReporter.worstLimit)
        let rows = worst.map { finding in
            let location = finding.location
            return [
                finding.severity.rawValue,
                MarkdownText.code("\(location.path):\(location.line):\(location.column)"),
                "`\(MarkdownText.escape(finding.code))` \(MarkdownText.escape(finding.rule))",
                MarkdownText.escape(finding.message.shortened(to: MarkdownReporter.textLimit)),
            ]
        }
        let total = report.findings.count + report.omitted.reduce(0) { $0 + $1.count }
        let heading =
            total > worst.count
            ? "### The worst \(worst.count) of \(NumberFormatting.grouped(total)) findings\n\n"
            : "### Findings\n\n"
        return heading + MarkdownText.table(["severity", "location", "rule", "message"], rows)
    }

    /// The `limit` most severe findings; among equals, the first in report order. One pass per severity and no
    /// sort, since `--max-findings-per-rule 0` can keep millions.
    static func worst(_ findings: [Finding], limit: Int) -> [Finding] {
        var picked: [Finding] = []
        for severity in Severity.allCases.reversed() where picked.count < limit {
            picked += findings.lazy.filter { $0.severity == severity }.prefix(limit - picked.count)
        }
        return picked
    }

    // MARK: - Statistics

    private func statistics(_ stats: StatsView) -> String {
        var blocks: [String] = []
        var facts: [String] = []
        if let samples = stats.samples { facts.append("**Samples:** " + samples.phrases.joined(separator: " · ")) }
        if let budget = stats.budget { facts.append("**Budget:** " + budget.phrases.joined(separator: " · ")) }
        if !facts.isEmpty { blocks.append(facts.joined(separator: "  \n") + "\n") }
        if let lengths = stats.lengths { blocks.append(lengthTable(lengths)) }
        if let diversity = stats.diversity { blocks.append(diversityTable(diversity)) }
        if let openings = stats.openings {
            blocks.append(openingTable("response opening", openings.responses))
            blocks.append(openingTable("prompt verb", openings.promptVerbs))
        }
        if let scripts = stats.scripts, !scripts.isEmpty {
            let rows = scripts.map {
                [
                    MarkdownText.escape($0.name), NumberFormatting.grouped($0.count),
                    NumberFormatting.percent($0.share(of: scripts)),
                ]
            }
            blocks.append(MarkdownText.table(["script", "samples", "share"], rows, rightAligned: [1, 2]))
        }
        let present = blocks.filter { !$0.isEmpty }
        return present.isEmpty ? "" : "### Statistics\n\n" + present.joined(separator: "\n")
    }

    private func lengthTable(_ lengths: StatsView.Lengths) -> String {
        let (unit, shown) = lengths.shown
        guard !shown.isEmpty else { return "" }
        let rows = shown.map { name, distribution in
            [name] + distribution.percentiles.map { NumberFormatting.compact($0.value) }
                + [NumberFormatting.compact(distribution.mean), MarkdownText.sparkline(distribution)]
        }
        let header = [unit] + StatsView.Distribution.labels + ["mean", "histogram (log scale)"]
        var out = MarkdownText.table(header, rows, rightAligned: Set(1...10))
        if let note = lengths.note { out += "\n" + MarkdownText.escape(note) + "\n" }
        return out
    }

    private func diversityTable(_ diversity: StatsView.Diversity) -> String {
        let rows = [("prompts", diversity.prompts), ("responses", diversity.responses)].compactMap { name, distinct in
            distinct.map { [name] + $0.values.map { NumberFormatting.fixed($0.value, places: 3) ?? "–" } }
        }
        var out = MarkdownText.table(
            ["diversity", "distinct-1", "distinct-2", "distinct-3"], rows, rightAligned: [1, 2, 3])
        if !diversity.isExact { out += "\ndistinct-n estimated from a sketch\n" }
        return out
    }

    private func openingTable(_ title: String, _ openings: [StatsView.Opening]) -> String {
        guard !openings.isEmpty else { return "" }
        let rows = openings.prefix(MarkdownReporter.openingLimit).map {
            [
                MarkdownText.escape($0.text.shortened(to: MarkdownReporter.textLimit)),
                NumberFormatting.grouped($0.count),
                NumberFormatting.percent($0.share),
            ]
        }
        return MarkdownText.table([title, "samples", "share"], rows, rightAligned: [1, 2])
    }
}
