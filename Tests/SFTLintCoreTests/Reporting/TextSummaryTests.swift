import Foundation
import Testing

@testable import SFTLintCore

@Suite struct TextSummaryTests {
    let output = TextReporter().render(SampleStats.report)

    func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The line that starts with `prefix`.
    func line(_ prefix: String, in text: String? = nil) -> String? {
        lines(text ?? output).first { $0.hasPrefix(prefix) }
    }

    @Test func comesAfterTheCountsAndBeforeTheVerdict() throws {
        let all = lines(output)
        let counts = try #require(all.firstIndex { $0.hasPrefix("L004  short-response") })
        let scores = try #require(all.firstIndex { $0.hasPrefix("scores") })
        #expect(counts < scores)
        #expect(all[all.count - 2].hasPrefix("2 files · 48,210 records"))
    }

    @Test func scoresEveryCategoryInCategoryOrder() {
        #expect(line("scores") == "scores        json 99.8 · duplicates 99.9 · endings 99.8 · length 100.0")
    }

    @Test func samplesAndBudgetAreOneLineEach() {
        #expect(
            line("samples")
                == "samples       218 samples · 13.8% multi-turn · 22.9% with a system prompt · turns 2–14, median 2")
        #expect(
            line("budget")?.hasPrefix("budget        512 tokens · 14 samples over (6.4%) · 23,456 tokens cut") == true)
        #expect(output.contains("padding waste 41.3%"))
        #expect(output.contains("packs into 61 sequences"))
    }

    @Test func samplesOfOneShapeSayTurnsOnce() {
        var report = SampleStats.report
        report.stats["samples"] = .object([
            "count": .integer(3), "withSystemPrompt": .integer(0), "systemPromptShare": .integer(0),
            "multiTurn": .integer(0), "multiTurnShare": .integer(0),
            "turns": .object(["min": .integer(2), "p50": .integer(2), "max": .integer(2), "mean": .integer(2)]),
        ])
        #expect(
            line("samples", in: TextSummary(color: false).render(report))
                == "samples       3 samples · 0.0% multi-turn · 0.0% with a system prompt · 2 turns each")
    }

    @Test func percentileTableShowsTokensOfEachPart() throws {
        let header = try #require(line("tokens "))
        #expect(
            header.split(separator: " ") == [
                "tokens", "min", "p5", "p25", "p50", "p75", "p90", "p95", "p99", "max", "mean",
            ])
        #expect(
            line("prompt  ")?.split(separator: " ") == [
                "prompt", "2", "4", "9", "20", "40", "70", "90", "150", "700", "32",
            ])
        #expect(
            line("sample ")?.split(separator: " ")
                == ["sample", "5", "20", "60", "110", "220", "400", "560", "1,100", "12.3k", "178"])
        // Columns are right-aligned: every number ends under its header.
        let prompt = try #require(line("prompt  "))
        #expect(prompt.count == header.count)
        #expect(output.contains("tokens estimated by script-aware-v1; percentiles from a sketch"))
    }

    @Test func histogramsScaleToTheFullestBin() {
        // Prompt counts [0, 2, 10, 40, 80, 60, 20, 5, 0, 1]: 80 is full, 40 half, 1 still visible.
        #expect(line("prompt    │") == "prompt    │ ▁▁▄█▆▂▁ ▁│    1 – 1,024 tokens")
        #expect(line("response  │") == "response  │▁ ▁▁▂▆█▄▂▁▁│   1 – 2,048 tokens")
        #expect(line("sample    │") == "sample    │  ▁▁▂▅█▆▃▁▁▁│  1 – 4,096 tokens")
    }

    @Test func diversityTableHasThreeDecimals() {
        #expect(line("prompts")?.split(separator: " ") == ["prompts", "0.123", "0.457", "0.700"])
        #expect(line("responses")?.split(separator: " ") == ["responses", "0.080", "0.310", "0.550"])
    }

    @Test func listsTheTopFiveOpeningsOnOneLineEach() throws {
        let all = lines(output)
        let header = try #require(all.firstIndex { $0.hasPrefix("response openings") })
        let rows = all[(header + 1)...].prefix { !$0.isEmpty }
        #expect(rows.count == 5)
        #expect(rows.first?.hasPrefix("Sure! Here's") == true)
        #expect(rows.first?.hasSuffix("28.0%     61") == true)
        #expect(rows.contains { $0.hasPrefix("好的，这很简单") })
        #expect(!output.contains("never listed"))
        #expect(line("prompt verbs") == "prompt verbs  write 22.9% · explain 13.8% · 写 9.2% · 解释 6.9% · list 4.6%")
    }

    @Test func dataTextCannotBreakLinesOrSendEscapes() {
        var report = SampleStats.report
        report.stats["openings"] = SampleStats.openings([("a\nb\r\n\u{1B}[31mred\u{7}", 3)], total: 3)
        report.stats["openings"] = .object(["responses": report.stats["openings"]!, "promptVerbs": .array([])])
        let text = TextReporter().render(report)
        #expect(text.contains("a⏎b⏎[31mred"))
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("\u{7}"))
    }

    @Test func everyLineFitsTheWidthWithCJKDoubleWide() {
        let width = 100
        var report = SampleStats.report
        // The widest numbers each column can hold.
        let wide = SampleStats.distribution(
            counts: Array(repeating: 1_000_000, count: 30), percentiles: Array(repeating: 999_949, count: 9),
            mean: 999_949)
        report.stats["lengths"] = .object(
            [
                "prompt": .object(["tokens": wide]), "response": .object(["tokens": wide]),
                "sample": .object(["tokens": wide]), "estimator": .string(String(repeating: "估", count: 80)),
            ])
        report.stats["openings"] = .object([
            "responses": SampleStats.openings(
                [(String(repeating: "很长的开头", count: 30), 1_234_567_890), ("short", 1)], total: 1_234_567_891)
        ])
        report.stats["scripts"] = .object(
            Dictionary(
                uniqueKeysWithValues: [
                    "latin", "han", "kana", "hangul", "cyrillic", "arabic", "devanagari",
                    "greek", "hebrew", "thai", "other", "none",
                ].enumerated().map { ($1, JSONValue.integer(1_000_000 + $0)) }))
        let text = TextSummary(color: false, width: width).render(report)
        #expect(text.contains("很长的开头很长的开头"))
        #expect(text.contains("1,234,567,890"))
        for line in lines(text) {
            #expect(DisplayWidth.of(line) <= width, "\(DisplayWidth.of(line)) columns: \(line)")
        }
        // In the whole report too; the findings and the verdict line aside (one a line, as compilers print them).
        let summary = lines(output).drop { !$0.hasPrefix("scores") }.dropLast(2)
        #expect(summary.allSatisfy { DisplayWidth.of($0) <= 100 })
    }

    @Test func quietLeavesItOutAndStatisticsKeepsIt() {
        let quiet = TextReporter(options: .init(quiet: true)).render(SampleStats.report)
        #expect(!quiet.contains("scores"))
        #expect(!quiet.contains("▁"))
        let statistics = TextReporter(options: .init(statisticsOnly: true)).render(SampleStats.report)
        #expect(statistics.contains("\nscores        json 99.8 · duplicates 99.9"))
        #expect(statistics.contains("response openings"))
        #expect(!statistics.contains("data/train.jsonl:"))
    }

    @Test func colourOnlyWhenAsked() {
        #expect(!output.contains("\u{1B}"))
        let colored = TextReporter(options: .init(color: true)).render(SampleStats.report)
        #expect(colored.contains("\u{1B}[1mscores       \u{1B}[0m json 99.8"))
    }

    @Test func absentSectionsAreLeftOut() {
        var report = SampleStats.report
        report.stats = ["scripts": .object(["han": .integer(3)])]
        let text = TextSummary(color: false).render(report)
        #expect(
            text
                == "scores        json 99.8 · duplicates 99.9 · endings 99.8 · length 100.0\nscripts       han 3 (100.0%)\n"
        )
        #expect(TextSummary(color: false).render(SampleReport.clean(files: [])).isEmpty)
    }

    @Test func charactersStandInWhenThereAreNoTokens() {
        var report = SampleStats.report
        report.stats["lengths"] = .object(["prompt": .object(["chars": SampleStats.promptChars])])
        let text = TextSummary(color: false).render(report)
        #expect(line("chars ", in: text) != nil)
        #expect(line("prompt  │", in: text)?.hasSuffix(" chars") == true)
        #expect(line("response  ", in: text) == nil)
    }

    @Test(arguments: [
        ("abc", 3), ("好的", 4), ("e\u{301}", 1), ("👍", 2), ("ｈｉ", 4), ("\u{200B}", 0), ("한국", 4), ("かな", 4),
    ])
    func displayWidthCountsTerminalColumns(text: String, columns: Int) {
        #expect(DisplayWidth.of(text) == columns)
    }

    @Test func truncationKeepsWithinTheWidth() {
        #expect(DisplayWidth.truncate("好的，这很简单", to: 8) == "好的，…")
        #expect(DisplayWidth.truncate("abcdef", to: 4) == "abc…")
        #expect(DisplayWidth.truncate("abc", to: 3) == "abc")
    }

    @Test(arguments: [
        ([0, 0], "  "), ([1, 8], "▁█"), ([0, 100, 50, 1], " █▄▁"), ([3, 3, 3], "███"), ([], ""),
    ])
    func sparklines(counts: [Int], expected: String) {
        #expect(Sparkline.render(counts) == expected)
    }

    @Test(arguments: [
        (0.0, "0"), (7.4, "7"), (9_999, "9,999"), (10_000, "10.0k"), (12_345, "12.3k"), (999_949, "999.9k"),
        (999_950, "1.0M"), (1_234_567, "1.2M"), (3e9, "3.0G"),
    ])
    func compactNumbers(value: Double, text: String) {
        #expect(NumberFormatting.compact(value) == text)
    }
}
