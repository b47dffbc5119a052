/// The statistics of a run, always collected whichever rules run: sample shapes and lengths, the token budget,
/// diversity and openings. Mergeable state in data order, like a dataset check's: the engine fills one per batch
/// and merges them, so the figures don't depend on threads or batch sizes (the sketches' exactness conditions
/// aside, see `HeavyHitters`).
public struct DatasetStatistics: Sendable {
    /// How large the sketches may grow; tests lower them to reach the sketches on small data.
    struct Limits: Sendable {
        var exactLengths = LengthDistribution.defaultExactLimit
        var distinct = DistinctCounter.defaultCapacity
        var openings = HeavyHitters.defaultCapacity
    }

    var samples: SampleStatistics
    var budget: TokenBudget?
    var prompts: NGramDiversity
    var responses: NGramDiversity
    /// First words of prompts (first user turn) and openings of responses.
    var promptVerbs: HeavyHitters
    var responseOpenings: HeavyHitters
    /// Samples with a first user turn with a word, and with a response with a word: the openings' denominators.
    var promptsWithWords = 0
    var responsesWithWords = 0
    /// The run's first sample, where findings about the whole run point.
    var firstSample: RecordRef?
    var firstPath = PathTable()

    /// Empty statistics.
    init(maxTokens: Int?, limits: Limits = Limits()) {
        samples = SampleStatistics(exactLimit: limits.exactLengths)
        budget = maxTokens.flatMap { $0 > 0 ? TokenBudget(maxTokens: $0) : nil }
        prompts = NGramDiversity(capacity: limits.distinct)
        responses = NGramDiversity(capacity: limits.distinct)
        promptVerbs = HeavyHitters(capacity: limits.openings) { TextOpening.display($0, lowercased: true) }
        responseOpenings = HeavyHitters(capacity: limits.openings) { TextOpening.display($0, lowercased: false) }
    }

    /// Empty statistics for a batch, with the settings of the run and its diversity counters to continue.
    func emptyBatch() -> DatasetStatistics {
        var batch = self
        batch.samples = SampleStatistics(exactLimit: samples.promptChars.exactLimit)
        batch.budget = budget.map { TokenBudget(maxTokens: $0.maxTokens) }
        // The run's n-grams come along (shared until a batch adds one): a batch then inserts only n-grams new to
        // the run, instead of rebuilding its tables, and merges back only those (or its registers).
        batch.prompts = prompts.continuing()
        batch.responses = responses.continuing()
        batch.promptVerbs = promptVerbs.emptied()
        batch.responseOpenings = responseOpenings.emptied()
        batch.promptsWithWords = 0
        batch.responsesWithWords = 0
        batch.firstSample = nil
        batch.firstPath = PathTable()
        return batch
    }

    /// Adds a sample read in a known format; others have no turns to measure.
    mutating func observe(_ sample: Sample) {
        guard sample.isRecord, sample.format != nil, let ref = RecordRef(sample) else { return }
        if firstSample == nil {
            firstSample = ref
            firstPath.note(sample)
        }
        let profile = SampleProfile.measure(sample, prompts: &prompts, responses: &responses)
        SampleProfile.remember(profile, for: sample)
        samples.add(profile)
        budget?.add(tokens: profile.sample.tokens)
        // A pre-templated text has no prompt or response of its own: its opening is the template's.
        guard sample.format != .text else { return }
        let turns = sample.turns
        if let user = turns.firstIndex(where: { $0.role == .user }) {
            turns[user].text.withUTF8Buffer { bytes in
                guard let verb = TextOpening.firstWord(bytes) else { return }
                promptsWithWords += 1
                promptVerbs.add(verb.key, at: ref, in: sample.record.file, text: verb.bytes(in: bytes))
            }
        }
        if profile.hasResponse && sample.isResponse(profile.responseIndex) {
            turns[profile.responseIndex].text.withUTF8Buffer { bytes in
                guard let opening = TextOpening.response(bytes) else { return }
                responsesWithWords += 1
                guard opening.continues else { return }
                responseOpenings.add(opening.key, at: ref, in: sample.record.file, text: opening.bytes(in: bytes))
            }
        }
    }

    /// Folds in the statistics of later records.
    mutating func merge(_ later: DatasetStatistics) {
        samples.merge(later.samples)
        if let laterBudget = later.budget { budget?.merge(laterBudget) }
        prompts.merge(later.prompts)
        responses.merge(later.responses)
        promptVerbs.merge(later.promptVerbs)
        responseOpenings.merge(later.responseOpenings)
        promptsWithWords += later.promptsWithWords
        responsesWithWords += later.responsesWithWords
        if firstSample == nil {
            firstSample = later.firstSample
            firstPath = later.firstPath
        }
    }

    /// Where a finding about the whole run points: the run's first sample.
    var runLocation: Location? { firstSample?.location(in: firstPath) }

    // MARK: - Report

    /// Openings listed in the report.
    static let topOpenings = 20

    /// The run's statistics for the JSON report's `stats`, with `files` holding each file's samples and lengths.
    func json(files: [(path: String, statistics: SampleStatistics)]) -> [String: JSONValue] {
        var stats = samples.json
        if let budget { stats["budget"] = budget.json }
        stats["diversity"] = .object([
            "exact": .bool(prompts.isExact && responses.isExact),
            "prompts": Self.ratiosJSON(prompts.ratios),
            "responses": Self.ratiosJSON(responses.ratios),
        ])
        stats["openings"] = .object([
            "promptVerbs": Self.openingsJSON(promptVerbs, of: promptsWithWords),
            "responses": Self.openingsJSON(responseOpenings, of: responsesWithWords),
            "exact": .bool(promptVerbs.isExact && responseOpenings.isExact),
        ])
        stats["files"] = .array(
            files.map { file in
                var entry = file.statistics.json
                entry["path"] = .string(file.path)
                return .object(entry)
            })
        return stats
    }

    private static func ratiosJSON(_ ratios: [Double]) -> JSONValue {
        .object([
            "distinct1": .decimal(ratios[0], places: 4), "distinct2": .decimal(ratios[1], places: 4),
            "distinct3": .decimal(ratios[2], places: 4),
        ])
    }

    private static func openingsJSON(_ hitters: HeavyHitters, of total: Int) -> JSONValue {
        .array(
            hitters.top(topOpenings).map { entry in
                .object([
                    "text": .string(entry.text), "count": .integer(entry.count),
                    "share": .decimal(total == 0 ? 0 : Double(entry.count) / Double(total), places: 4),
                ])
            })
    }
}
