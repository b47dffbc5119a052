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

    /// The length of UTF-8 `bytes`, calling `word` with the hash of each word in order: a lowercased Latin word,
    /// a run of digits, a word of other letters, or one CJK character (the units distinct-n counts).
    @inline(__always)
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, word: (UInt64) -> Void) -> TextLength {
        guard let base = bytes.baseAddress else { return TextLength() }
        let count = bytes.count
        var tokens = 0
        var scalars = 0
        var i = 0
        while i < count {
            let byte = base[i]
            // A single space between words, the commonest byte after letters: free.
            if byte == 0x20 && (i + 1 == count || base[i + 1] != 0x20 && base[i + 1] != 0x09) {
                scalars += 1
                i += 1
                continue
            }
            if byte < 0x80 {
                let kind = ASCIIKind.of(byte)
                let start = i
                if kind == ASCIIKind.letter && i + 8 <= count {
                    // Most words fit in 8 bytes: find the word's end, and hash it, from one 8-byte load.
                    let chunk = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    let others = ASCIIKind.nonLetterBytes(chunk)
                    if others != 0 {
                        let run = others.trailingZeroBitCount >> 3
                        i += run
                        scalars += run
                        tokens += 1
                        let bytes = chunk & (UInt64.max >> (64 - 8 * run))
                        word(Hash64.mix(UInt64(run) ^ (bytes | 0x2020_2020_2020_2020 & (UInt64.max >> (64 - 8 * run)))))
                        continue
                    }
                }
                i += 1
                while i < count && base[i] < 0x80 && ASCIIKind.of(base[i]) == kind { i += 1 }
                let run = i - start
                scalars += run
                switch kind {
                case ASCIIKind.letter:
                    tokens += run <= 7 ? 1 : (run + 3) >> 2
                    word(wordHash(base + start, run, fold: 0x20))
                case ASCIIKind.digit:
                    tokens += (run + 2) / 3
                    word(wordHash(base + start, run, fold: 0))
                case ASCIIKind.space: tokens += run > 1 ? 1 : 0
                case ASCIIKind.lineBreak: tokens += 1
                default: tokens += (run + 1) >> 1
                }
                continue
            }
            // Lead bytes E4…E9 start U+4000…U+9FFF, all CJK ideographs: the common case needs no decoding.
            if byte &- 0xE4 <= 5 && i + 2 < count {
                tokens += 1
                scalars += 1
                word(Hash64.mix(0xC0DE_0000_0000_0000 | UInt64(byte) << 16 | UInt64(base[i + 1]) << 8 | UInt64(base[i + 2])))
                i += 3
                continue
            }
            let (value, length) = UTF8Scan.scalar(in: bytes, at: i)
            scalars += 1
            guard let script = Script.ofLetter(value) else {
                tokens += 1
                i += length
                continue
            }
            if script.isCJK {
                tokens += 1
                word(Hash64.mix(0xC0DE_0000_0000_0000 | UInt64(value)))
                i += length
                continue
            }
            // A word of letters of another script: read while letters of a spaced script follow.
            let start = i
            var letters = 1
            i += length
            while i < count && base[i] >= 0x80 {
                let (next, nextLength) = UTF8Scan.scalar(in: bytes, at: i)
                guard let nextScript = Script.ofLetter(next), !nextScript.isCJK else { break }
                letters += 1
                i += nextLength
            }
            scalars += letters - 1
            tokens += (letters + 2) / 3
            word(wordHash(base + start, i - start, fold: 0))
        }
        return TextLength(scalars: scalars, tokens: tokens)
    }

    /// The hash of `length` bytes at `start`, each ORed with `fold` (0x20 lowercases ASCII letters), read eight
    /// bytes at a time.
    @inline(__always)
    static func wordHash(_ start: UnsafePointer<UInt8>, _ length: Int, fold: UInt8) -> UInt64 {
        let wideFold = UInt64(fold) &* 0x0101_0101_0101_0101
        var hash = UInt64(truncatingIfNeeded: length)
        var offset = 0
        while offset + 8 <= length {
            let chunk = UnsafeRawPointer(start + offset).loadUnaligned(as: UInt64.self)
            hash = Hash64.mix(hash ^ (chunk | wideFold))
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
            hash = Hash64.mix(hash ^ tail)
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
        if (byte | 0x20) &- UInt8(ascii: "a") < 26 { return letter }
        if byte &- UInt8(ascii: "0") < 10 { return digit }
        if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { return space }
        if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return lineBreak }
        return punctuation
    }
}
