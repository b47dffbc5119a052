/// Shapes and lengths of samples: what `stats.samples` and `stats.lengths` report, for the run and per file.
///
/// A sample here is a record read in a known format; records that aren't valid JSON or match no format have no
/// turns to measure.
struct SampleStatistics: Sendable {
    /// Turn counts above this share the last slot of `turnCounts`.
    static let maxTurnsCounted = 1000

    private(set) var samples = 0
    private(set) var withSystemPrompt = 0
    private(set) var multiTurn = 0
    /// Samples by number of turns, up to `maxTurnsCounted`.
    private(set) var turnCounts: [Int] = []
    private(set) var turnsMinimum = Int.max
    private(set) var turnsMaximum = 0
    private(set) var turnsSum = 0
    /// Lengths in scalars and estimated tokens: prompts of samples with one, responses of samples with one,
    /// and whole samples.
    private(set) var promptChars: LengthDistribution
    private(set) var promptTokens: LengthDistribution
    private(set) var responseChars: LengthDistribution
    private(set) var responseTokens: LengthDistribution
    private(set) var sampleChars: LengthDistribution
    private(set) var sampleTokens: LengthDistribution

    init(exactLimit: Int = LengthDistribution.defaultExactLimit) {
        promptChars = LengthDistribution(exactLimit: exactLimit)
        promptTokens = LengthDistribution(exactLimit: exactLimit)
        responseChars = LengthDistribution(exactLimit: exactLimit)
        responseTokens = LengthDistribution(exactLimit: exactLimit)
        sampleChars = LengthDistribution(exactLimit: exactLimit)
        sampleTokens = LengthDistribution(exactLimit: exactLimit)
    }

    mutating func add(_ profile: SampleProfile) {
        samples += 1
        if profile.hasSystemPrompt { withSystemPrompt += 1 }
        if profile.isMultiTurn { multiTurn += 1 }
        let turns = min(profile.turns, Self.maxTurnsCounted)
        if turnCounts.count <= turns { turnCounts += [Int](repeating: 0, count: turns + 1 - turnCounts.count) }
        turnCounts[turns] += 1
        turnsMinimum = min(turnsMinimum, profile.turns)
        turnsMaximum = max(turnsMaximum, profile.turns)
        turnsSum += profile.turns
        if profile.hasPrompt {
            promptChars.add(profile.prompt.scalars)
            promptTokens.add(profile.prompt.tokens)
        }
        if profile.hasResponse {
            responseChars.add(profile.response.scalars)
            responseTokens.add(profile.response.tokens)
        }
        sampleChars.add(profile.sample.scalars)
        sampleTokens.add(profile.sample.tokens)
    }

    mutating func merge(_ later: SampleStatistics) {
        samples += later.samples
        withSystemPrompt += later.withSystemPrompt
        multiTurn += later.multiTurn
        if turnCounts.count < later.turnCounts.count {
            turnCounts += [Int](repeating: 0, count: later.turnCounts.count - turnCounts.count)
        }
        for (turns, count) in later.turnCounts.enumerated() { turnCounts[turns] += count }
        turnsMinimum = min(turnsMinimum, later.turnsMinimum)
        turnsMaximum = max(turnsMaximum, later.turnsMaximum)
        turnsSum += later.turnsSum
        promptChars.merge(later.promptChars)
        promptTokens.merge(later.promptTokens)
        responseChars.merge(later.responseChars)
        responseTokens.merge(later.responseTokens)
        sampleChars.merge(later.sampleChars)
        sampleTokens.merge(later.sampleTokens)
    }

    // MARK: - Report

    /// `samples` and `lengths`, as the JSON report's `stats` (and each `stats.files` entry) hold them.
    var json: [String: JSONValue] {
        ["samples": samplesJSON, "lengths": lengthsJSON]
    }

    private var samplesJSON: JSONValue {
        var distribution: [String: JSONValue] = [:]
        for (turns, count) in turnCounts.enumerated() where count > 0 { distribution[String(turns)] = .integer(count) }
        var median = 0
        var seen = 0
        for (turns, count) in turnCounts.enumerated() {
            seen += count
            // The lower median, a turn count that occurs.
            if 2 * seen >= samples {
                median = turns
                break
            }
        }
        return .object([
            "count": .integer(samples),
            "withSystemPrompt": .integer(withSystemPrompt),
            "systemPromptShare": .decimal(share(withSystemPrompt), places: 4),
            "multiTurn": .integer(multiTurn),
            "multiTurnShare": .decimal(share(multiTurn), places: 4),
            "turns": .object([
                "min": .integer(samples == 0 ? 0 : turnsMinimum),
                "p50": .integer(samples == 0 ? 0 : median),
                "max": .integer(turnsMaximum),
                "mean": .decimal(samples == 0 ? 0 : Double(turnsSum) / Double(samples), places: 2),
                "distribution": .object(distribution),
            ]),
        ])
    }

    private var lengthsJSON: JSONValue {
        .object([
            "estimator": .string(TokenEstimate.name),
            "prompt": .object(["chars": promptChars.json, "tokens": promptTokens.json]),
            "response": .object(["chars": responseChars.json, "tokens": responseTokens.json]),
            "sample": .object(["chars": sampleChars.json, "tokens": sampleTokens.json]),
        ])
    }

    private func share(_ count: Int) -> Double { samples == 0 ? 0 : Double(count) / Double(samples) }
}

extension LengthDistribution {
    /// The percentiles a report shows.
    static let reportedPercentiles: [(key: String, p: Double)] = [
        ("p5", 0.05), ("p25", 0.25), ("p50", 0.5), ("p75", 0.75), ("p90", 0.9), ("p95", 0.95), ("p99", 0.99),
    ]

    /// The distribution as `stats.lengths` reports it: count, min, percentiles, max, mean, exactness, histogram.
    var json: JSONValue {
        let summary = summary(Self.reportedPercentiles.map(\.p))
        var object: [String: JSONValue] = [
            "count": .integer(count),
            "min": .integer(count == 0 ? 0 : min),
            "max": .integer(max),
            "mean": .decimal(mean, places: 1),
            "exact": .bool(isExact),
            "histogram": .array(
                summary.histogram.map { bin in
                    .object([
                        "lower": .decimal(bin.lower, places: 2), "upper": .decimal(bin.upper, places: 2),
                        "count": .integer(bin.count),
                    ])
                }),
        ]
        for (entry, value) in zip(Self.reportedPercentiles, summary.percentiles) { object[entry.key] = .decimal(value, places: 1) }
        return .object(object)
    }
}
