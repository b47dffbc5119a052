import Foundation
import Testing

@testable import SFTLintCore

/// What examples can't show: files, groups, wording, statistics and eval data of the D rules.
@Suite("Duplicate rules")
struct DuplicateRulesTests {
    static let duplicateChecks: [any Check] = [
        ExactDuplicateCheck(), ConflictingResponseCheck(), NearDuplicateCheck(), EvalContaminationCheck(),
    ]

    /// Lints `files` (name and content) written side by side, in that order.
    static func lint(
        _ files: [(String, String)], settings: RuleSettings = RuleSettings(), checks: [any Check] = duplicateChecks,
        jobs: Int = 1, batchBytes: Int = 4 << 20
    ) throws -> (Report, URL) {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("sftlint-dedup-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        var options = LintOptions(jobs: jobs, version: "test", batchBytes: batchBytes)
        options.settings = settings
        let inputs = files.map { InputSource.path(directory.appendingPathComponent($0.0).path) }
        return (try Linter(checks: checks, options: options).run(inputs), directory)
    }

    static func record(_ prompt: String, _ response: String) -> String {
        #"{"instruction": "\#(prompt)", "output": "\#(response)"}"#
    }

    @Test func copiesInAnotherFilePointAtTheFirst() throws {
        let (report, directory) = try Self.lint([
            ("a.jsonl", Self.record("Name a colour.", "Blue.") + "\n" + Self.record("你好", "你好！") + "\n"),
            ("b.json", "[\n" + Self.record("Other.", "x") + ",\n" + Self.record("name a colour.", "blue.") + "\n]\n"),
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let finding = try #require(report.codes("D001").first)
        let first = directory.appendingPathComponent("a.jsonl").path
        #expect(finding.location.path.hasSuffix("b.json"))
        #expect(finding.location.line == 3)
        #expect(finding.location.record == 1)
        #expect(finding.message == "duplicate of \(first):1: 2nd of 2 identical samples")
        #expect(finding.related.map(\.location.path) == [first])
        #expect(finding.related.first?.location.record == 0)
        #expect(finding.related.first?.note == "first copy")
    }

    @Test func eachLaterCopyIsReportedOnceWithItsPlaceInTheGroup() throws {
        let line = Self.record("Name a colour.", "Blue.")
        let (report, directory) = try Self.lint([
            ("a.jsonl", ([line, line, Self.record("x", "y"), line].joined(separator: "\n")) + "\n")
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(
            report.codes("D001").map(\.message) == [
                "duplicate of line 1: 2nd of 3 identical samples", "duplicate of line 1: 3rd of 3 identical samples",
            ])
        #expect(report.codes("D002").isEmpty && report.codes("D003").isEmpty)
        #expect(
            report.stats["duplicates"]
                == .object(["copies": .integer(2), "groups": .integer(1), "rate": .decimal(0.5, places: 4)]))
    }

    @Test func aConflictIsAResponseUnlikeTheFirst() throws {
        let lines = [
            Self.record("Is the Earth flat?", "No, the Earth is an oblate spheroid."),
            Self.record("Is the Earth flat?", "No - the Earth is an oblate spheroid!"),
            Self.record("Is the Earth flat?", "Yes, it is flat."),
            Self.record("地球是平的吗？", "不是，地球是一个椭球体。"),
            Self.record("地球是平的吗?", "是的。"),
        ]
        let (report, directory) = try Self.lint([("a.jsonl", lines.joined(separator: "\n") + "\n")])
        defer { try? FileManager.default.removeItem(at: directory) }
        let conflicts = report.codes("D002")
        #expect(conflicts.map(\.location.line) == [3, 5])
        #expect(conflicts.first?.message.hasPrefix("same prompt as line 1, different response (similarity 0.") == true)
        #expect(conflicts.first?.message.hasSuffix("; 3rd of 3 samples with this prompt)") == true)
        #expect(conflicts.first?.related.first?.note == "first sample with this prompt")
        #expect(report.stats["conflicts"] == .object(["samples": .integer(2), "prompts": .integer(2)]))
    }

    @Test func fiftyParaphrasesAreOneGroupOfFifty() throws {
        var generator = SeededGenerator(seed: 11)
        let words = "Write a detailed lesson plan about the water cycle for a class of ten year old students".split(
            separator: " ")
        var lines: [String] = []
        for i in 0..<50 {
            var edited = words.map(String.init)
            edited[Int.random(in: 0..<edited.count, using: &generator)] = "word\(i)"
            lines.append(Self.record(edited.joined(separator: " "), "Plan \(i)."))
        }
        lines.insert(Self.record("Summarise this article in three bullet points.", "..."), at: 20)
        let (report, directory) = try Self.lint([("a.jsonl", lines.joined(separator: "\n") + "\n")])
        defer { try? FileManager.default.removeItem(at: directory) }
        let near = report.codes("D003")
        #expect(near.count == 49)
        #expect(near.allSatisfy { $0.related.first?.location.line == 1 })
        #expect(near.last?.message.contains("50th of 50 in") == true)
        #expect(
            report.stats["nearDuplicates"]
                == .object(["groups": .integer(1), "largestGroup": .integer(50), "samples": .integer(49)]))
    }

    @Test func equalPromptsAreNotNearDuplicates() throws {
        let lines = [
            Self.record("Explain photosynthesis in simple terms.", "Plants make sugar from light."),
            Self.record("Explain photosynthesis in simple terms.", "Leaves turn light into food."),
            Self.record("Explain photosynthesis, in simple terms!", "Light becomes sugar."),
        ]
        let (report, directory) = try Self.lint([("a.jsonl", lines.joined(separator: "\n") + "\n")])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(report.codes("D003").map(\.location.line) == [3])
        #expect(
            report.codes("D003").first?.message
                == "near-duplicate prompt of line 1 (similarity 1.00; 2nd of 2 in its group); "
                + "only punctuation, symbols or the system prompt differ"
        )
    }

    @Test func theThresholdIsASetting() throws {
        let lines = [
            Self.record("Translate to French: good morning", "Bonjour"),
            Self.record("Translate to German: good morning", "Guten Morgen"),
        ]
        var settings = RuleSettings()
        #expect(try Self.lint([("a.jsonl", lines.joined(separator: "\n") + "\n")]).0.codes("D003").isEmpty)
        settings.nearDuplicateThreshold = 0.6
        let (report, directory) = try Self.lint([("a.jsonl", lines.joined(separator: "\n") + "\n")], settings: settings)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(report.codes("D003").first?.message.contains("similarity 0.67") == true)
    }

    @Test func settingsConfigureTheChecks() {
        var settings = RuleSettings()
        settings.nearDuplicateThreshold = 0.9
        settings.jobs = 1
        let near = NearDuplicateCheck().configured(with: settings)
        #expect(near.threshold == 0.9 && near.jobs == 1)
        #expect(EvalContaminationCheck().configured(with: settings).threshold == 0.9)
        #expect(EvalContaminationCheck().configured(with: settings).index == nil)
    }

    @Test func ordinals() {
        let expected = [
            1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 22: "22nd",
            23: "23rd", 101: "101st", 111: "111th", 112: "112th",
        ]
        for (n, text) in expected { #expect(DuplicateWording.ordinal(n) == text) }
        #expect(DuplicateWording.similarity(0.8) == "0.80")
        #expect(DuplicateWording.similarity(1) == "1.00")
        #expect(DuplicateWording.similarity(0.056) == "0.06")
    }

    // MARK: - Eval data

    @Test func evalMatchesPointIntoTrainingDataWithTheEvalPromptRelated() throws {
        let eval =
            #"{"messages": [{"role": "user", "content": "What is the capital of Australia?"}, {"role": "assistant", "content": "Canberra"}]}"#
            + "\n"
        let evalFile = try TemporaryFile(eval, name: "eval.jsonl")
        var settings = RuleSettings()
        settings.against = [.path(evalFile.directory.path)]
        let lines = [
            Self.record("What is the capital city of Austria?", "Vienna."),
            Self.record("What is the capital of Australia", "Canberra."),
            Self.record("What is the capital of Australia?", "Canberra."),
        ]
        let (report, directory) = try Self.lint(
            [("train.jsonl", lines.joined(separator: "\n") + "\n")], settings: settings)
        defer { try? FileManager.default.removeItem(at: directory) }
        let hits = report.codes("D004")
        #expect(hits.map(\.location.line) == [2, 3])
        #expect(hits.allSatisfy { $0.location.path.hasSuffix("train.jsonl") && $0.severity == .error })
        #expect(
            hits.allSatisfy { $0.related.first?.location.path == evalFile.path && $0.related.first?.location.line == 1 }
        )
        #expect(hits[0].message == "prompt near-identical to an eval prompt at \(evalFile.path):1 (similarity 1.00)")
        #expect(hits[1].message == "prompt appears in the eval data at \(evalFile.path):1")
        #expect(
            report.stats["contamination"]
                == .object(["evalPrompts": .integer(1), "samples": .integer(2), "exact": .integer(1)]))
    }

    @Test func withoutEvalDataThereIsNoContaminationStatistic() throws {
        let (report, directory) = try Self.lint([("a.jsonl", Self.record("Hi", "Hello") + "\n")])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(report.stats["contamination"] == nil)
        #expect(report.codes("D004").isEmpty)
    }

    @Test func unreadableEvalDataStopsTheRun() throws {
        var settings = RuleSettings()
        settings.against = [.path("/nonexistent/eval.jsonl")]
        #expect(throws: SFTLintError("cannot read '/nonexistent/eval.jsonl': no such file or directory")) {
            try Self.lint([("a.jsonl", Self.record("Hi", "Hello") + "\n")], settings: settings)
        }
        let empty = try TemporaryFile("[]\n", name: "eval.json")
        settings.against = [.path(empty.path)]
        #expect(throws: SFTLintError("no prompts found in --against '\(empty.path)'")) {
            try Self.lint([("a.jsonl", Self.record("Hi", "Hello") + "\n")], settings: settings)
        }
    }

    // MARK: - State size

    /// Records shaped like the benchmark's (benchmarks/generate_alpaca.py): four in five English, one in five
    /// Chinese, three in ten with an input.
    static func benchmarkLikeRecords(_ count: Int) -> String {
        var generator = SeededGenerator(seed: 7)
        let words =
            """
            the of and to in is that for it as was with be by on not he this are or his from at which but have an they \
            you were her she there been one all we their has would when if so no will more can who what up out about \
            model data train answer question explain write list describe summary reason step example code function \
            value result language people time year work world system number water city river history science music energy
            """
            .split(separator: " ")
        let hanzi = Array(GeneratedPrompts.hanzi)
        func sentence(_ n: ClosedRange<Int>) -> String {
            (0..<Int.random(in: n, using: &generator)).map { _ in String(words.randomElement(using: &generator)!) }
                .joined(separator: " ") + "."
        }
        func chinese(_ n: ClosedRange<Int>) -> String {
            String((0..<Int.random(in: n, using: &generator)).map { _ in hanzi.randomElement(using: &generator)! })
                + "。"
        }
        var lines: [String] = []
        for i in 0..<count {
            let isChinese = i % 5 == 4
            let hasInput = Double.random(in: 0..<1, using: &generator) < 0.3
            let instruction = isChinese ? chinese(12...30) : sentence(8...20)
            let input = hasInput ? (isChinese ? chinese(10...40) : sentence(10...30)) : ""
            let output =
                isChinese
                ? (0..<4).map { _ in chinese(20...40) }.joined()
                : (0..<7).map { _ in sentence(8...18) }.joined(separator: " ")
            lines.append(#"{"instruction": "\#(instruction)", "input": "\#(input)", "output": "\#(output)"}"#)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func stateStaysUnder200BytesPerRecord() throws {
        // SFTLINT_STATE_FILE measures a real file instead (the benchmark's, for benchmarks/README.md).
        let path = ProcessInfo.processInfo.environment["SFTLINT_STATE_FILE"]
        let file = try TemporaryFile(Self.benchmarkLikeRecords(path == nil ? 5000 : 0))
        var framer = RecordFramer(
            file: InputFile(path: path ?? file.path, index: 0), reader: try ByteReader(path: path ?? file.path))
        let builder = SampleBuilder()
        var exact = ExactDuplicateCheck.State()
        var conflicts = ConflictingResponseCheck.State()
        var near = NearDuplicateCheck.State()
        var records = 0
        while let batch = try framer.nextBatch(), records < 200_000 {
            for frame in batch.frames {
                let sample = builder.sample(from: frame, in: batch)
                guard sample.isRecord else { continue }
                records += 1
                ExactDuplicateCheck().observe(sample, into: &exact)
                ConflictingResponseCheck().observe(sample, into: &conflicts)
                NearDuplicateCheck().observe(sample, into: &near)
            }
        }
        let perRecord = [exact.byteCount, conflicts.byteCount, near.byteCount].map { Double($0) / Double(records) }
        let total = perRecord.reduce(0, +)
        #expect(total < 200, "bytes per record: D001 \(perRecord[0]), D002 \(perRecord[1]), D003 \(perRecord[2])")
        if path != nil {
            print(
                "state bytes per record over \(records) records: D001 \(perRecord[0]), D002 \(perRecord[1]), "
                    + "D003 \(perRecord[2]), total \(total)"
            )
        }
    }
}
