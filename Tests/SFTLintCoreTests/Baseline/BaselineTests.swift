import Foundation
import Testing

@testable import SFTLintCore

/// The baseline file and what comparing a run with it does to the report.
@Suite struct BaselineTests {
    static let lines = FingerprintTests.records

    @Test func roundTripsThroughItsFile() throws {
        let report = try FingerprintTests.lint(Self.lines)
        let baseline = Baseline(report: report)
        #expect(baseline.entries.count == report.findings.count)
        let text = baseline.render()
        let parsed = try Baseline.parse(Array(text.utf8), path: "b.json")
        #expect(parsed == baseline)
        #expect(parsed.render() == text)
        // One finding a line, sorted: stable bytes, small diffs.
        let entryLines = text.split(separator: "\n").filter { $0.contains("\"fingerprint\"") }
        #expect(entryLines.count == report.findings.count)
        #expect(entryLines.map(String.init) == entryLines.map(String.init).sorted())
        #expect(text.hasPrefix("{\n  \"version\": 1,\n  \"tool\": \"sftlint\",\n  \"findings\": [\n"))
    }

    @Test func anEmptyBaselineIsValid() throws {
        let text = Baseline(entries: []).render()
        #expect(text == "{\n  \"version\": 1,\n  \"tool\": \"sftlint\",\n  \"findings\": []\n}\n")
        #expect(try Baseline.parse(Array(text.utf8), path: "b.json").entries.isEmpty)
    }

    @Test func hidesKnownFindingsAndCountsFixedOnes() throws {
        // The same file before and after, as in a repository: the baseline's paths are the run's paths.
        let file = try TemporaryFile(Self.lines.joined(separator: "\n"))
        let lint = { try Linter(options: LintOptions(jobs: 1, version: "test")).run([.path(file.path)]) }
        let baseline = Baseline(report: try lint())
        // Fix the empty output (S004), add a new special token (E003) at the top.
        var lines = Self.lines
        lines[1] = #"{"instruction": "Name a colour", "output": "Blue."}"#
        lines.insert(FingerprintTests.fresh[0], at: 0)
        try Data(lines.joined(separator: "\n").utf8).write(to: file.url)
        let after = try lint()
        let filtered = baseline.filter(after, path: "b.json")
        #expect(filtered.findings.map(\.code) == ["E003"])
        #expect(filtered.findings.first?.location.line == 1)
        #expect(filtered.baseline == Report.BaselineComparison(
            path: "b.json", matched: after.findings.count - 1, noLongerOccurring: 1))
        // Counts and score are of the new finding alone.
        #expect(filtered.count(.error) + filtered.count(.warning) + filtered.count(.info) == 1)
        #expect(filtered.score.overall == Score(findings: filtered.findings, records: after.records, categories: [])
            .overall)
        #expect(filtered.score.overall > after.score.overall)
    }

    @Test func onlyFilesReadAndRulesRunCountAsNoLongerOccurring() throws {
        let report = try FingerprintTests.lint(Self.lines)
        var entries = Baseline(report: report).entries
        entries.append(.init(path: "other.jsonl", code: "E003", fingerprint: "00000000000000ff"))
        entries.append(.init(path: report.files[0].path, code: "X999", fingerprint: "00000000000000fe"))
        entries.append(.init(path: report.files[0].path, code: "E003", fingerprint: "00000000000000fd"))
        let filtered = Baseline(entries: entries).filter(report, path: "b.json")
        #expect(filtered.findings.isEmpty)
        #expect(filtered.baseline?.noLongerOccurring == 1)
    }

    @Test func limitingAfterTheBaselineCountsTheRest() throws {
        let line = #"{"instruction": "Ping", "output": "Pong<|im_end|>"}"#
        let report = try FingerprintTests.lint(Array(repeating: line, count: 5))
        let limited = report.limitingFindings(perRule: 2)
        #expect(limited.codes("E003").count == 2)
        #expect(limited.omitted.first { $0.code == "E003" }?.count == 3)
        #expect(limited.count(.error) == report.count(.error))
        #expect(report.limitingFindings(perRule: 0).findings == report.findings)
    }

    /// A config's per-path severities can give one rule's findings several severities; each is counted apart.
    @Test func limitingKeepsOmissionsApartBySeverity() {
        let findings = [Severity.error, .warning, .error, .warning, .warning].enumerated().map { line, severity in
            Finding(
                code: "E003", rule: "special-token", severity: severity, message: "m",
                location: Location(path: "a.jsonl", fileIndex: 0, line: line + 1, column: 1, record: line, pointer: ""))
        }
        let report = Report(
            tool: .init(version: "test"), files: [], findings: findings, rules: SARIFReporterTests.rules,
            score: Score(overall: 0, categories: [:]),
            omitted: [Report.Omission(code: "E003", rule: "special-token", severity: .warning, count: 4)])
        let limited = report.limitingFindings(perRule: 1)
        #expect(limited.findings.count == 1)
        #expect(limited.omitted.map { "\($0.severity) \($0.count)" } == ["error 1", "warning 7"])
        #expect(limited.count(.warning) == report.count(.warning))
        #expect(JUnitReporter().render(limited).contains("… 8 more not listed"))
        #expect(SARIFReporter().render(limited).contains("\"E003\": 8"))
    }

    // MARK: - Bad files

    @Test(arguments: [
        ("", "baseline 'b.json' is not valid JSON: line 1, column 1: "),
        ("{\"version\": 1,\n \"findings\": [}", "baseline 'b.json' is not valid JSON: line 2, column 15: "),
        ("[]", "baseline 'b.json' line 1, column 1: expected an object with \"version\" and \"findings\""),
        ("{\"findings\": []}", "baseline 'b.json' line 1, column 1: no \"version\"; is this a baseline written by"),
        (
            "{\"version\": 2, \"findings\": []}",
            "baseline 'b.json' line 1, column 13: baseline version 2 is not supported; this sftlint reads version 1"
        ),
        ("{\"version\": \"1\", \"findings\": []}", "baseline 'b.json' line 1, column 13: baseline version \"1\" is not"),
        ("{\"version\": 1}", "baseline 'b.json' line 1, column 1: expected \"findings\": an array"),
        (
            "{\"version\": 1, \"findings\": [\n  {\"path\": \"a\", \"code\": \"E003\"}]}",
            "baseline 'b.json' line 2, column 3: findings[0] needs \"fingerprint\": a non-empty string"
        ),
        (
            "{\"version\": 1, \"findings\": [\"x\"]}",
            "baseline 'b.json' line 1, column 29: findings[0] needs \"path\": a non-empty string"
        ),
    ])
    func badFilesAreErrorsThatSayWhere(text: String, message: String) {
        #expect {
            try Baseline.parse(Array(text.utf8), path: "b.json")
        } throws: { error in
            (error as? SFTLintError)?.message.hasPrefix(message) == true
        }
    }

    @Test func missingAndUnreadableFilesAreErrors() throws {
        let directory = try TemporaryFile("{}", name: "b.json")
        #expect(throws: SFTLintError("cannot read baseline '/nonexistent/b.json': no such file")) {
            try Baseline.read(path: "/nonexistent/b.json")
        }
        #expect(throws: SFTLintError("cannot read baseline '\(directory.directory.path)': not a readable file")) {
            try Baseline.read(path: directory.directory.path)
        }
    }
}
