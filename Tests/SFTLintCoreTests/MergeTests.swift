import Foundation
import Testing

@testable import SFTLintCore

/// Dataset-level state must merge: the report can't depend on how the data was cut into batches or how many
/// threads read it. Tiny batches on three threads must give exactly what one batch on one thread gives.
@Suite("Merging")
struct MergeTests {
    /// A few hundred records that fire every dataset-level rule, several times over, in two formats.
    static let dataset: String = {
        var lines: [String] = []
        for i in 0..<300 {
            switch i % 10 {
            case 0: lines.append(#"{"conversations": [{"from": "user", "value": "Q\#(i)"}, {"from": "gpt", "value": "A\#(i)"}]}"#)
            case 1: lines.append(#"{"instrution": "Q\#(i)", "output": "A\#(i)", "tags": "x"}"#)
            case 2: lines.append(#"{"instruction": "问题\#(i)", "output": "回答\#(i)"}"#)
            case 3: lines.append(#"{"conversations": [{"from": "human", "value": "Q\#(i)"}, {"from": "gpt", "value": ""}]}"#)
            case 4: lines.append(#"{"instruction": "Q\#(i)", "input": "", "output": null, "tags": ["x"]}"#)
            case 5: lines.append(#"{"instruction": "Q\#(i)", "input": "", "output": "A", "tags": ["y"]"#)
            default: lines.append(#"{"instruction": "Q\#(i)", "input": "", "output": "A\#(i)", "tags": ["z"]}"#)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test(arguments: [(64, 2), (200, 3), (1000, 1), (4096, 2)])
    func batchesAndThreadsDontChangeTheReport(batchBytes: Int, jobs: Int) throws {
        let file = try TemporaryFile(Self.dataset)
        let whole = try Linter(options: LintOptions(jobs: 1, version: "test")).run([.path(file.path)])
        let split = try Linter(options: LintOptions(jobs: jobs, version: "test", batchBytes: batchBytes))
            .run([.path(file.path)])
        #expect(split.findings == whole.findings)
        #expect(split.files == whole.files)
        #expect(whole.findings.contains { $0.code == "S006" })
        #expect(whole.findings.contains { $0.code == "S007" })
        #expect(whole.findings.contains { $0.code == "S012" })
        #expect(whole.findings.contains { $0.code == "S005" })
    }

    @Test func theSameInJSONArrayLayout() throws {
        let array = "[\n" + Self.dataset.split(separator: "\n").joined(separator: ",\n") + "\n]\n"
        let file = try TemporaryFile(array, name: "data.json")
        let whole = try Linter(options: LintOptions(jobs: 1, version: "test")).run([.path(file.path)])
        let split = try Linter(options: LintOptions(jobs: 2, version: "test", batchBytes: 100)).run([.path(file.path)])
        #expect(Set(split.brief).symmetricDifference(whole.brief).isEmpty, "only split: \(Set(split.brief).subtracting(whole.brief).sorted()) only whole: \(Set(whole.brief).subtracting(split.brief).sorted())")
        #expect(split.findings == whole.findings)
        #expect(whole.records == 300)
    }

    @Test func forcedFormatReadsEveryRecordAsThatFormat() throws {
        let file = try TemporaryFile(#"{"instruction": "Hi", "output": "Hello."}"# + "\n")
        let report = try Linter(options: LintOptions(inputFormat: .sharegpt, version: "test")).run([.path(file.path)])
        #expect(report.formats == [.sharegpt: 1])
        #expect(report.findings.map(\.message).contains("missing \"conversations\""))
    }
}

/// A dataset check that counts records, to show how statistics reach the report.
private struct RecordCountingCheck: DatasetCheck {
    static let info = CheckInfo(
        code: "V999", name: "test-counter", summary: "Counts records.", rationale: "Test only.", severity: .info,
        triggering: [], nonTriggering: [])

    struct State: Mergeable {
        var count = 0
        mutating func merge(_ later: State) { count += later.count }
    }

    func observe(_ sample: Sample, into state: inout State) {
        if sample.isRecord { state.count += 1 }
    }

    func conclude(_ state: State, report: inout Findings) {}

    func statistics(_ state: State) -> [String: JSONValue] { ["counted": .integer(state.count)] }
}

@Suite("Statistics")
struct StatisticsTests {
    @Test func datasetChecksPublishMergedStatisticsIntoTheJSONReport() throws {
        let file = try TemporaryFile(MergeTests.dataset)
        let report = try Linter(checks: [RecordCountingCheck()], options: LintOptions(jobs: 2, version: "test", batchBytes: 128))
            .run([.path(file.path)])
        #expect(report.stats["counted"] == .integer(300))
        let json = JSONReporter(options: ReporterOptions()).render(report)
        #expect(json.contains("\"counted\": 300"))
        #expect(json.contains("\"formats\": {"))
    }
}

@Suite("Finding limit")
struct FindingLimitTests {
    /// 50 records without an output: 50 missing-field errors.
    static let data = (0..<50).map { #"{"instruction": "Q\#($0)"}"# }.joined(separator: "\n") + "\n"

    @Test func findingsBeyondTheLimitAreCountedNotKept() throws {
        let file = try TemporaryFile(Self.data)
        var options = LintOptions(jobs: 2, version: "test", batchBytes: 64)
        let all = try Linter(options: options).run([.path(file.path)])
        options.maxFindingsPerRule = 3
        let limited = try Linter(options: options).run([.path(file.path)])
        #expect(all.codes("S002").count == 50)
        #expect(limited.codes("S002").map(\.location.line) == [1, 2, 3])
        #expect(limited.omitted == [Report.Omission(code: "S002", rule: "missing-field", severity: .error, count: 47)])
        #expect(limited.count(.error) == 50)
        #expect(limited.countsByCode == all.countsByCode)
        #expect(limited.score == all.score)
        let text = TextReporter().render(limited)
        #expect(text.contains("… 47 more S002 missing-field findings not shown (--max-findings-per-rule)\n"))
        #expect(JSONReporter(options: ReporterOptions()).render(limited).contains("\"omitted\": {\n      \"S002\": 47"))
    }
}
