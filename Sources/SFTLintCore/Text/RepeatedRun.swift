/// A stretch of text that says the same thing several times in a row: "I'm sorry. I'm sorry. I'm sorry. …",
/// "哈哈哈哈哈哈哈哈哈哈", or a line repeated line after line.
///
/// Text is compared as tokens, the way `WordCount` counts words: a run of letters or digits is one token (case
/// folded), each CJK character is one, and punctuation and spacing don't count, so "No, no, no" is one token
/// repeated. A line that starts with `|` (a Markdown table row) is one token that never repeats: rows of a table
/// share their shape, and that is not looping.
public struct RepeatedRun: Sendable, Hashable {
    /// UTF-8 offsets of the first copy of the repeated unit, from its first token to the start of the second copy.
    public var unit: Range<Int>
    /// UTF-8 offset of the start of the second copy, where the text starts looping.
    public var repeatStart: Int
    /// UTF-8 offset of the end of the last complete copy.
    public var end: Int
    /// Complete copies of the unit in a row, the first included.
    public var copies: Int
    /// Whether the run reaches the last token read and the text was cut at `tokenLimit`: it may go on further,
    /// so `copies` is a lower bound.
    public var isCutShort = false

    /// How much repetition counts as looping. Legitimate text repeats a little ("Let it be, let it be", "no, no,
    /// no", 哈哈哈), so a unit must come back at least three times and cover a dozen tokens past its first copy;
    /// a single token, ten times.
    public struct Thresholds: Sendable, Hashable {
        public var copies = 3
        public var repeatedTokens = 12
        public var copiesOfOneToken = 10

        public init() {}
    }

    /// Texts longer than this many tokens are judged on their first that many: a loop shows long before.
    static let tokenLimit = 1 << 17

    /// The first run in `bytes` (UTF-8) that passes `thresholds` and that `accept` takes, in text order.
    ///
    /// Every token is looked up once in a table of the last place it occurred: a unit that repeats puts each
    /// of its tokens one period after the last, so that distance is the period to test. Runs already tested
    /// are not tested again, so the work stays proportional to the length of the text.
    public static func first(
        in bytes: UnsafeBufferPointer<UInt8>, thresholds: Thresholds = Thresholds(),
        where accept: (RepeatedRun) -> Bool = { _ in true }
    ) -> RepeatedRun? {
        let capacity = min(bytes.count / 2 + 1, tokenLimit)
        return withUnsafeTemporaryAllocation(of: Token.self, capacity: capacity) { tokens in
            let count = tokenize(bytes, into: tokens)
            guard count >= 2 * min(thresholds.copies, thresholds.copiesOfOneToken) else { return nil }
            return search(
                UnsafeBufferPointer(rebasing: tokens[0..<count]), isCut: count == tokenLimit, thresholds: thresholds,
                accept: accept)
        }
    }

    // MARK: - Tokens

    struct Token {
        var hash: UInt64
        var start: Int32
        var end: Int32
        /// Digits only: a unit of numbers ("0 0 0 0") is a vector or a table, not a loop.
        var isNumber: Bool
        /// A table row or other stretch that must never match anything.
        var isBarrier: Bool
    }

    private static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    /// Splits `bytes` into tokens; returns how many it wrote.
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, into tokens: UnsafeMutableBufferPointer<Token>) -> Int {
        var count = 0
        let limit = tokens.count
        let end = bytes.count
        var i = 0
        var wordStart = -1
        var hash = fnvOffset
        var isNumber = true
        var isLineStart = true

        func append(_ token: Token) {
            guard count < limit else { return }
            tokens[count] = token
            count += 1
        }
        func closeWord(at offset: Int) {
            guard wordStart >= 0 else { return }
            append(Token(hash: hash, start: Int32(wordStart), end: Int32(offset), isNumber: isNumber, isBarrier: false))
            wordStart = -1
        }

        while i < end && count < limit {
            if isLineStart {
                isLineStart = false
                var j = i
                while j < end && (bytes[j] == UInt8(ascii: " ") || bytes[j] == UInt8(ascii: "\t")) { j += 1 }
                if j < end && bytes[j] == UInt8(ascii: "|") {
                    closeWord(at: i)
                    while j < end && bytes[j] != UInt8(ascii: "\n") { j += 1 }
                    append(Token(hash: UInt64(count), start: Int32(i), end: Int32(j), isNumber: false, isBarrier: true))
                    i = j
                    continue
                }
            }
            let byte = bytes[i]
            if byte < 0x80 {
                let folded = byte | 0x20
                let isLetter = folded >= UInt8(ascii: "a") && folded <= UInt8(ascii: "z")
                if isLetter || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) {
                    if wordStart < 0 {
                        wordStart = i
                        hash = fnvOffset
                        isNumber = true
                    }
                    hash = (hash ^ UInt64(isLetter ? folded : byte)) &* fnvPrime
                    if isLetter { isNumber = false }
                } else {
                    closeWord(at: i)
                    if byte == UInt8(ascii: "\n") { isLineStart = true }
                }
                i += 1
                continue
            }
            let (value, length) = UTF8Scan.scalar(in: bytes, at: i)
            let script = Script.ofLetter(value)
            if let script, script.isCJK {
                closeWord(at: i)
                // The high bit keeps a character's hash apart from any word's.
                let hash = (UInt64(value) &* fnvPrime) | (1 << 63)
                append(Token(hash: hash, start: Int32(i), end: Int32(i + length), isNumber: false, isBarrier: false))
            } else if script != nil {
                if wordStart < 0 {
                    wordStart = i
                    hash = fnvOffset
                }
                hash = (hash ^ UInt64(value)) &* fnvPrime
                isNumber = false
            } else {
                closeWord(at: i)
            }
            i += length
        }
        closeWord(at: min(i, end))
        return count
    }

    // MARK: - Search

    static func search(
        _ tokens: UnsafeBufferPointer<Token>, isCut: Bool = false, thresholds: Thresholds,
        accept: (RepeatedRun) -> Bool
    ) -> RepeatedRun? {
        let count = tokens.count
        var size = 16
        while size < 2 * count { size <<= 1 }
        let mask = size - 1
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: size) { table in
            table.initialize(repeating: -1)
            /// The period and the token index where the last tested run ended: positions inside it with the same
            /// period belong to the same run.
            var tested = (period: 0, end: 0)
            for i in 0..<count {
                let token = tokens[i]
                if token.isBarrier { continue }
                var slot = Int(truncatingIfNeeded: token.hash ^ (token.hash >> 29)) & mask
                var previous = -1
                while table[slot] >= 0 {
                    let candidate = Int(table[slot])
                    if tokens[candidate].hash == token.hash {
                        previous = candidate
                        break
                    }
                    slot = (slot + 1) & mask
                }
                table[slot] = Int32(i)
                guard previous >= 0 else { continue }
                let period = i - previous
                if period == tested.period && i < tested.end { continue }
                var start = previous
                while start > 0, !tokens[start - 1].isBarrier, tokens[start - 1].hash == tokens[start - 1 + period].hash
                {
                    start -= 1
                }
                var k = start
                while k + period < count, tokens[k].hash == tokens[k + period].hash { k += 1 }
                tested = (period, k + period)
                let repeated = k - start
                let copies = (repeated + period) / period
                let passes =
                    period == 1
                    ? copies >= thresholds.copiesOfOneToken
                    : copies >= thresholds.copies && repeated >= thresholds.repeatedTokens
                guard passes, (start..<start + period).contains(where: { !tokens[$0].isNumber }) else { continue }
                let run = RepeatedRun(
                    unit: Int(tokens[start].start)..<Int(tokens[start + period].start),
                    repeatStart: Int(tokens[start + period].start),
                    end: Int(tokens[start + copies * period - 1].end), copies: copies,
                    isCutShort: isCut && k + period == count)
                if accept(run) { return run }
            }
            return nil
        }
    }
}
