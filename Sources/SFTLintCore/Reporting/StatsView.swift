/// A typed, read-only view of a report's `stats`, shared by the text, Markdown and HTML reporters.
///
/// The statistics checks publish plain JSON (the JSON report's contract); this view reads the sections a person
/// looks at. A section is nil when its key is absent, or when it doesn't have the documented shape, so that a
/// reporter renders what is there and skips the rest rather than failing.
public struct StatsView: Sendable {
    /// One length distribution: percentiles, mean, and a histogram with log-spaced bins.
    public struct Distribution: Sendable, Hashable {
        /// One histogram bin; `lower` inclusive, `upper` exclusive.
        public struct Bin: Sendable, Hashable {
            public var lower: Double
            public var upper: Double
            public var count: Int
        }

        public var count: Int
        /// `min`, `p5` … `p99`, `max`, in that order, labelled as the JSON labels them.
        public var percentiles: [Figure]
        public var mean: Double
        /// False when the percentiles come from a bounded sketch rather than every value.
        public var isExact: Bool
        public var histogram: [Bin]

        static let labels = ["min", "p5", "p25", "p50", "p75", "p90", "p95", "p99", "max"]

        /// The value of one percentile label (`p50`), or nil.
        public func value(_ label: String) -> Double? {
            percentiles.first { $0.label == label }?.value
        }
    }

    /// A labelled number: a percentile, a distinct-n.
    public struct Figure: Sendable, Hashable {
        public var label: String
        public var value: Double
    }

    /// Characters and estimated tokens of one part of the samples.
    public struct Measures: Sendable, Hashable {
        public var chars: Distribution?
        public var tokens: Distribution?
    }

    /// The `lengths` section: prompt, response and whole sample.
    public struct Lengths: Sendable, Hashable {
        public var estimator: String?
        public var prompt: Measures
        public var response: Measures
        public var sample: Measures

        /// The three parts with their names, in display order.
        public var parts: [(name: String, measures: Measures)] {
            [("prompt", prompt), ("response", response), ("sample", sample)]
        }
    }

    /// The `samples` section.
    public struct Samples: Sendable, Hashable {
        public var count: Int
        public var withSystemPrompt: Int
        public var systemPromptShare: Double
        public var multiTurn: Int
        public var multiTurnShare: Double
        public var turns: Turns?
    }

    /// Turns per sample.
    public struct Turns: Sendable, Hashable {
        public var min: Double
        public var p50: Double
        public var max: Double
        public var mean: Double
        /// Samples per number of turns, sorted by turns.
        public var distribution: [Count]
    }

    /// A count of samples under a name: turns per sample, a script.
    public struct Count: Sendable, Hashable {
        public var name: String
        public var count: Int
    }

    /// The `budget` section, present with `--max-tokens`.
    public struct Budget: Sendable, Hashable {
        public var maxTokens: Int
        public var over: Int
        public var overShare: Double
        public var droppedTokens: Int
        public var paddingWaste: Double
        public var packedSequences: Int
    }

    /// Distinct-1, -2 and -3 of one side.
    public struct Distinct: Sendable, Hashable {
        public var distinct1: Double
        public var distinct2: Double
        public var distinct3: Double

        public var values: [Figure] {
            [
                .init(label: "distinct-1", value: distinct1), .init(label: "distinct-2", value: distinct2),
                .init(label: "distinct-3", value: distinct3),
            ]
        }
    }

    /// The `diversity` section.
    public struct Diversity: Sendable, Hashable {
        public var isExact: Bool
        public var prompts: Distinct?
        public var responses: Distinct?
    }

    /// One frequent opening: a prompt's first word or verb, or a response's first words.
    public struct Opening: Sendable, Hashable {
        public var text: String
        public var count: Int
        public var share: Double
    }

    /// The `openings` section, most frequent first as published.
    public struct Openings: Sendable, Hashable {
        public var promptVerbs: [Opening]
        public var responses: [Opening]
    }

    /// One entry of `files`: one input's own samples and lengths.
    public struct File: Sendable, Hashable {
        public var path: String
        public var samples: Samples?
        public var lengths: Lengths?
    }

    public var samples: Samples?
    public var lengths: Lengths?
    public var budget: Budget?
    public var diversity: Diversity?
    public var openings: Openings?
    /// Samples per main script, most first, then by name.
    public var scripts: [Count]?
    public var files: [File]?

    public init(_ stats: [String: JSONValue]) {
        samples = stats["samples"].flatMap(StatsView.samples)
        lengths = stats["lengths"].flatMap(StatsView.lengths)
        budget = stats["budget"].flatMap(StatsView.budget)
        diversity = stats["diversity"].flatMap(StatsView.diversity)
        openings = stats["openings"].flatMap(StatsView.openings)
        scripts = stats["scripts"].flatMap(StatsView.counts)
        files = Field(stats["files"]).array?.compactMap(StatsView.file)
    }

    /// Whether there is anything to show besides the scripts (which exist without the statistics checks).
    public var hasDatasetStatistics: Bool {
        samples != nil || lengths != nil || budget != nil || diversity != nil || openings != nil
    }

    // MARK: - Decoding

    private static func samples(_ value: JSONValue) -> Samples? {
        let field = Field(value)
        guard let count = field["count"].int, let system = field["withSystemPrompt"].int,
            let systemShare = field["systemPromptShare"].number, let multiTurn = field["multiTurn"].int,
            let multiTurnShare = field["multiTurnShare"].number
        else { return nil }
        return Samples(
            count: count, withSystemPrompt: system, systemPromptShare: systemShare, multiTurn: multiTurn,
            multiTurnShare: multiTurnShare, turns: turns(field["turns"]))
    }

    private static func turns(_ field: Field) -> Turns? {
        guard let min = field["min"].number, let p50 = field["p50"].number, let max = field["max"].number,
            let mean = field["mean"].number
        else { return nil }
        let distribution = (field["distribution"].object ?? [:]).compactMap { key, value in
            Field(value).int.map { Count(name: key, count: $0) }
        }
        return Turns(
            min: min, p50: p50, max: max, mean: mean,
            distribution: distribution.sorted { (Int($0.name) ?? .max, $0.name) < (Int($1.name) ?? .max, $1.name) })
    }

    static func distribution(_ field: Field) -> Distribution? {
        guard let count = field["count"].int, let mean = field["mean"].number else { return nil }
        var percentiles: [Figure] = []
        for label in Distribution.labels {
            guard let value = field[label].number else { return nil }
            percentiles.append(Figure(label: label, value: value))
        }
        let bins = (field["histogram"].array ?? []).compactMap { bin -> Distribution.Bin? in
            let bin = Field(bin)
            guard let lower = bin["lower"].number, let upper = bin["upper"].number, let count = bin["count"].int
            else { return nil }
            return Distribution.Bin(lower: lower, upper: upper, count: count)
        }
        return Distribution(
            count: count, percentiles: percentiles, mean: mean, isExact: field["exact"].bool ?? true, histogram: bins)
    }

    private static func measures(_ field: Field) -> Measures {
        Measures(chars: distribution(field["chars"]), tokens: distribution(field["tokens"]))
    }

    private static func lengths(_ value: JSONValue) -> Lengths? {
        let field = Field(value)
        guard field.object != nil else { return nil }
        let lengths = Lengths(
            estimator: field["estimator"].string, prompt: measures(field["prompt"]),
            response: measures(field["response"]), sample: measures(field["sample"]))
        let hasAny = lengths.parts.contains { $0.measures.chars != nil || $0.measures.tokens != nil }
        return hasAny ? lengths : nil
    }

    private static func budget(_ value: JSONValue) -> Budget? {
        let field = Field(value)
        guard let maxTokens = field["maxTokens"].int, let over = field["over"].int,
            let overShare = field["overShare"].number, let dropped = field["droppedTokens"].int,
            let waste = field["paddingWaste"].number, let packed = field["packedSequences"].int
        else { return nil }
        return Budget(
            maxTokens: maxTokens, over: over, overShare: overShare, droppedTokens: dropped, paddingWaste: waste,
            packedSequences: packed)
    }

    private static func distinct(_ field: Field) -> Distinct? {
        guard let one = field["distinct1"].number, let two = field["distinct2"].number,
            let three = field["distinct3"].number
        else { return nil }
        return Distinct(distinct1: one, distinct2: two, distinct3: three)
    }

    private static func diversity(_ value: JSONValue) -> Diversity? {
        let field = Field(value)
        let prompts = distinct(field["prompts"])
        let responses = distinct(field["responses"])
        guard prompts != nil || responses != nil else { return nil }
        return Diversity(isExact: field["exact"].bool ?? true, prompts: prompts, responses: responses)
    }

    private static func openingList(_ field: Field) -> [Opening] {
        (field.array ?? []).compactMap { element in
            let opening = Field(element)
            guard let text = opening["text"].string, let count = opening["count"].int,
                let share = opening["share"].number
            else { return nil }
            return Opening(text: text, count: count, share: share)
        }
    }

    private static func openings(_ value: JSONValue) -> Openings? {
        let field = Field(value)
        guard field.object != nil else { return nil }
        return Openings(promptVerbs: openingList(field["promptVerbs"]), responses: openingList(field["responses"]))
    }

    private static func counts(_ value: JSONValue) -> [Count]? {
        guard let object = Field(value).object else { return nil }
        let counts = object.compactMap { key, value in Field(value).int.map { Count(name: key, count: $0) } }
        return counts.sorted { ($1.count, $0.name) < ($0.count, $1.name) }
    }

    private static func file(_ value: JSONValue) -> File? {
        let field = Field(value)
        guard let path = field["path"].string else { return nil }
        return File(
            path: path, samples: field["samples"].value.flatMap(samples),
            lengths: field["lengths"].value.flatMap(lengths))
    }
}

/// A possibly absent JSON value, read leniently: numbers from integers or decimals, nil for anything else.
struct Field {
    var value: JSONValue?

    init(_ value: JSONValue?) {
        self.value = value
    }

    subscript(key: String) -> Field {
        Field(object?[key])
    }

    var object: [String: JSONValue]? {
        if case .object(let members) = value { return members }
        return nil
    }

    var array: [JSONValue]? {
        if case .array(let elements) = value { return elements }
        return nil
    }

    var string: String? {
        if case .string(let text) = value { return text }
        return nil
    }

    var bool: Bool? {
        if case .bool(let flag) = value { return flag }
        return nil
    }

    var number: Double? {
        switch value {
        case .integer(let number): Double(number)
        case .decimal(let number, _): number.isFinite ? number : nil
        default: nil
        }
    }

    /// A whole number; a decimal counts when it has no fraction.
    var int: Int? {
        switch value {
        case .integer(let number): number
        case .decimal(let number, _):
            number.isFinite && number.rounded() == number && abs(number) < 9e15 ? Int(number) : nil
        default: nil
        }
    }
}
