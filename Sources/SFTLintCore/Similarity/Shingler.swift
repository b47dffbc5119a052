/// Cuts normalised text into shingles, the units two texts are compared by, as 64-bit hashes.
///
/// A shingle is a word of a script written with spaces (letters, digits and combining marks in a row), or two
/// adjacent CJK characters (Han, kana, hangul: a Chinese word is mostly one or two characters, so pairs are
/// about as telling as English words, while single characters recur in almost every Chinese text). A CJK
/// character with no CJK neighbour is a shingle on its own. Punctuation, symbols, emoji and whitespace only
/// separate words and are never shingles, so `你好，世界` and `你好世界` have the same shingles, as do
/// `Hello, world!` and `hello world`. Mixed text gives both kinds.
enum Shingler {
    /// Appends the hash of every shingle of `text` (normalised UTF-8) to `out`, repeats included.
    ///
    /// One pass with plain locals: this loop sees every byte of every response.
    static func appendShingles(of text: UnsafeBufferPointer<UInt8>, to out: inout [UInt64]) {
        guard let base = text.baseAddress else { return }
        let count = text.count
        var wordStart = -1
        // The last token, when it was a CJK character, and whether it had a CJK character before it.
        var lastCJK: UInt32 = 0
        var isLastCJK = false
        var lastHadPredecessor = false
        var i = 0
        while i < count {
            let byte = base[i]
            var length = 1
            var isWord: Bool
            var isCJKCharacter = false
            var value: UInt32 = 0
            if byte < 0x80 {
                isWord = isASCIIWordByte(byte)
                if isWord, wordStart >= 0 {
                    // Inside an ASCII word: run to its end.
                    i += 1
                    while i < count, base[i] < 0x80, isASCIIWordByte(base[i]) { i += 1 }
                    continue
                }
            } else {
                length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                value = TextNormalizer.decode(text, at: i, length: length)
                isCJKCharacter = isCJK(value)
                isWord = !isCJKCharacter && isWordCharacter(value)
            }
            if isWord {
                if wordStart < 0 {
                    // A word after a lone CJK character: that character is a shingle of its own.
                    if isLastCJK, !lastHadPredecessor { out.append(Hash64.mix(UInt64(lastCJK) | unigramTag)) }
                    isLastCJK = false
                    wordStart = i
                }
            } else {
                if wordStart >= 0 {
                    out.append(wordHash(base + wordStart, i - wordStart))
                    wordStart = -1
                }
                if isCJKCharacter {
                    if isLastCJK { out.append(Hash64.mix(UInt64(lastCJK) << 21 | UInt64(value))) }
                    lastHadPredecessor = isLastCJK
                    lastCJK = value
                    isLastCJK = true
                }
            }
            i += length
        }
        if wordStart >= 0 { out.append(wordHash(base + wordStart, count - wordStart)) }
        if isLastCJK, !lastHadPredecessor { out.append(Hash64.mix(UInt64(lastCJK) | unigramTag)) }
    }

    /// The hash of a word: inline for the usual word of at most 16 bytes (two overlapping reads from each end
    /// cover it, as in `Hash64`), `Hash64` beyond.
    @inline(__always)
    private static func wordHash(_ start: UnsafePointer<UInt8>, _ length: Int) -> UInt64 {
        let raw = UnsafeRawPointer(start)
        guard length <= 16 else {
            return Hash64.hash(UnsafeRawBufferPointer(start: raw, count: length), seed: wordSeed)
        }
        var a: UInt64
        var b: UInt64
        if length >= 4 {
            let quarter = (length >> 3) << 2
            a = read32(raw, 0) << 32 | read32(raw, quarter)
            b = read32(raw, length - 4) << 32 | read32(raw, length - 4 - quarter)
        } else {
            a = UInt64(start[0]) << 16 | UInt64(start[length >> 1]) << 8 | UInt64(start[length - 1])
            b = 0
        }
        let product = (a ^ Hash64.p1).multipliedFullWidth(by: b ^ wordSeed)
        return Hash64.mum(product.low ^ Hash64.p0 ^ UInt64(length), product.high ^ Hash64.p1)
    }

    @inline(__always)
    private static func read32(_ raw: UnsafeRawPointer, _ offset: Int) -> UInt64 {
        UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
    }

    /// The shingles of normalised text as 32-bit hashes, sorted, without repeats: the set two texts are compared by.
    static func shingleSet(of text: [UInt8]) -> [UInt32] {
        var hashes: [UInt64] = []
        text.withUnsafeBufferPointer { appendShingles(of: $0, to: &hashes) }
        return sortedSet(hashes)
    }

    /// The high halves of `hashes`, sorted, without repeats.
    static func sortedSet(_ hashes: [UInt64]) -> [UInt32] {
        var values = hashes.map { UInt32(truncatingIfNeeded: $0 >> 32) }
        values.sort()
        var kept = 0
        for value in values where kept == 0 || values[kept - 1] != value {
            values[kept] = value
            kept += 1
        }
        values.removeSubrange(kept...)
        return values
    }

    // MARK: - Characters

    /// Words, CJK pairs and lone CJK characters hash in separate spaces: a pair packs two 21-bit scalars into
    /// 42 bits, a lone character sets bit 63, and words use a seeded hash.
    private static let wordSeed: UInt64 = 0x5753_4846_4c49_4e54
    private static let unigramTag: UInt64 = 1 << 63

    /// Digits and letters of ASCII, as bits of two masks: byte b is a word byte when bit b is set.
    private static let asciiWordLow: UInt64 = 0x03FF_0000_0000_0000
    private static let asciiWordHigh: UInt64 = 0x07FF_FFFE_07FF_FFFE

    @inline(__always)
    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        let mask = byte < 64 ? asciiWordLow : asciiWordHigh
        return (mask >> UInt64(byte & 63)) & 1 != 0
    }

    /// Han, kana and hangul: scripts written without spaces between words (Korean has spaces, but its
    /// syllables still pair well).
    @inline(__always)
    static func isCJK(_ value: UInt32) -> Bool {
        switch value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x323AF: true  // Han
        case 0x3041...0x3096, 0x309D...0x309F, 0x30A1...0x30FA, 0x30FC...0x30FF, 0x31F0...0x31FF: true  // kana
        case 0xAC00...0xD7A3, 0x1100...0x11FF, 0x3131...0x318E: true  // hangul
        default: false
        }
    }

    /// Letters, digits and marks of the other scripts: the parts of a word.
    private static func isWordCharacter(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
