import Foundation
import Testing

@testable import SFTLintCore

/// What a configuration changes in a run: rules per path, severities, and regex rules.
@Suite("Configured runs")
struct ConfigEngineTests {
    static let record = #"{"instruction": "Name a colour.", "output": "Blue."}"#
    static let other = #"{"instruction": "Name a fruit.", "output": "A pear."}"#

    /// Writes `files` (relative path → content) into a fresh directory and lints the directory with `configure`
    /// applied to the options; paths in the report are relative to the directory.
    func lint(_ files: [String: String], configure: (inout LintOptions, String) throws -> Void) throws -> Report {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("sftlint-config-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (path, text) in files {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        var options = LintOptions(jobs: 1, version: "test")
        try configure(&options, directory.path)
        var report = try Linter(options: options).run([.path(directory.path)])
        report.findings = report.findings.map { finding in
            var finding = finding
            finding.location.path = String(finding.location.path.dropFirst(directory.path.count + 1))
            return finding
        }
        return report
    }

    func configuration(_ text: String, directory: String) throws -> Configuration {
        try Configuration(
            decoding: Array(text.utf8), file: "sftlint.json", directory: directory, rules: allChecks.map(\.info))
    }

    // MARK: - Overrides

    @Test func datasetRulesDoNotSeeTheSamplesOfFilesWhereTheyAreOff() throws {
        // eval/ sorts before train.jsonl, so without the override the training copy is a duplicate of eval's.
        let files = ["eval/set.jsonl": Self.record + "\n", "train.jsonl": Self.other + "\n" + Self.record + "\n"]
        let plain = try lint(files) { _, _ in }
        #expect(plain.codes("D001").map(\.location.path) == ["train.jsonl"])
        let overridden = try lint(files) { options, directory in
            try configuration(#"{"overrides": [{"paths": ["eval/**"], "ignore": ["D"]}]}"#, directory: directory)
                .apply(to: &options, rules: allChecks.map(\.info))
        }
        #expect(overridden.codes("D001").isEmpty)
        // The D rules still run on the training file: a copy inside it is still found.
        let inside = try lint(files.merging(["train.jsonl": Self.record + "\n" + Self.record + "\n"]) { $1 }) {
            options, directory in
            try configuration(#"{"overrides": [{"paths": ["eval/**"], "ignore": ["D"]}]}"#, directory: directory)
                .apply(to: &options, rules: allChecks.map(\.info))
        }
        #expect(inside.codes("D001").map(\.location.line) == [2])
    }

    @Test func anOverrideSelectBringsBackARuleForItsPathsOnly() throws {
        let files = ["a/x.jsonl": #"{"instruction": "Hi", "output": "Hello.", "extra": 1}"# + "\n",
                     "b/x.jsonl": #"{"instruction": "Hi", "output": "Hello.", "extra": 1}"# + "\n"]
        let report = try lint(files) { options, directory in
            try configuration(
                #"{"ignore": ["S005"], "overrides": [{"paths": ["b"], "select": ["S005"]}]}"#, directory: directory
            ).apply(to: &options, rules: allChecks.map(\.info))
        }
        #expect(report.codes("S005").map(\.location.path) == ["b/x.jsonl"])
        // And an override's ignore beats a top-level select as specific as it.
        let ignored = try lint(files) { options, directory in
            try configuration(
                #"{"select": ["S005"], "overrides": [{"paths": ["b"], "ignore": ["S005"]}]}"#, directory: directory
            ).apply(to: &options, rules: allChecks.map(\.info))
        }
        #expect(ignored.codes("S005").map(\.location.path) == ["a/x.jsonl"])
        // A rule that every file's override turns off doesn't run, and the report doesn't list it.
        let nowhere = try lint(files) { options, directory in
            try configuration(#"{"overrides": [{"paths": ["*.jsonl"], "ignore": ["S"]}]}"#, directory: directory)
                .apply(to: &options, rules: allChecks.map(\.info))
        }
        #expect(!nowhere.rules.contains { $0.code == "S005" })
        #expect(nowhere.score.categories[.structure] == nil)
    }

    // MARK: - Severities

    @Test func severitiesApplyToFindingsByRuleAndPath() throws {
        let files = ["train.jsonl": Self.record + "\n" + Self.record + "\n",
                     "extra/more.jsonl": Self.other + "\n" + Self.other + "\n"]
        let report = try lint(files) { options, directory in
            try configuration(
                #"{"severity": {"D": "error", "exact-duplicate": "info"}, "overrides": [{"paths": ["extra/**"], "severity": {"D001": "error"}}]}"#,
                directory: directory
            ).apply(to: &options, rules: allChecks.map(\.info))
        }
        let severities = report.codes("D001").map { "\($0.location.path) \($0.severity)" }
        // The name is as specific as the code, so it beats the prefix; the path's override beats both.
        #expect(severities == ["extra/more.jsonl error", "train.jsonl info"])
        #expect(report.score.overall < 90)
    }

    @Test func findingsLeftOutByTheLimitKeepTheirConfiguredSeverity() throws {
        let emptyOutput = #"{"instruction": "Hi", "output": ""}"#
        let three = Array(repeating: emptyOutput, count: 3).joined(separator: "\n") + "\n"
        let report = try lint(["a.jsonl": three, "b/b.jsonl": three]) { options, directory in
            try configuration(
                #"{"select": ["S004"], "max-findings-per-rule": 1, "overrides": [{"paths": ["b"], "severity": {"S004": "info"}}]}"#,
                directory: directory
            ).apply(to: &options, rules: allChecks.map(\.info))
        }
        #expect(report.findings.map(\.severity) == [.error])
        #expect(report.omitted.map { "\($0.code) \($0.severity) \($0.count)" } == ["S004 error 2", "S004 info 3"])
        #expect(report.count(.error) == 3)
        #expect(report.count(.info) == 3)
        let json = JSONReporter(options: ReporterOptions()).render(report)
        #expect(json.contains("\"omitted\": {\n      \"S004\": 5\n    }"))
    }

    // MARK: - Regex rules

    static let rules = #"""
        {"rules": [
          {"code": "X001", "name": "no-internal-urls", "pattern": "https?://intra\\.", "in": "response",
           "severity": "error", "message": "internal URL leaked"},
          {"code": "X002", "name": "no-secret", "pattern": "机密", "in": "any"},
          {"code": "X003", "name": "prompt-todo", "pattern": "TODO", "in": "prompt", "severity": "info"}
        ]}
        """#

    @Test func regexRulesPointAtTheMatchThroughEscapesAndCJKText() throws {
        let data = [
            #"{"instruction": "Hi", "output": "see \u0068ttps://intra.corp/x"}"#,
            #"{"instruction": "你好", "output": "内部链接：https://intra.公司"}"#,
            #"{"instruction": "TODO: ask", "output": "Done, TODO later.\n\"机密\" file"}"#,
        ].joined(separator: "\n") + "\n"
        let report = try lint(["data.jsonl": data]) { options, directory in
            try configuration(Self.rules, directory: directory).apply(to: &options, rules: allChecks.map(\.info))
        }
        let custom = report.findings.filter { $0.code.hasPrefix("X") }
            .map { "\($0.location.line):\($0.location.column) \($0.code) \($0.severity) \($0.location.pointer) \($0.message)" }
        #expect(
            custom == [
                "1:38 X001 error /output internal URL leaked: \"https://intra.\"",
                "2:39 X001 error /output internal URL leaked: \"https://intra.\"",
                "3:18 X003 info /instruction matches prompt-todo: \"TODO\"",
                "3:62 X002 warning /output matches no-secret: \"机密\"",
            ])
    }

    @Test func regexRulesAreSelectedLikeBuiltInRules() throws {
        let data = #"{"instruction": "TODO", "output": "机密"}"# + "\n"
        let report = try lint(["data.jsonl": data]) { options, directory in
            var configuration = try configuration(Self.rules, directory: directory)
            configuration.ignore = ["X", "S"]
            configuration.select = ["no-secret"]
            try configuration.apply(to: &options, rules: allChecks.map(\.info))
        }
        #expect(report.findings.map(\.code) == ["X002"])
        #expect(report.rules.contains { $0.code == "X002" })
        #expect(!report.rules.contains { $0.code == "X001" })
    }

    @Test func anInvalidPatternGivenToTheLibraryIsAnError() {
        var options = LintOptions(version: "test")
        options.customRules = [
            CustomRule(code: "X001", name: "bad", pattern: "(", scope: .any, severity: .error, message: "m")
        ]
        #expect(throws: SFTLintError("rule X001: invalid regular expression /(/")) {
            try Linter(options: options).run([.standardInput])
        }
    }

    /// `(a+)+$` on forty "a"s and a "!" takes 2^40 steps of backtracking: without a budget the run never ends.
    @Test func aCatastrophicallyBacktrackingPatternGivesUpOnTheTurnWithAFinding() throws {
        let data = #"{"instruction": "Hi", "output": "\#(String(repeating: "a", count: 40))!"}"# + "\n"
            + #"{"instruction": "Hi", "output": "bbb"}"# + "\n"
        let report = try lint(["data.jsonl": data]) { options, _ in
            options.customRules = [
                CustomRule(code: "X001", name: "slow", pattern: "(a+)+$", scope: .response, severity: .error, message: "m")
            ]
        }
        let custom = report.findings.filter { $0.code == "X001" }
        #expect(custom.map { "\($0.location.line):\($0.location.column)" } == ["1:34"])
        #expect(custom.first?.message.hasPrefix("pattern gave up on this turn after") == true)
    }
}
