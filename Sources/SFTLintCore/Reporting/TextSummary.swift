/// The statistics block of the text report, between the rule counts and the summary line.
///
/// ```
/// scores        json 100.0 · structure 93.8 · duplicates 99.9 · length 100.0
/// samples       218 samples · 13.8% multi-turn · 22.9% with a system prompt · turns 2–14, median 2
/// scripts       latin 150 (68.8%) · han 60 (27.5%) · none 8 (3.7%)
///
/// tokens    min  p5  p25  p50  p75  p90  p95    p99    max  mean
/// prompt      2   4    9   20   40   70   90    150    700    32
/// …
/// prompt    │ ▁▁▄█▆▂▁ ▁│    1 – 1,024 tokens
/// ```
///
/// Every line fits in `width` terminal columns, CJK counted double: long lists wrap under their label and data
/// text (openings) is cut with `…`. It reads only `Report.score` and `Report.stats` (through `StatsView`); a
/// section whose statistics are absent is left out, and a report with none of them gives an empty string.
struct TextSummary {
    var color: Bool
    var width = 100

    /// Columns of the label that starts a line.
    private let labelWidth = 14
    /// How many openings and verbs the summary lists.
    static let openingLimit = 5

    func render(_ report: Report) -> String {
        let stats = StatsView(report.stats)
        let blocks = [
            overview(report, stats),
            lengthTable(stats.lengths),
            histograms(stats.lengths),
            diversityTable(stats.diversity),
            openingTable(stats.openings),
        ]
        return blocks.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    // MARK: - Overview lines

    private func overview(_ report: Report, _ stats: StatsView) -> String {
        var out = ""
        let categories = report.score.orderedCategories.map {
            "\($0.category.rawValue) \(NumberFormatting.score($0.part.value))"
        }
        out += wrapped("scores", categories)
        if let samples = stats.samples { out += wrapped("samples", samples.phrases) }
        if let budget = stats.budget { out += wrapped("budget", budget.phrases) }
        if let verbs = stats.openings?.promptVerbs, !verbs.isEmpty {
            out += wrapped(
                "prompt verbs",
                verbs.prefix(TextSummary.openingLimit).map {
                    DisplayWidth.truncate(TextSummary.oneLine($0.text), to: 30) + " "
                        + NumberFormatting.percent($0.share)
                })
        }
        if let scripts = stats.scripts, !scripts.isEmpty {
            out += wrapped(
                "scripts",
                scripts.map { script in
                    let share = NumberFormatting.percent(script.share(of: scripts))
                    return "\(script.name) \(NumberFormatting.grouped(script.count)) (\(share))"
                })
        }
        return out
    }

    /// `label` padded, then `items` joined with ` · `, wrapped under the label to fit `width`.
    private func wrapped(_ label: String, _ items: [String]) -> String {
        guard !items.isEmpty else { return "" }
        let indent = String(repeating: " ", count: labelWidth)
        var lines: [String] = []
        var line = ""
        for item in items {
            let item = DisplayWidth.truncate(item, to: width - labelWidth)
            if line.isEmpty {
                line = item
            } else if labelWidth + DisplayWidth.of(line) + 3 + DisplayWidth.of(item) <= width {
                line += " · " + item
            } else {
                lines.append(line)
                line = item
            }
        }
        lines.append(line)
        let head = bold(DisplayWidth.pad(label, to: labelWidth - 1)) + " "
        return lines.enumerated().map { ($0.offset == 0 ? head : indent) + $0.element + "\n" }.joined()
    }

    // MARK: - Lengths

    private func lengthTable(_ lengths: StatsView.Lengths?) -> String {
        guard let (unit, shown) = lengths?.shown, !shown.isEmpty else { return "" }
        let header = [unit] + StatsView.Distribution.labels + ["mean"]
        let rows = shown.map { name, distribution in
            [name] + distribution.percentiles.map { NumberFormatting.compact($0.value) }
                + [NumberFormatting.compact(distribution.mean)]
        }
        let alignments = [TextTable.Alignment.left] + Array(repeating: .right, count: header.count - 1)
        var out = TextTable(alignments: alignments).render([header] + rows)
        if let note = lengths?.note { out += DisplayWidth.truncate(TextSummary.oneLine(note), to: width) + "\n" }
        return boldFirstLine(out)
    }

    private func histograms(_ lengths: StatsView.Lengths?) -> String {
        guard let (unit, shown) = lengths?.shown else { return "" }
        let rows = shown.compactMap { name, distribution -> [String]? in
            guard let first = distribution.histogram.first, let last = distribution.histogram.last else { return nil }
            let bars = Sparkline.render(distribution.histogram.map(\.count))
            return [
                name, "│" + bars + "│",
                "\(NumberFormatting.compact(first.lower)) – \(NumberFormatting.compact(last.upper)) \(unit)",
            ]
        }
        guard !rows.isEmpty else { return "" }
        return TextTable().render(rows)
    }

    // MARK: - Diversity and openings

    private func diversityTable(_ diversity: StatsView.Diversity?) -> String {
        guard let diversity else { return "" }
        let sides = [("prompts", diversity.prompts), ("responses", diversity.responses)]
        var rows = [["diversity", "distinct-1", "distinct-2", "distinct-3"]]
        for case (let name, let distinct?) in sides {
            rows.append([name] + distinct.values.map { NumberFormatting.fixed($0.value, places: 3) ?? "–" })
        }
        var out = TextTable(alignments: [.left, .right, .right, .right]).render(rows)
        if !diversity.isExact { out += "distinct-n estimated from a sketch\n" }
        return boldFirstLine(out)
    }

    private func openingTable(_ openings: StatsView.Openings?) -> String {
        guard let responses = openings?.responses, !responses.isEmpty else { return "" }
        let listed = responses.prefix(TextSummary.openingLimit)
        let numbers = listed.map { [NumberFormatting.percent($0.share), NumberFormatting.grouped($0.count)] }
        // The text gets what the share and count columns, and the two gaps before them, leave.
        let numberWidth = [0, 1].reduce(0) { total, column in
            total + 2 + numbers.map { $0[column].count }.reduce(5, max)
        }
        var rows = [["response openings", "share", "count"]]
        for (opening, figures) in zip(listed, numbers) {
            rows.append([DisplayWidth.truncate(TextSummary.oneLine(opening.text), to: width - numberWidth)] + figures)
        }
        return boldFirstLine(TextTable(alignments: [.left, .right, .right]).render(rows))
    }

    // MARK: - Helpers

    /// Data text on one line: line breaks as `⏎`, tabs as a space, other control characters dropped, so that an
    /// opening can neither break the layout nor send escape sequences to the terminal.
    static func oneLine(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "⏎"
            case "\r": continue
            case "\t": out += " "
            case _ where DisplayWidth.isControl(scalar): continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private func bold(_ text: String) -> String {
        color ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }

    private func boldFirstLine(_ text: String) -> String {
        guard color, let newline = text.firstIndex(of: "\n") else { return text }
        return bold(String(text[..<newline])) + String(text[newline...])
    }
}
