/// A sample as the duplicate rules read it: each turn normalised once (NFKC, case folded, whitespace collapsed),
/// and the keys and sketches the rules compare, each computed on first use.
///
/// - The prompt is every turn before the final assistant turn (every turn when there is none), and the tools the
///   sample offers (a top-level `tools`): "order a pizza" answered "I can only create calendar events" and "I can
///   only compute discounts" are one question asked with two toolboxes, not a conflict. The response is that final
///   turn.
/// - The question is the prompt without its system turns: a system prompt shared by many samples says nothing
///   about whether they ask the same thing. Near-duplicates and eval contamination compare questions.
///
/// The duplicate rules run one after another on the same sample on the same thread, so `of(_:)` keeps the last
/// sample's text per thread and hands it to each rule: the text is normalised once, not once per rule.
final class SampleText {
    /// The record these turns are from; weak, so a record freed and another allocated at its address can't match,
    /// and nothing here keeps a batch's bytes alive.
    private weak var record: RecordSource?
    /// Per turn: the seed its role gives its hash, and whether it is a system turn.
    private var roleSeeds: [UInt64] = []
    private var isSystem: [Bool] = []
    /// The normalised text of every turn, one after another; `ends[i]` is where turn i ends.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    /// Index of the final assistant turn, or the number of turns when there is none.
    private var responseIndex = 0
    /// The hash of the sample's `tools`, or 0 when it offers none.
    private(set) var toolsKey: UInt64 = 0

    private var cachedSampleKey: UInt64??
    private var cachedPromptKey: UInt64??
    private var cachedQuestion: (key: UInt64, sketch: [UInt32], shingles: Int)??
    private var cachedResponse: ResponseSketch??

    private init() {}

    /// The text of `sample`, shared by the rules that look at it on this thread; use it before the next call.
    static func of(_ sample: Sample) -> SampleText {
        let text = current
        if text.record !== sample.record || text.record == nil { text.load(sample) }
        return text
    }

    /// A private instance for `sample`, for callers that keep it.
    static func reading(_ sample: Sample) -> SampleText {
        let text = SampleText()
        text.load(sample)
        return text
    }

    private func load(_ sample: Sample) {
        record = sample.record
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        roleSeeds.removeAll(keepingCapacity: true)
        isSystem.removeAll(keepingCapacity: true)
        for turn in sample.turns {
            TextNormalizer.append(turn.text, to: &bytes)
            ends.append(bytes.count)
            roleSeeds.append(Self.roleSeed(turn))
            isSystem.append(turn.role == .system)
        }
        responseIndex = sample.turns.lastIndex { $0.role == .assistant } ?? sample.turns.count
        toolsKey = Self.toolsKey(of: sample)
        cachedSampleKey = nil
        cachedPromptKey = nil
        cachedQuestion = nil
        cachedResponse = nil
    }

    // MARK: - Keys and sketches

    /// The key of the whole sample, every turn with its role; nil when no turn has text.
    var sampleKey: UInt64? {
        if let cachedSampleKey { return cachedSampleKey }
        let key = key(of: 0..<ends.count)
        cachedSampleKey = key
        return key
    }

    /// The key of the prompt, system turns and roles included: two samples with one key ask the same thing.
    var promptKey: UInt64? {
        if let cachedPromptKey { return cachedPromptKey }
        let key = key(of: 0..<min(responseIndex, ends.count))
        cachedPromptKey = key
        return key
    }

    /// Whether the sample has a final assistant turn.
    var hasResponse: Bool { responseIndex < ends.count }

    /// The question's key (its normalised text, turns apart), the bottom-k sketch of its shingles and their
    /// number; nil when it has no text.
    var question: (key: UInt64, sketch: [UInt32], shingles: Int)? {
        if let cachedQuestion { return cachedQuestion }
        var key: UInt64 = 0
        var hashes: [UInt64] = []
        var hasText = false
        withTurns { turn, text in
            guard turn < responseIndex, !isSystem[turn], !text.isEmpty else { return }
            hasText = true
            key = Hash64.combine(key, Hash64.hash(UnsafeRawBufferPointer(text)))
            Shingler.appendShingles(of: text, to: &hashes)
        }
        let shingles = Shingler.sortedSet(hashes)
        let question = hasText ? (key, Array(BottomKSketch.sketch(of: shingles)), shingles.count) : nil
        cachedQuestion = question
        return question
    }

    /// The sketch of the final response's shingles; nil when there is no response or it has no text.
    var response: ResponseSketch? {
        if let cachedResponse { return cachedResponse }
        var sketch: ResponseSketch?
        withTurns { turn, text in
            guard turn == responseIndex, !text.isEmpty else { return }
            var hashes: [UInt64] = []
            Shingler.appendShingles(of: text, to: &hashes)
            sketch = ResponseSketch(shingles: hashes)
        }
        cachedResponse = sketch
        return sketch
    }

    // MARK: - Parts

    /// Calls `body` with each turn's index and normalised text.
    private func withTurns(_ body: (Int, UnsafeBufferPointer<UInt8>) -> Void) {
        bytes.withUnsafeBufferPointer { all in
            var start = 0
            for (turn, end) in ends.enumerated() {
                body(turn, UnsafeBufferPointer(rebasing: all[start..<end]))
                start = end
            }
        }
    }

    /// Hashes turns with their roles: each turn's text hashed with its role as the seed, the hashes chained after
    /// the tools' key.
    private func key(of range: Range<Int>) -> UInt64? {
        var key = toolsKey
        var hasText = false
        withTurns { turn, text in
            guard range.contains(turn) else { return }
            hasText = hasText || !text.isEmpty
            key = Hash64.combine(key, Hash64.hash(UnsafeRawBufferPointer(text), seed: roleSeeds[turn]))
        }
        return hasText ? key : nil
    }

    /// The hash of a top-level `tools` (a JSON string in LLaMA-Factory's ShareGPT, a list in OpenAI's format),
    /// its whitespace left out so that the same tools pretty-printed or not hash alike; 0 when there are none.
    private static func toolsKey(of sample: Sample) -> UInt64 {
        guard let document = sample.record.document,
            let tools = document.member(of: JSONDocument.root, named: "tools"), document.kind(tools) != .null
        else { return 0 }
        if document.kind(tools) == .string { return Hash64.hash(document.string(tools)) }
        let node = document.nodes[tools]
        let raw = document.bytes[(document.bytes.startIndex + Int(node.start))..<(document.bytes.startIndex + Int(node.end))]
        return Hash64.hash(raw.filter { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 })
    }

    private static func roleSeed(_ turn: Turn) -> UInt64 {
        switch turn.role {
        case .system?: 1
        case .user?: 2
        case .assistant?: turn.isToolCall ? 4 : 3
        case .tool?: 5
        case nil: Hash64.hash(turn.tag) | 1 << 63
        }
    }

    // MARK: - Per thread

    /// The calling thread's instance, made on first use and freed when the thread ends.
    private static let perThread = PerThread { SampleText() }

    private static var current: SampleText { perThread.current }
}

/// The shingle sketch of normalised text.
extension BottomKSketch {
    /// The bottom-k sketch of `text`'s shingles; empty when it has none.
    static func sketch(of text: [UInt8]) -> ArraySlice<UInt32> {
        sketch(of: Shingler.shingleSet(of: text))
    }
}
