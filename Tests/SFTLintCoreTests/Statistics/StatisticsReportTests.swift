import Foundation
import Testing

@testable import SFTLintCore

/// The `stats` a run reports, against figures computed here by deliberately naive means: every length kept and
/// sorted, n-grams found with a regular expression and put in sets.
@Suite("Statistics report")
struct StatisticsReportTests {
    /// Alpaca records in English and Chinese, some with an input, one with a system prompt and two turns.
    static let records: [(instruction: String, input: String, output: String)] = {
        let english = [
            "Explain why the sky is blue.", "Name three primary colours.", "Write a haiku about the sea.",
            "Summarise the plot of Hamlet.", "Give two uses of copper.", "Translate the sentence into French.",
        ]
        let chinese = ["解释为什么天空是蓝色的。", "列出三种原色。", "写一首关于大海的诗。", "总结一下这个故事。"]
        var records: [(String, String, String)] = []
        for i in 0..<40 {
            let prompt = i % 3 == 2 ? chinese[i % chinese.count] : english[i % english.count]
            let input = i % 4 == 0 ? "Item \(i) of the list" : ""
            let output =
                i % 3 == 2
                ? String(repeating: "天空呈现蓝色是因为瑞利散射。", count: 1 + i % 5)
                : String(repeating: "Sure! Here's the answer number \(i). ", count: 1 + i % 7)
            records.append((prompt, input, output))
        }
        return records
    }()

    static var jsonl: String {
        records.map { record in
            let object = ["instruction": record.instruction, "input": record.input, "output": record.output]
            let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }.joined(separator: "\n") + "\n"
    }

    static func prompt(_ record: (instruction: String, input: String, output: String)) -> String {
        record.input.isEmpty ? record.instruction : record.instruction + "\n" + record.input
    }

    static func value(_ json: JSONValue?, _ path: String...) -> JSONValue? {
        var current = json
        for key in path {
            guard case .object(let object)? = current else { return nil }
            current = object[key]
        }
        return current
    }

    /// A number as the JSON report prints it: decimals rounded to their places.
    static func number(_ value: JSONValue?) -> Double? {
        switch value {
        case .integer(let n)?: Double(n)
        case .decimal(let x, let places)?: rounded(x, places)
        default: nil
        }
    }

    static func rounded(_ x: Double, _ places: Int) -> Double {
        let scale = Double(sign: .plus, exponent: 0, significand: 1) * pow(10, Double(places))
        return (x * scale).rounded() / scale
    }

    func report(
        jobs: Int = 1, batchBytes: Int = 4 << 20, maxTokens: Int? = nil, file given: TemporaryFile? = nil
    ) throws -> Report {
        let file = try given ?? TemporaryFile(Self.jsonl)
        var options = LintOptions(jobs: jobs, version: "test", batchBytes: batchBytes)
        options.settings.maxTokens = maxTokens
        return try Linter(options: options).run([.path(file.path)])
    }

    @Test func lengthPercentilesMatchSortingEveryLength() throws {
        let stats = JSONValue.object(try report().stats)
        let responses = Self.records.map(\.output)
        let prompts = Self.records.map(Self.prompt)
        let cases: [(String, String, [Int])] = [
            ("response", "chars", responses.map { $0.unicodeScalars.count }),
            ("prompt", "chars", prompts.map { $0.unicodeScalars.count }),
            ("response", "tokens", responses.map { TokenEstimate.length(of: $0).tokens }),
            ("sample", "chars", zip(prompts, responses).map { $0.unicodeScalars.count + $1.unicodeScalars.count }),
        ]
        for (part, unit, lengths) in cases {
            let distribution = Self.value(stats, "lengths", part, unit)
            #expect(Self.value(distribution, "exact") == .bool(true))
            #expect(Self.number(Self.value(distribution, "count")) == Double(lengths.count))
            #expect(Self.number(Self.value(distribution, "min")) == Double(lengths.min()!))
            #expect(Self.number(Self.value(distribution, "max")) == Double(lengths.max()!))
            for (key, p) in [("p5", 0.05), ("p50", 0.5), ("p90", 0.9), ("p99", 0.99)] {
                let expected = Self.rounded(SketchAccuracyTests.naivePercentile(lengths, p), 1)
                #expect(Self.number(Self.value(distribution, key)) == expected, "\(part) \(unit) \(key)")
            }
            guard case .array(let bins)? = Self.value(distribution, "histogram") else {
                Issue.record("no histogram")
                continue
            }
            #expect(bins.count <= 30)
            #expect(bins.reduce(0) { $0 + Int(Self.number(Self.value($1, "count")) ?? 0) } == lengths.count)
        }
    }

    /// Distinct-n of `records`, computed once by a Python script that rebuilt the same records, split each
    /// text with `re.findall(r'[a-z]+|[0-9]+|[\u4e00-\u9fff]', text.lower())` and put its n-grams in a set:
    /// prompts 61/296, 71/256, 72/216; responses 46/1236, 68/1196, 90/1156 (distinct/total n-grams).
    @Test func distinctNMatchesSetsOfNGramsInEnglishAndChinese() throws {
        let stats = JSONValue.object(try report().stats)
        #expect(Self.value(stats, "diversity", "exact") == .bool(true))
        let prompts = [61.0 / 296, 71.0 / 256, 72.0 / 216]
        let responses = [46.0 / 1236, 68.0 / 1196, 90.0 / 1156]
        for n in 1...3 {
            #expect(Self.number(Self.value(stats, "diversity", "prompts", "distinct\(n)")) == Self.rounded(prompts[n - 1], 4))
            #expect(
                Self.number(Self.value(stats, "diversity", "responses", "distinct\(n)")) == Self.rounded(responses[n - 1], 4))
        }
    }

    @Test func samplesAndOpenings() throws {
        let stats = JSONValue.object(try report().stats)
        #expect(Self.number(Self.value(stats, "samples", "count")) == 40)
        #expect(Self.value(stats, "samples", "turns", "distribution") == .object(["2": .integer(40)]))
        #expect(Self.number(Self.value(stats, "samples", "multiTurnShare")) == 0)
        guard case .array(let openings)? = Self.value(stats, "openings", "responses"),
            case .array(let verbs)? = Self.value(stats, "openings", "promptVerbs")
        else {
            Issue.record("no openings")
            return
        }
        // 27 English responses open "Sure! Here's the answer number"; the Chinese ones are 8 characters of
        // the same sentence.
        let english = Self.records.filter { !$0.output.hasPrefix("天") }.count
        #expect(Self.value(openings.first, "text") == .string("Sure! Here's the answer number"))
        #expect(Self.number(Self.value(openings.first, "count")) == Double(english))
        #expect(Self.number(Self.value(openings.first, "share")) == Self.rounded(Double(english) / 40, 4))
        #expect(Self.value(openings[1], "text") == .string("天空呈现蓝色是因"))
        let firstWords = Dictionary(grouping: Self.records.map(\.instruction)) { instruction in
            instruction.unicodeScalars.first!.value > 0x4E00
                ? String(instruction.prefix(2)) : String(instruction.prefix { $0.isLetter }).lowercased()
        }.mapValues(\.count)
        for verb in verbs {
            guard case .string(let text)? = Self.value(verb, "text") else { continue }
            #expect(Self.number(Self.value(verb, "count")) == Double(firstWords[text] ?? -1), "\(text)")
        }
    }

    @Test func budgetCountsTruncationPaddingAndPacking() throws {
        let stats = JSONValue.object(try report(maxTokens: 64).stats)
        let lengths = Self.records.map {
            TokenEstimate.length(of: Self.prompt($0)).tokens + TokenEstimate.length(of: $0.output).tokens
        }
        let over = lengths.filter { $0 > 64 }
        #expect(Self.number(Self.value(stats, "budget", "over")) == Double(over.count))
        #expect(Self.number(Self.value(stats, "budget", "droppedTokens")) == Double(over.reduce(0) { $0 + $1 - 64 }))
        let kept = lengths.map { min($0, 64) }
        let waste = 1 - Double(kept.reduce(0, +)) / Double(64 * kept.count)
        #expect(Self.number(Self.value(stats, "budget", "paddingWaste")) == Self.rounded(waste, 4))
        // Best-fit decreasing, naively: each length into the open sequence with the least room that fits.
        var rooms: [Int] = []
        for length in kept.sorted(by: >) {
            if let best = rooms.indices.filter({ rooms[$0] >= length }).min(by: { rooms[$0] < rooms[$1] }) {
                rooms[best] -= length
            } else {
                rooms.append(64 - length)
            }
        }
        #expect(Self.number(Self.value(stats, "budget", "packedSequences")) == Double(rooms.count))
        #expect(try report().stats["budget"] == nil)
    }

    @Test(arguments: [(64, 2), (300, 3), (1000, 1)])
    func tinyBatchesOnThreadsGiveTheSameStatistics(batchBytes: Int, jobs: Int) throws {
        let file = try TemporaryFile(Self.jsonl)
        let whole = try report(maxTokens: 100, file: file)
        let split = try report(jobs: jobs, batchBytes: batchBytes, maxTokens: 100, file: file)
        #expect(split.stats == whole.stats)
        let mixed = try TemporaryFile(MergeTests.dataset)
        let one = try Linter(options: LintOptions(jobs: 1, version: "test")).run([.path(mixed.path)])
        let many = try Linter(options: LintOptions(jobs: jobs, version: "test", batchBytes: batchBytes))
            .run([.path(mixed.path)])
        #expect(many.stats == one.stats)
    }

    @Test func statisticsRunWhateverRulesAreSelected() throws {
        let file = try TemporaryFile(Self.jsonl)
        let selection = try RuleSelection(select: ["J", "S"], ignore: [], rules: allChecks.map { type(of: $0).info })
        let report = try Linter(options: LintOptions(selection: selection, jobs: 1, version: "test"))
            .run([.path(file.path)])
        #expect(Self.number(Self.value(.object(report.stats), "samples", "count")) == 40)
        #expect(report.stats["diversity"] != nil && report.stats["openings"] != nil)
        guard case .array(let files)? = report.stats["files"] else {
            Issue.record("no files")
            return
        }
        #expect(files.count == 1)
        #expect(Self.value(files[0], "samples") == report.stats["samples"])
    }
}
