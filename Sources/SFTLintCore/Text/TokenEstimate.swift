/// The length of a text in Unicode scalars and in estimated tokens.
public struct TextLength: Sendable, Hashable {
    /// Unicode scalars: an ASCII letter, a Chinese character and an emoji count one each. Grapheme clusters
    /// would read "👍🏽" as one, but cost ten times as much to count on every turn of a million records.
    public var scalars = 0
    public var tokens = 0

    public init(scalars: Int = 0, tokens: Int = 0) {
        self.scalars = scalars
        self.tokens = tokens
    }

    public static func + (a: TextLength, b: TextLength) -> TextLength {
        TextLength(scalars: a.scalars + b.scalars, tokens: a.tokens + b.tokens)
    }
}

/// A tokenizer-free estimate of how many tokens a BPE tokenizer (GPT-4's cl100k, Llama 3, Qwen) makes of a text.
///
/// The rule, `sftlint-heuristic-1`, reads the text in runs:
/// - a run of ASCII letters (a Latin word) is 1 token up to 7 letters, and one per 4 letters beyond
///   (`understanding` = 4): BPE vocabularies hold the common short words whole and split long ones;
/// - a run of digits is one token per 3 digits, as cl100k and Llama 3 split numbers;
/// - a run of ASCII punctuation is one token per 2 characters (`);`, `**`, `</` are single tokens);
/// - a single space is free (it is part of the next word's token); a longer run of spaces or tabs (code
///   indentation) is 1, and a run of line breaks is 1;
/// - a CJK character (Han, kana, hangul) is 1 token;
/// - a word of other letters (accented Latin, Cyrillic, Arabic …) is one token per 3 letters;
/// - any other scalar (emoji, symbols, CJK punctuation) is 1.
///
/// Expected error: a design target of ±20% per text against cl100k and Llama 3 on English prose and on Chinese
/// (Chinese depends most on the tokenizer: cl100k spends more than one token on a rare character, Qwen less
/// than one on common words), and ±30% on code. It was not calibrated against a real tokenizer, which the
/// issue on real tokenizers brings; totals over a dataset are closer than single texts, as errors average out.
public enum TokenEstimate {
    /// The estimator's name in reports: change it whenever the rule changes, so that figures stay comparable.
    public static let name = "sftlint-heuristic-1"

    /// The length of `text`.
    public static func length(of text: String) -> TextLength {
        text.withUTF8Buffer { scan($0) { _ in } }
    }

    /// The length of UTF-8 `bytes`, calling `word` with the hash of each word in order (see `WordScanner`).
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, word: (UInt64) -> Void) -> TextLength {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 64) { words in
            var scanner = WordScanner(bytes)
            repeat {
                let count = scanner.scan(into: words)
                for index in 0..<count { word(words[index]) }
            } while !scanner.isAtEnd
            return scanner.length
        }
    }

    /// The hash of a word of `length` bytes, up to 8, from the 8 bytes `chunk` that start with it (bytes beyond
    /// it are dropped).
    @inline(__always)
    static func shortWordHash(_ chunk: UInt64, _ length: Int) -> UInt64 {
        unitHash(UInt64(length) ^ chunk & (UInt64.max >> (64 - 8 * length)))
    }

    /// Scrambles the bytes of a unit, or the running hash of a long one, into a hash whose high bits are as good
    /// as its low ones (the diversity counters sample by the high bits): one full-width multiplication, half the
    /// cost of `Hash64.mix`, as every word of every text takes one.
    @inline(__always)
    static func unitHash(_ value: UInt64) -> UInt64 {
        Hash64.mum(value ^ Hash64.p0, Hash64.p1)
    }

    /// The hash of `length` bytes at `start`, each ORed with `fold` (0x20 lowercases ASCII letters), read eight
    /// bytes at a time; the same as `shortWordHash` for words of up to 8 bytes.
    @inline(__always)
    static func wordHash(_ start: UnsafePointer<UInt8>, _ length: Int, fold: UInt8) -> UInt64 {
        let wideFold = UInt64(fold) &* 0x0101_0101_0101_0101
        var hash = UInt64(truncatingIfNeeded: length)
        var offset = 0
        while offset + 8 <= length {
            let chunk = UnsafeRawPointer(start + offset).loadUnaligned(as: UInt64.self)
            hash = unitHash(hash ^ (chunk | wideFold))
            offset += 8
        }
        if offset < length {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < length {
                tail |= UInt64(start[offset] | fold) << shift
                shift += 8
                offset += 1
            }
            hash = unitHash(hash ^ tail)
        }
        return hash
    }
}

/// Classes of ASCII bytes for the token estimate: bytes of one class make one run.
enum ASCIIKind {
    static let letter: UInt8 = 0
    static let digit: UInt8 = 1
    static let space: UInt8 = 2
    static let lineBreak: UInt8 = 3
    static let punctuation: UInt8 = 4

    /// A byte mask (0x80 in each byte) of the 8 bytes of `chunk` that are not ASCII letters, found for all
    /// eight at once: a letter ORed with 0x20 is in 0x61…0x7A.
    @inline(__always)
    static func nonLetterBytes(_ chunk: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let folded = (chunk | 0x2020_2020_2020_2020) & ~high
        // Bit 7 set where folded ≥ 0x61, and where folded > 0x7A; no carries cross bytes below 0x80.
        let atLeastA = (folded &+ 0x1F1F_1F1F_1F1F_1F1F) & high
        let aboveZ = (folded &+ 0x0505_0505_0505_0505) & high
        return ~(atLeastA & ~aboveZ) & high | chunk & high
    }

    /// The class of an ASCII byte; comparisons rather than a table, which a hot loop would reach through a
    /// lazily initialised global.
    @inline(__always)
    static func of(_ byte: UInt8) -> UInt8 {
        if byte.isASCIILetter { return letter }
        if byte &- UInt8(ascii: "0") < 10 { return digit }
        if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { return space }
        if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return lineBreak }
        return punctuation
    }
}

extension UInt8 {
    /// Whether the byte is an ASCII letter: ORed with 0x20, it is in a…z.
    @inline(__always)
    var isASCIILetter: Bool { (self | 0x20) &- UInt8(ascii: "a") < 26 }
}
