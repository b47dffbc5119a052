import Foundation
import Testing

@testable import SFTLintCore

/// What the examples of the E and C rules can't show: dataset-level results that must not depend on batches and
/// threads, and the statistics they publish.
@Suite("Response-quality rules")
struct QualityRulesTests {
    /// Records with reasoning, without it, with empty blocks, with broken blocks and with boilerplate, in two files'
    /// worth of lines.
    static let dataset: String = {
        var lines: [String] = []
        for i in 0..<240 {
            switch i % 8 {
            case 0: lines.append(#"{"instruction": "Q\#(i)?", "output": "<think>Reason \#(i).</think>Answer \#(i)."}"#)
            case 1: lines.append(#"{"instruction": "问题\#(i)？", "output": "回答\#(i)。"}"#)
            case 2: lines.append(#"{"instruction": "Q\#(i)?", "output": "<think></think>Answer \#(i)."}"#)
            case 3: lines.append(#"{"instruction": "Q\#(i)?", "output": "<think>Reason \#(i)."}"#)
            case 4: lines.append(#"{"instruction": "Q\#(i)?", "output": "As an AI language model, I think \#(i)."}"#)
            case 5: lines.append(#"{"instruction": "订票\#(i)", "output": "很抱歉，我无法预订。"}"#)
            case 6: lines.append(#"{"instruction": "Q\#(i)?", "output": "The answer is the"}"#)
            default: lines.append(#"{"instruction": "Q\#(i)?", "output": "Answer \#(i)<|im_end|>"}"#)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    static let codes: Set<String> = ["E001", "E002", "E003", "E004", "C001", "C002", "C003"]

    @Test(arguments: [(64, 2), (300, 3), (4096, 2)])
    func batchesAndThreadsDontChangeTheFindingsOrStats(batchBytes: Int, jobs: Int) throws {
        let file = try TemporaryFile(Self.dataset)
        let whole = try Linter(options: LintOptions(jobs: 1, version: "test")).run([.path(file.path)])
        let split = try Linter(options: LintOptions(jobs: jobs, version: "test", batchBytes: batchBytes))
            .run([.path(file.path)])
        #expect(split.findings == whole.findings)
        #expect(split.stats == whole.stats)
        let codes = Set(whole.findings.map(\.code)).intersection(Self.codes)
        #expect(codes == ["E002", "E003", "E004", "C003"])
    }

    @Test func statisticsCountSamplesWithReasoningAndBoilerplate() throws {
        let file = try TemporaryFile(Self.dataset)
        let report = try Linter(options: LintOptions(jobs: 2, version: "test", batchBytes: 200)).run([.path(file.path)])
        // Reasoning: the blocks with text (i % 8 == 0) and the unclosed ones (3); empty blocks don't count.
        #expect(report.stats["reasoning"] == .object(["samples": .integer(60), "share": .decimal(0.25, places: 4)]))
        #expect(report.stats["boilerplate"] == .object(["samples": .integer(60), "share": .decimal(0.25, places: 4)]))
        let e004 = report.codes("E004")
        // 30 unclosed blocks, one note on the mix of reasoning, one on the empty blocks.
        #expect(e004.count == 32)
        #expect(e004.contains { $0.message == "only 60 of 240 responses carry reasoning (25.0%); first without here" })
        #expect(e004.contains { $0.message.hasPrefix("30 of 240 responses have only an empty") })
        let json = JSONReporter(options: ReporterOptions()).render(report)
        #expect(json.contains(#""reasoning": {"#) && json.contains(#""share": 0.2500"#))
    }

    @Test func reasoningIsCountedFileByFile() throws {
        // One file reasons throughout, the other only in its first record: only the second gets the note, and
        // cut into tiny batches over three threads it says the same.
        let reasoning = #"{"instruction": "Q", "output": "<think>Because.</think>A."}"# + "\n"
        let plain = #"{"instruction": "Q", "output": "A."}"# + "\n"
        let first = try TemporaryFile(String(repeating: reasoning, count: 40), name: "a.jsonl")
        let second = try TemporaryFile(reasoning + String(repeating: plain, count: 39), name: "b.jsonl")
        let inputs: [InputSource] = [.path(first.path), .path(second.path)]
        let whole = try Linter(checks: [ThinkFormatCheck()], options: LintOptions(jobs: 1, version: "test")).run(inputs)
        let split = try Linter(
            checks: [ThinkFormatCheck()], options: LintOptions(jobs: 3, version: "test", batchBytes: 100)
        ).run(inputs)
        #expect(split.findings == whole.findings)
        #expect(whole.findings.map(\.location.path) == [second.path])
        #expect(whole.findings.first?.message == "only 1 of 40 responses carry reasoning (2.5%); first without here")
        #expect(whole.findings.first?.location.line == 2)
        #expect(whole.stats["reasoning"] == .object(["samples": .integer(41), "share": .decimal(41.0 / 80, places: 4)]))
    }

    @Test func eosSettingTurnsOnMissingEOSForEveryFormat() throws {
        let text =
            #"{"instruction": "Hi", "output": "Hello!"}"# + "\n" + #"{"instruction": "Hi", "output": "Hello!</s>"}"#
            + "\n"
        let off = try LintHarness.lint(Array(text.utf8), checks: [MissingEOSCheck(), SpecialTokenCheck()])
        #expect(off.codes("E001").isEmpty)
        #expect(off.codes("E003").map(\.location.line) == [2])
        let on = try LintHarness.lint(
            Array(text.utf8), checks: [MissingEOSCheck(), SpecialTokenCheck()], settings: RuleSettings(eos: "</s>"))
        #expect(on.codes("E001").map(\.location.line) == [1])
        #expect(on.codes("E001").first?.message == "response does not end with the end-of-sequence token \"</s>\"")
        // The EOS is E001's: E003 leaves it alone once it is named.
        #expect(on.codes("E003").isEmpty)
    }

    @Test func findingsPointAtTheExactSpanThroughEscapes() throws {
        // `\n` and `\u00e9` in the JSON: the column must count the raw characters before the token.
        let line = #"{"instruction": "Hi", "output": "caf\u00e9\nok <|im_end|> bye"}"#
        let report = try LintHarness.lint(Array((line + "\n").utf8), checks: [SpecialTokenCheck()])
        let finding = try #require(report.codes("E003").first)
        #expect(finding.location.line == 1)
        #expect(
            finding.location.column
                == (line.distance(from: line.startIndex, to: try #require(line.range(of: "<|im_end|>")).lowerBound) + 1)
        )
        #expect(finding.location.pointer == "/output")
    }
}
