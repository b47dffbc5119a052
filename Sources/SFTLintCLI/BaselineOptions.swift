import SFTLintCore

/// `--baseline FILE` and `--write-baseline FILE`: which findings a repository has accepted.
///
/// Both need every finding's fingerprint, so the run keeps every finding (`maxFindingsPerRule = 0`) and the
/// per-rule limit applies afterwards, to what is shown. With `--baseline`, the report, its counts, its score and
/// so the gate (`--fail-on`, `--fail-under`) are of the findings the baseline doesn't hold. `--write-baseline`
/// records every finding of the run, baseline or not, and exits 0: writing a baseline accepts the data as it is.
struct BaselineOptions: Sendable {
    /// `--baseline`.
    var readPath: String?
    /// `--write-baseline`.
    var output: ReportFile?

    var isActive: Bool { readPath != nil || output != nil }

    /// The baseline to compare with, read before the run so that a bad file fails fast.
    func load() throws(SFTLintError) -> Baseline? {
        guard let readPath else { return nil }
        return try Baseline.read(path: readPath)
    }

    /// Writes the baseline (when asked), compares with `baseline` (when given), and limits what is shown.
    func apply(
        to report: Report, baseline: Baseline?, maxFindingsPerRule: Int, console: inout Console
    ) throws(SFTLintError) -> Report {
        guard isActive else { return report }
        if let output {
            let recorded = Baseline(report: report)
            try output.write(recorded.render(), what: "the baseline")
            let count = recorded.entries.count
            console.standardError.write(
                "wrote \(count) finding\(count == 1 ? "" : "s") to baseline '\(output.path)'\n")
        }
        var compared = report
        if let baseline, let readPath { compared = baseline.filter(report, path: readPath) }
        return compared.limitingFindings(perRule: maxFindingsPerRule)
    }
}
