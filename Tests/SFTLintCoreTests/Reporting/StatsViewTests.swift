import Testing

@testable import SFTLintCore

@Suite struct StatsViewTests {
    let view = StatsView(SampleStats.stats)

    @Test func readsEverySection() throws {
        let samples = try #require(view.samples)
        #expect(samples.count == 218)
        #expect(samples.multiTurnShare == 0.1376)
        #expect(samples.turns?.distribution.map(\.name) == ["2", "4", "14"])
        let lengths = try #require(view.lengths)
        #expect(lengths.estimator == "script-aware-v1")
        #expect(lengths.prompt.chars?.value("max") == 510)
        #expect(lengths.response.chars == nil)
        let tokens = try #require(lengths.sample.tokens)
        #expect(tokens.percentiles.map(\.label) == ["min", "p5", "p25", "p50", "p75", "p90", "p95", "p99", "max"])
        #expect(tokens.value("p99") == 1_100)
        #expect(tokens.histogram.count == 12)
        #expect(tokens.histogram[3] == .init(lower: 8, upper: 16, count: 5))
        #expect(lengths.response.tokens?.isExact == false)
        #expect(
            view.budget
                == .init(
                    maxTokens: 512, over: 14, overShare: 0.0642, droppedTokens: 23_456, paddingWaste: 0.4125,
                    packedSequences: 61))
        #expect(view.diversity?.prompts?.distinct2 == 0.4567)
        #expect(view.openings?.responses.count == 7)
        #expect(view.openings?.promptVerbs.first?.text == "write")
        #expect(view.openings?.promptVerbs.first?.count == 50)
        #expect(abs((view.openings?.promptVerbs.first?.share ?? 0) - 50.0 / 218) < 1e-12)
        #expect(view.scripts?.map(\.name) == ["latin", "han", "none"])
        #expect(view.files?.first?.path == "data/train.jsonl")
        #expect(view.hasDatasetStatistics)
    }

    @Test func absentSectionsAreNil() {
        let empty = StatsView(["formats": .object(["alpaca": .integer(3)])])
        #expect(empty.samples == nil && empty.lengths == nil && empty.budget == nil && empty.diversity == nil)
        #expect(empty.openings == nil && empty.scripts == nil && empty.files == nil)
        #expect(!empty.hasDatasetStatistics)
    }

    @Test func mistypedSectionsAreNilNotACrash() {
        var stats = SampleStats.stats
        stats["samples"] = .object(["count": .string("218")])
        stats["budget"] = .array([])
        stats["lengths"] = .object([
            "prompt": .object(["tokens": .object(["count": .integer(3), "mean": .integer(1)])])
        ])
        stats["diversity"] = .object(["prompts": .object(["distinct1": .null])])
        stats["scripts"] = .string("latin")
        stats["openings"] = .object(["responses": .array([.object(["text": .integer(1)]), .integer(2)])])
        let view = StatsView(stats)
        #expect(view.samples == nil)
        #expect(view.budget == nil)
        #expect(view.lengths == nil)
        #expect(view.diversity == nil)
        #expect(view.scripts == nil)
        #expect(view.openings?.responses == [])
        // And the reporters render what is left.
        let report = {
            var r = SampleStats.report
            r.stats = stats
            return r
        }()
        #expect(TextReporter().render(report).contains("scores"))
        #expect(MarkdownReporter().render(report).contains("## sftlint"))
        #expect(HTMLReporter().render(report).contains("</html>"))
    }

    @Test func wholeDecimalsCountAsIntegers() {
        #expect(Field(.decimal(3, places: 1)).int == 3)
        #expect(Field(.decimal(3.5, places: 1)).int == nil)
        #expect(Field(.decimal(.nan, places: 1)).number == nil)
        #expect(Field(.integer(7)).number == 7)
    }
}
