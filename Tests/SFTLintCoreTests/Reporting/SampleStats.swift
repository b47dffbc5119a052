@testable import SFTLintCore

/// Statistics shaped as the statistics checks publish them (the `stats` schema in the README), built by hand so
/// that reporters are tested without computing anything: English and Chinese openings, a sketch-estimated
/// distribution, a budget, and hostile text where data text goes.
enum SampleStats {
    /// A distribution over log-spaced bins from 1 to 2^bins, with the given counts.
    static func distribution(
        counts: [Int], percentiles: [Double], mean: Double, isExact: Bool = true
    ) -> JSONValue {
        var members: [String: JSONValue] = [
            "count": .integer(counts.reduce(0, +)),
            "mean": .decimal(mean, places: 2),
            "exact": .bool(isExact),
            "histogram": .array(
                counts.enumerated().map { index, count in
                    .object([
                        "lower": .decimal(Double(1 << index), places: 1),
                        "upper": .decimal(Double(1 << (index + 1)), places: 1),
                        "count": .integer(count),
                    ])
                }),
        ]
        for (label, value) in zip(StatsView.Distribution.labels, percentiles) {
            members[label] = label == "min" || label == "max" ? .integer(Int(value)) : .decimal(value, places: 1)
        }
        return .object(members)
    }

    static let promptTokens = distribution(
        counts: [0, 2, 10, 40, 80, 60, 20, 5, 0, 1], percentiles: [2, 4, 9, 20, 40, 70, 90, 150, 700], mean: 31.5)
    static let responseTokens = distribution(
        counts: [1, 0, 3, 10, 30, 90, 120, 60, 20, 8, 2], percentiles: [1, 10, 40, 80, 160, 300, 420, 900, 1_800],
        mean: 142.25, isExact: false)
    static let sampleTokens = distribution(
        counts: [0, 0, 1, 5, 20, 60, 110, 80, 30, 10, 3, 1],
        percentiles: [5, 20, 60, 110, 220, 400, 560, 1_100, 12_345], mean: 178.04)
    static let promptChars = distribution(
        counts: [0, 0, 0, 5, 20, 80, 90, 20, 3], percentiles: [8, 20, 40, 90, 160, 250, 300, 400, 510], mean: 101)

    static let openingTexts: [(String, Int)] = [
        ("Sure! Here's", 61), ("好的，这很简单", 40), ("Certainly | <script>alert(1)</script>", 12),
        ("`rm -rf` **bold** [x](http://e.com)", 9), ("当然可以！以下是一个非常非常非常长的回答开头，它会被截断以适应终端宽度的限制呢", 7),
        ("Line one\nline two", 5), ("never listed: sixth", 3),
    ]

    static let verbTexts: [(String, Int)] = [
        ("write", 50), ("explain", 30), ("写", 20), ("解释", 15), ("list", 10), ("@octocat", 4),
    ]

    static func openings(_ entries: [(String, Int)], total: Int) -> JSONValue {
        .array(
            entries.map { text, count in
                .object([
                    "text": .string(text), "count": .integer(count),
                    "share": .decimal(Double(count) / Double(total), places: 4),
                ])
            })
    }

    static let stats: [String: JSONValue] = [
        "samples": .object([
            "count": .integer(218), "withSystemPrompt": .integer(50), "systemPromptShare": .decimal(0.2294, places: 4),
            "multiTurn": .integer(30), "multiTurnShare": .decimal(0.1376, places: 4),
            "turns": .object([
                "min": .integer(2), "p50": .integer(2), "max": .integer(14), "mean": .decimal(2.6, places: 2),
                "distribution": .object(["2": .integer(188), "4": .integer(25), "14": .integer(5)]),
            ]),
        ]),
        "lengths": .object([
            "estimator": .string("script-aware-v1"),
            "prompt": .object(["chars": promptChars, "tokens": promptTokens]),
            "response": .object(["tokens": responseTokens]),
            "sample": .object(["tokens": sampleTokens]),
        ]),
        "budget": .object([
            "maxTokens": .integer(512), "over": .integer(14), "overShare": .decimal(0.0642, places: 4),
            "droppedTokens": .integer(23_456), "paddingWaste": .decimal(0.4125, places: 4),
            "packedSequences": .integer(61),
        ]),
        "diversity": .object([
            "exact": .bool(true),
            "prompts": .object([
                "distinct1": .decimal(0.1234, places: 4), "distinct2": .decimal(0.4567, places: 4),
                "distinct3": .decimal(0.7, places: 4),
            ]),
            "responses": .object([
                "distinct1": .decimal(0.08, places: 4), "distinct2": .decimal(0.31, places: 4),
                "distinct3": .decimal(0.55, places: 4),
            ]),
        ]),
        "openings": .object([
            "promptVerbs": openings(verbTexts, total: 218), "responses": openings(openingTexts, total: 218),
        ]),
        "scripts": .object(["latin": .integer(150), "han": .integer(60), "none": .integer(8)]),
        "files": .array([
            .object(["path": .string("data/train.jsonl"), "samples": .object(["count": .integer(218)])])
        ]),
    ]

    /// `SampleReport.report` with these statistics.
    static var report: Report {
        var report = SampleReport.report
        report.stats = stats
        return report
    }
}
