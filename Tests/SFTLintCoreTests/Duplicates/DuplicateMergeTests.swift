import Foundation
import Testing

@testable import SFTLintCore

/// The D rules keep their state per batch and conclude over the merged whole: tiny batches on several threads,
/// and data split over files, must give exactly what one batch gives.
@Suite("Merging duplicate state")
struct DuplicateMergeTests {
    /// A few hundred English and Chinese records with copies, conflicts, near-duplicates and eval matches spread
    /// far apart, so that they land in different batches.
    static let dataset: String = {
        var lines: [String] = []
        for i in 0..<240 {
            switch i % 12 {
            case 0: lines.append(#"{"instruction": "Name a colour number \#(i / 24).", "output": "Blue."}"#)
            case 1: lines.append(#"{"instruction": "写一首关于第\#(i / 24)个季节的诗。", "output": "春眠不觉晓。"}"#)
            case 2:
                lines.append(
                    #"{"instruction": "Is statement \#(i / 36) true?", "output": "\#(i % 5 == 0 ? "Yes, it is." : "No, it is false.")"}"#
                )
            case 3:
                lines.append(
                    #"{"conversations": [{"from": "human", "value": "水的沸点是多少？第\#(i / 36)题"}, {"from": "gpt", "value": "\#(i % 7 == 0 ? "一百度。" : "五十度。")"}]}"#
                )
            case 4:
                lines.append(
                    #"{"instruction": "Write a short story about a brave knight number \#(i / 48) who saves a village from a dragon.", "output": "Once."}"#
                )
            case 5:
                lines.append(
                    #"{"instruction": "Write a short story about the brave knight number \#(i / 48) who saves a village from a dragon!", "output": "Twice."}"#
                )
            case 6: lines.append(#"{"instruction": "What is the capital of Australia?", "output": "Canberra."}"#)
            default:
                lines.append(
                    #"{"instruction": "Unique question \#(i) about topic \#(i * 7) and detail \#(i * 13).", "output": "Answer \#(i)."}"#
                )
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    static let eval = #"{"instruction": "What is the capital of Australia", "output": "Canberra"}"# + "\n"

    static func lint(_ inputs: [InputSource], jobs: Int, batchBytes: Int, against: String) throws -> Report {
        var options = LintOptions(jobs: jobs, version: "test", batchBytes: batchBytes)
        options.settings.against = [.path(against)]
        return try Linter(checks: DuplicateRulesTests.duplicateChecks, options: options).run(inputs)
    }

    @Test(arguments: [(64, 2), (300, 3), (1000, 1), (4096, 2)])
    func batchesAndThreadsDontChangeTheReport(batchBytes: Int, jobs: Int) throws {
        let file = try TemporaryFile(Self.dataset)
        let eval = try TemporaryFile(Self.eval, name: "eval.jsonl")
        let whole = try Self.lint([.path(file.path)], jobs: 1, batchBytes: 4 << 20, against: eval.path)
        let split = try Self.lint([.path(file.path)], jobs: jobs, batchBytes: batchBytes, against: eval.path)
        #expect(split.findings == whole.findings)
        #expect(split.stats == whole.stats)
        for code in ["D001", "D002", "D003", "D004"] {
            #expect(!whole.codes(code).isEmpty, "\(code) never fired")
        }
    }

    @Test func theSameInJSONArrayLayout() throws {
        let array = "[\n" + Self.dataset.split(separator: "\n").joined(separator: ",\n") + "\n]\n"
        let lines = try TemporaryFile(Self.dataset)
        let file = try TemporaryFile(array, name: "data.json")
        let eval = try TemporaryFile(Self.eval, name: "eval.jsonl")
        let whole = try Self.lint([.path(file.path)], jobs: 1, batchBytes: 4 << 20, against: eval.path)
        let split = try Self.lint([.path(file.path)], jobs: 2, batchBytes: 100, against: eval.path)
        #expect(split.findings == whole.findings)
        // The same findings as in JSONL, one line further down.
        let jsonl = try Self.lint([.path(lines.path)], jobs: 1, batchBytes: 4 << 20, against: eval.path)
        #expect(
            whole.findings.map { "\($0.code) \($0.location.line - 1)" }
                == jsonl.findings.map { "\($0.code) \($0.location.line)" })
    }

    @Test func shardsInSeparateFilesGiveTheWhole() throws {
        // The data cut into three files: the same groups, each finding in the file that holds its record.
        let all = Self.dataset.split(separator: "\n").map(String.init)
        let directory = try TemporaryFile("", name: "unused")
        var paths: [String] = []
        for (n, range) in [0..<70, 70..<150, 150..<240].enumerated() {
            let url = directory.directory.appendingPathComponent("part\(n).jsonl")
            try (all[range].joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
            paths.append(url.path)
        }
        let eval = try TemporaryFile(Self.eval, name: "eval.jsonl")
        let file = try TemporaryFile(Self.dataset)
        let whole = try Self.lint([.path(file.path)], jobs: 1, batchBytes: 4 << 20, against: eval.path)
        let shards = try Self.lint(paths.map { .path($0) }, jobs: 2, batchBytes: 256, against: eval.path)
        #expect(shards.codes("D001").count == whole.codes("D001").count)
        #expect(shards.codes("D002").count == whole.codes("D002").count)
        #expect(shards.codes("D003").count == whole.codes("D003").count)
        #expect(shards.codes("D004").count == whole.codes("D004").count)
        #expect(shards.stats["nearDuplicates"] == whole.stats["nearDuplicates"])
        #expect(shards.codes("D001").contains { $0.location.path != $0.related.first?.location.path })
    }
}
