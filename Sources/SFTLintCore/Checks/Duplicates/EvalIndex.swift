import Foundation

/// The prompts of eval or benchmark files (`--against`), indexed so that each training sample is checked against
/// all of them in constant time: exact prompt keys, and band keys for near-duplicates.
///
/// The linter reads the files through the same pipeline as training data (reader, framer, sample builder) before
/// the training data, then hands the index to eval-contamination through `RuleSettings`.
public final class EvalIndex: Sendable, Hashable {
    /// Where each eval prompt is; `file` indexes `paths`.
    let refs: [RecordRef]
    let paths: PathTable
    let sketches: SketchStore
    /// Normalised prompt text key → first eval prompt with it.
    private let exact: KeyTable
    /// Per band: band key → latest eval prompt with it; `previous[band][i]` chains the earlier ones.
    private let heads: [KeyTable]
    private let previous: [[Int32]]

    /// Eval prompts indexed.
    public var count: Int { refs.count }

    /// An eval prompt as read: its key, sketch and place.
    struct Prompt: Sendable {
        var key: UInt64
        var sketch: ArraySlice<UInt32>
        var ref: RecordRef
    }

    /// The band layout training prompts must be looked up with.
    let bands: MinHashBands

    init(prompts: [Prompt], paths: PathTable, bands: MinHashBands = .standard) {
        var exact = KeyTable(expected: prompts.count)
        var sketches = SketchStore()
        var heads = (0..<bands.bands).map { _ in KeyTable(expected: prompts.count) }
        var previous = [[Int32]](repeating: [Int32](repeating: -1, count: prompts.count), count: bands.bands)
        for (i, prompt) in prompts.enumerated() {
            exact.insert(prompt.key, Int32(i))
            sketches.append(prompt.sketch)
            guard !prompt.sketch.isEmpty else { continue }
            for (band, key) in bands.keys(of: Array(prompt.sketch)).enumerated() {
                previous[band][i] = heads[band].update(key, Int32(i)) ?? -1
            }
        }
        self.bands = bands
        self.refs = prompts.map(\.ref)
        self.paths = paths
        self.sketches = sketches
        self.exact = exact
        self.heads = heads
        self.previous = previous
    }

    /// A training prompt's match in the eval set.
    struct Match: Sendable {
        var prompt: Int
        var similarity: Double
        var isExact: Bool
    }

    /// Eval prompts compared with per band, at most: bounds the work for a bucket of templated eval prompts.
    private static let window = 64

    /// The eval prompt equal to a training prompt, else the most similar one at or above `threshold`.
    func match(key: UInt64, sketch: [UInt32], bandKeys: () -> [UInt64], threshold: Double) -> Match? {
        if let prompt = exact.value(for: key) { return Match(prompt: Int(prompt), similarity: 1, isExact: true) }
        guard !sketch.isEmpty else { return nil }
        var best: Match?
        var compared: Set<Int32> = []
        for (band, key) in bandKeys().enumerated() {
            var candidate = heads[band].value(for: key) ?? -1
            var steps = 0
            while candidate >= 0, steps < Self.window {
                if compared.insert(candidate).inserted {
                    let similarity = sketch.withUnsafeBufferPointer { sketches.similarity(Int(candidate), $0) }
                    if similarity >= threshold - 1e-9,
                        best.map({
                            similarity > $0.similarity || (similarity == $0.similarity && Int(candidate) < $0.prompt)
                        }) ?? true
                    {
                        best = Match(prompt: Int(candidate), similarity: similarity, isExact: false)
                    }
                }
                candidate = previous[band][Int(candidate)]
                steps += 1
            }
        }
        return best
    }

    /// Where eval prompt `prompt` is, as a related location.
    func location(of prompt: Int) -> Location { refs[prompt].location(in: paths) }

    /// How messages name eval prompt `prompt`: `mmlu.jsonl:7`.
    func place(of prompt: Int) -> String {
        "\(paths.path(of: Int(refs[prompt].file))):\(refs[prompt].line)"
    }

    public static func == (a: EvalIndex, b: EvalIndex) -> Bool { a === b }

    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }

    // MARK: - Reading

    /// Reads the prompts of `inputs` (files, directories, standard input) the way training data is read.
    /// Records that aren't valid or have no prompt are skipped: findings never point into eval files.
    static func read(_ inputs: [InputSource], bands: MinHashBands, jobs: Int) throws(SFTLintError) -> EvalIndex {
        let resolved = try InputResolver.resolve(inputs)
        let builder = SampleBuilder(forcedFormat: nil)
        var prompts: [Prompt] = []
        var paths = PathTable()
        // Rounds of batches, as the linter reads training data: all cores busy, a few batches in memory.
        var pending: [Batch] = []
        func readPending() {
            let parts = Parallel.map(pending, jobs: jobs) { batch in
                batch.frames.compactMap { frame -> Prompt? in
                    let sample = builder.sample(from: frame, in: batch)
                    guard let ref = RecordRef(sample), let question = SampleText.of(sample).question else { return nil }
                    return Prompt(key: question.key, sketch: question.sketch[...], ref: ref)
                }
            }
            prompts += parts.joined()
            pending.removeAll(keepingCapacity: true)
        }
        for input in resolved {
            paths.note(input.file)
            var framer = RecordFramer(file: input.file, reader: try input.open())
            while let batch = try framer.nextBatch() {
                pending.append(batch)
                if pending.count >= max(2 * jobs, 2) { readPending() }
            }
        }
        readPending()
        guard !prompts.isEmpty else {
            let names = resolved.map { "'\($0.file.path)'" }.joined(separator: ", ")
            throw SFTLintError("no prompts found in --against \(names)")
        }
        return EvalIndex(prompts: prompts, paths: paths, bands: bands)
    }
}

extension RuleSettings {
    /// These settings with `evalIndex` read from `against`, unless there is nothing to read or it is read already.
    func readingEvalIndex(jobs: Int) throws(SFTLintError) -> RuleSettings {
        guard !against.isEmpty, evalIndex == nil else { return self }
        var settings = self
        settings.evalIndex = try EvalIndex.read(
            against, bands: MinHashBands(threshold: nearDuplicateThreshold), jobs: jobs)
        return settings
    }
}
