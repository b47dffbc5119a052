/// Compiler-style text for a person at a terminal or in a CI log.
///
/// ```
/// data/train.jsonl:15:3: warning: same prompt as line 14, different response [D002 conflicting-response]
/// data/train.jsonl:14:3: note: first seen here
///
/// D002  conflicting-response  1
///
/// 1 file · 20 records (alpaca 20) · 0 errors · 1 warning · 0 infos · score 88.2/100
/// ```
///
/// Findings come one a line, each related location on a `note:` line after it. Then, when there are findings,
/// the count per rule, sorted by code; then the statistics (`TextSummary`: scores per category, length
/// percentiles and histograms, diversity, openings); last, the summary line. `statisticsOnly` leaves out the
/// findings, `quiet` the counts and the statistics; the summary line is always there, so that a log always ends
/// with the verdict.
public struct TextReporter: Reporter {
    public static let id = "text"
    public static let summary = "Compiler-style lines, per-rule counts, statistics and a summary line."

    /// `color`: severities bold red, yellow and blue, rule codes dim; `statisticsOnly`, `quiet`: as above.
    public var options: ReporterOptions

    public init(options: ReporterOptions = ReporterOptions()) {
        self.options = options
    }

    public func render(_ report: Report) -> String {
        var sections: [String] = []
        if !options.statisticsOnly && !report.findings.isEmpty {
            sections.append(report.findings.map(line(for:)).joined() + report.omitted.map(omissionLine).joined())
        }
        if !options.quiet && !report.findings.isEmpty {
            sections.append(countTable(report))
        }
        if !options.quiet {
            let statistics = TextSummary(color: options.color).render(report)
            if !statistics.isEmpty { sections.append(statistics) }
        }
        sections.append(summaryLine(report) + "\n" + (report.baseline.map { TextReporter.baselineLine($0) + "\n" } ?? ""))
        return sections.joined(separator: "\n")
    }

    // MARK: - Findings

    private func line(for finding: Finding) -> String {
        var text = position(finding.location) + ": " + styled(finding.severity) + ": " + finding.message
        text += " [" + dim(finding.code) + " " + finding.rule + "]\n"
        for related in finding.related {
            text += position(related.location) + ": note: " + related.note + "\n"
        }
        return text
    }

    /// `… 9,000 more S002 missing-field findings not shown`: the findings a run counted but didn't keep.
    private func omissionLine(_ omission: Report.Omission) -> String {
        let findings = omission.count == 1 ? "finding" : "findings"
        return "… \(NumberFormatting.grouped(omission.count)) more \(dim(omission.code)) \(omission.rule) \(findings) not shown"
            + " (--max-findings-per-rule)\n"
    }

    private func position(_ location: Location) -> String {
        "\(location.path):\(location.line):\(location.column)"
    }

    // MARK: - Counts

    private func countTable(_ report: Report) -> String {
        var names: [String: String] = [:]
        for finding in report.findings where names[finding.code] == nil { names[finding.code] = finding.rule }
        for omission in report.omitted where names[omission.code] == nil { names[omission.code] = omission.rule }
        let rows = report.countsByCode.sorted { $0.key < $1.key }.map { code, count in
            [code, names[code] ?? "", NumberFormatting.grouped(count)]
        }
        return TextTable(alignments: [.left, .left, .right]).render(rows) { column, cell in
            column == 0 ? dim(cell) : cell
        }
    }

    // MARK: - Summary

    /// `2 files · 48,210 records (alpaca 12,004 · sharegpt 36,206) · 3 errors · 41 warnings · 7 infos · score 93.8/100`
    func summaryLine(_ report: Report) -> String {
        var records = TextReporter.counted(report.records, "record")
        let formats = report.formats
        let present = SampleFormat.allCases.compactMap { format -> String? in
            guard let count = formats[format], count > 0 else { return nil }
            return "\(format.rawValue) \(NumberFormatting.grouped(count))"
        }
        if !present.isEmpty { records += " (" + present.joined(separator: " · ") + ")" }
        return [
            TextReporter.counted(report.files.count, "file"),
            records,
            TextReporter.counted(report.count(.error), "error"),
            TextReporter.counted(report.count(.warning), "warning"),
            TextReporter.counted(report.count(.info), "info"),
            "score \(NumberFormatting.score(report.score.overall))/100",
        ].joined(separator: " · ")
    }

    /// `baseline: 312 known findings not shown · 12 baseline findings no longer occur · …`, after the summary
    /// of a run with `--baseline`, whose counts and score are of the new findings only.
    static func baselineLine(_ baseline: Report.BaselineComparison) -> String {
        let gone = baseline.noLongerOccurring
        return "baseline: \(counted(baseline.matched, "known finding")) not shown · "
            + "\(counted(gone, "baseline finding")) no longer occur\(gone == 1 ? "s" : "")"
            + " · the counts and score above are of new findings"
    }

    /// `1 file`, `2 files`, `48,210 records`.
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(NumberFormatting.grouped(count)) \(noun)\(count == 1 ? "" : "s")"
    }

    // MARK: - Colour

    private func styled(_ severity: Severity) -> String {
        guard options.color else { return severity.rawValue }
        let code =
            switch severity {
            case .error: "1;31"
            case .warning: "1;33"
            case .info: "1;34"
            }
        return "\u{1B}[\(code)m\(severity.rawValue)\u{1B}[0m"
    }

    private func dim(_ text: String) -> String {
        options.color ? "\u{1B}[2m\(text)\u{1B}[0m" : text
    }
}
