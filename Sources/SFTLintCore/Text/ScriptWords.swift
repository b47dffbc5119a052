/// Words of each script in a text, counted as `WordCount` counts them: a run of letters of a spaced script is
/// one word, each CJK character is one.
///
/// Letters would weigh scripts unfairly: "使用 Python 的 list 推导式" has more Latin letters than Han characters,
/// yet a reader calls it Chinese. Words are closer to what a reader weighs. Links are skipped (a URL is not
/// English), and callers skip code. Counts live in a vector indexed by script, so counting never allocates.
public struct ScriptWords: Sendable, Hashable {
    /// Words per script, indexed by `Script.index`.
    public private(set) var counts = SIMD16<Int32>()

    public init() {}

    /// Counts the words of `text`.
    public init(_ text: String) {
        text.withUTF8Buffer { add($0, in: 0..<$0.count) }
    }

    public subscript(script: Script) -> Int { Int(counts[script.index]) }

    /// Words in all scripts.
    public var total: Int { Int(counts.wrappedSum()) }

    public static func + (a: ScriptWords, b: ScriptWords) -> ScriptWords {
        var sum = a
        sum.counts &+= b.counts
        return sum
    }

    /// Adds the words of the bytes of `range` in `bytes`; a word cut by the range's ends counts once per side.
    public mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) {
        var i = max(range.lowerBound, 0)
        let end = min(range.upperBound, bytes.count)
        // The two scripts nearly all text is in are counted in locals; the vector only at the end.
        var latin: Int32 = 0
        var han: Int32 = 0
        /// The script of the word being read, as an index; -1 between words.
        var inWord = -1
        while i < end {
            let byte = bytes[i]
            if byte < 0x80 {
                let folded = byte | 0x20
                if folded >= UInt8(ascii: "a") && folded <= UInt8(ascii: "z") {
                    if inWord != Script.latin.index {
                        if let skipped = Self.endOfLink(bytes, at: i, end: end) {
                            i = skipped
                            inWord = -1
                            continue
                        }
                        latin &+= 1
                        inWord = Script.latin.index
                    }
                } else if !(byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) && byte != UInt8(ascii: "'")
                    && byte != UInt8(ascii: "-")
                {
                    inWord = -1
                }
                i += 1
                continue
            }
            // Lead bytes E4…E9 start U+4000…U+9FFF: CJK ideographs, counted without decoding them, sixteen bytes
            // at a time while a run of them lasts (its leads are its characters).
            if byte &- 0xE4 <= 5 {
                inWord = -1
                if let base = bytes.baseAddress {
                    while i + 16 <= end {
                        let block = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
                        let leads = block.lanes(from: 0xE4, span: 5)
                        let inRun = leads .| block.lanes(from: 0x80, span: 0x3F)
                        let all = unsafeBitCast(inRun, to: SIMD2<UInt64>.self)
                        guard all[0] & all[1] == ~0 else { break }
                        // One bit per matching lane, summed by a multiplication: the baseline x86-64 target
                        // has no population count instruction.
                        let counted = unsafeBitCast(leads, to: SIMD2<UInt64>.self)
                        let ones = (counted[0] & 0x0101_0101_0101_0101) &+ (counted[1] & 0x0101_0101_0101_0101)
                        han &+= Int32(truncatingIfNeeded: (ones &* 0x0101_0101_0101_0101) >> 56)
                        i += 16
                    }
                }
                // The rest of the run one character at a time; a block may have ended inside a character.
                while i < end && bytes[i] & 0xC0 == 0x80 { i += 1 }
                if i < end && bytes[i] &- 0xE4 <= 5 {
                    han &+= 1
                    i += 3
                }
                continue
            }
            let (value, length) = UTF8Scan.scalar(in: bytes, at: i)
            i += length
            guard let script = Script.ofLetter(value) else {
                // A curly apostrophe stays inside a word, as in WordCount.
                if value != 0x2019 { inWord = -1 }
                continue
            }
            if script.isCJK {
                counts[script.index] &+= 1
                inWord = -1
            } else if inWord != script.index {
                counts[script.index] &+= 1
                inWord = script.index
            }
        }
        counts[Script.latin.index] &+= latin
        counts[Script.han.index] &+= han
    }

    /// Where a link starting at `offset` (`http://`, `https://`, `www.`) ends: the next whitespace or closing
    /// bracket or quote. Nil when no link starts there.
    static func endOfLink(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, end: Int) -> Int? {
        func matches(_ prefix: StaticString) -> Bool {
            let count = prefix.utf8CodeUnitCount
            guard offset + count <= end else { return false }
            let start = prefix.utf8Start
            for k in 0..<count where bytes[offset + k] | 0x20 != start[k] | 0x20 { return false }
            return true
        }
        guard matches("http://") || matches("https://") || matches("www.") else { return nil }
        var i = offset
        while i < end {
            let byte = bytes[i]
            if byte <= 0x20 || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "\"")
                || byte == UInt8(ascii: ">") || byte >= 0x80
            {
                break
            }
            i += 1
        }
        return i
    }

    // MARK: - The main script

    /// The script most words are in, with its share of all words; nil for a text without words.
    ///
    /// Han and kana count together, as Japanese mixes them: the pair is `.kana` (Japanese) when at least a
    /// quarter of it is kana, and `.han` (Chinese) otherwise, so Chinese quoting a Japanese name stays Chinese.
    public var main: (script: Script, share: Double)? {
        let total = self.total
        guard total > 0 else { return nil }
        // Nearly every text is Latin, Chinese or Japanese: decide those without a loop over the scripts.
        let latin = self[.latin]
        let cjk = self[.han] + self[.kana]
        if latin + cjk == total {
            if latin >= cjk { return (.latin, Double(latin) / Double(total)) }
            return (self[.kana] * 4 >= cjk ? .kana : .han, Double(cjk) / Double(total))
        }
        var best: (script: Script, words: Int)?
        for script in Script.allCases where script != .kana {
            var words = self[script]
            var label = script
            if script == .han {
                words += self[.kana]
                if self[.kana] * 4 >= words { label = .kana }
            }
            if words > (best?.words ?? 0) { best = (label, words) }
        }
        return best.map { ($0.script, Double($0.words) / Double(total)) }
    }
}

extension Script {
    /// `Script(scalar)` for a decoded code point, with the common CJK cases first: ideographs, and the CJK and
    /// full-width punctuation that would otherwise cost a Unicode property lookup per character.
    @inline(__always)
    public static func ofLetter(_ value: UInt32) -> Script? {
        switch value {
        case 0x4E00...0x9FFF: return .han
        case 0x3000...0x3004, 0x3008...0x303F, 0xFF00...0xFF0F, 0xFF1A...0xFF20, 0x2000...0x206F: return nil
        default: return Unicode.Scalar(value).flatMap(Script.init)
        }
    }

    /// The script's position in `allCases`, for counting in arrays and vectors instead of dictionaries.
    public var index: Int {
        switch self {
        case .latin: 0
        case .han: 1
        case .kana: 2
        case .hangul: 3
        case .cyrillic: 4
        case .arabic: 5
        case .devanagari: 6
        case .greek: 7
        case .hebrew: 8
        case .thai: 9
        case .other: 10
        }
    }
}
