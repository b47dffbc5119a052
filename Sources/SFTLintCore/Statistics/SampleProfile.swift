/// The lengths and shape of one sample, as statistics and the length rules read it.
///
/// - The **response** is the final assistant turn (the answer the sample trains); the **prompt** is every turn
///   before it, system prompt and earlier exchanges included: what the model reads before answering, so what
///   counts against a sequence budget. A sample without an assistant turn has a prompt and no response.
/// - A pre-templated `text` record has neither: its template mixes them in one string.
/// - The **sample** is every turn. Lengths are the sums of the turns' texts, without the chat template's tokens,
///   which depend on the model.
struct SampleProfile: Sendable {
    var prompt = TextLength()
    var response = TextLength()
    var sample = TextLength()
    var hasPrompt = false
    var hasResponse = false
    var turns = 0
    var userTurns = 0
    var hasSystemPrompt = false
    /// Index of the response turn, or the number of turns when there is none.
    var responseIndex = 0

    /// Whether the sample is a conversation of more than one exchange: two user turns or more.
    var isMultiTurn: Bool { userTurns > 1 }

    /// Measures `sample`, passing the words of its question (the prompt without system turns, as the duplicate
    /// rules compare it) and of its response to the diversity counters when given. Each turn is a text of its
    /// own: n-grams don't run from one turn into the next.
    static func measure(
        _ sample: Sample, prompts: UnsafeMutablePointer<NGramDiversity>?,
        responses: UnsafeMutablePointer<NGramDiversity>?
    ) -> SampleProfile {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 3 * wordChunk) { buffer in
            measure(sample, prompts: prompts, responses: responses, buffer: buffer)
        }
    }

    /// Words passed to the diversity counters at a time: a text's words are gathered in a buffer on the stack
    /// (with twice as much room for their n-grams), so that each counter then takes them in one loop. Three
    /// times 42 words is just under 1 KB, the most `withUnsafeTemporaryAllocation` puts on the stack unasked.
    static let wordChunk = 42

    private static func measure(
        _ sample: Sample, prompts: UnsafeMutablePointer<NGramDiversity>?,
        responses: UnsafeMutablePointer<NGramDiversity>?, buffer: UnsafeMutableBufferPointer<UInt64>
    ) -> SampleProfile {
        let words = UnsafeMutableBufferPointer(rebasing: buffer[0..<wordChunk])
        let scratch = UnsafeMutableBufferPointer(rebasing: buffer[wordChunk...])
        var profile = SampleProfile()
        let turns = sample.turns
        profile.turns = turns.count
        // A pre-templated `text` is the whole conversation in one string: only the sample's length is known.
        let isTemplated = sample.format == .text
        profile.responseIndex = Self.responseIndex(of: sample)
        profile.hasResponse = profile.responseIndex < turns.count
        profile.hasPrompt = profile.responseIndex > 0 && !isTemplated
        for index in turns.indices {
            let role = turns[index].role
            if role == .user { profile.userTurns += 1 }
            if role == .system { profile.hasSystemPrompt = true }
            let sink: UnsafeMutablePointer<NGramDiversity>? =
                isTemplated
                ? nil
                : index == profile.responseIndex
                    ? responses : (index < profile.responseIndex && role != .system ? prompts : nil)
            // The turn's words go to the counters a buffer at a time, or nowhere.
            let length = turns[index].text.withUTF8Buffer { bytes in
                var scanner = WordScanner(bytes)
                repeat {
                    let count = scanner.scan(into: words)
                    sink?.pointee.add(words: UnsafeMutableBufferPointer(rebasing: words[0..<count]), scratch: scratch)
                } while !scanner.isAtEnd
                return scanner.length
            }
            sink?.pointee.endText()
            profile.sample = profile.sample + length
            if index < profile.responseIndex && !isTemplated {
                profile.prompt = profile.prompt + length
            } else if index == profile.responseIndex {
                profile.response = length
            }
        }
        return profile
    }

    /// The index of the response turn, found without measuring: the last assistant turn, or the number of turns
    /// when there is none or the sample is a pre-templated text.
    static func responseIndex(of sample: Sample) -> Int {
        sample.format == .text ? sample.turns.count : sample.turns.lastIndex { $0.role == .assistant } ?? sample.turns.count
    }

    // MARK: - Per thread

    /// The profile of `sample`, measured once per sample on each thread: the statistics and every length rule
    /// ask for it on the same thread, one after another.
    static func of(_ sample: Sample) -> SampleProfile {
        ProfileCache.perThread.withCurrent { cache in
            if let profile = cache.profile(of: sample) { return profile }
            let profile = measure(sample, prompts: nil, responses: nil)
            cache.store(profile, for: sample)
            return profile
        }
    }

    /// Remembers `profile` as the profile of `sample` on this thread.
    static func remember(_ profile: SampleProfile, for sample: Sample) {
        ProfileCache.perThread.withCurrent { $0.store(profile, for: sample) }
    }
}

/// The last sample's profile on one thread.
///
/// The sample is known by its record's address and position, not by a weak reference: a weak reference gives the
/// record a side table, which slows every retain and release of every record. The statistics measure each sample
/// just before the rules ask, so a freed record's address reused by another run can't be taken for it.
private final class ProfileCache {
    private var record: ObjectIdentifier?
    private var position = RecordRef(file: 0, record: 0, line: 0, column: 0)
    private var profile = SampleProfile()

    func profile(of sample: Sample) -> SampleProfile? {
        guard record == ObjectIdentifier(sample.record), position == RecordRef(sample) else { return nil }
        return profile
    }

    func store(_ profile: SampleProfile, for sample: Sample) {
        record = ObjectIdentifier(sample.record)
        position = RecordRef(sample) ?? RecordRef(file: 0, record: 0, line: 0, column: 0)
        self.profile = profile
    }

    fileprivate static let perThread = PerThread { ProfileCache() }
}
