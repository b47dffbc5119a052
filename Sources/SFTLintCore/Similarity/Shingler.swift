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
    static func appendShingles(of text: UnsafeBufferPointer<UInt8>, to out: inout [UInt64]) {
        var wordStart = -1
        // The last token, when it was a CJK character, and whether it had a CJK character before it.
        var lastCJK: UInt32 = 0
        var isLastCJK = false
        var lastHadPredecessor = false
        var i = 0
        let count = text.count

        func endWord(at end: Int) {
            guard wordStart >= 0 else { return }
            out.append(
                Hash64.hash(
                    UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: text[wordStart..<end])), seed: wordSeed))
            wordStart = -1
        }
        func endCJKRun() {
            if isLastCJK, !lastHadPredecessor { out.append(Hash64.mix(UInt64(lastCJK) | unigramTag)) }
            isLastCJK = false
        }
        func continueWord(at i: Int) {
            guard wordStart < 0 else { return }
            endCJKRun()
            wordStart = i
        }

        while i < count {
            let byte = text[i]
            if byte < 0x80 {
                if isASCIIWordByte(byte) {
                    continueWord(at: i)
                } else {
                    endWord(at: i)
                }
                i += 1
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            let value = TextNormalizer.decode(text, at: i, length: length)
            if isCJK(value) {
                endWord(at: i)
                if isLastCJK {
                    out.append(Hash64.mix(UInt64(lastCJK) << 21 | UInt64(value)))
                    lastHadPredecessor = true
                } else {
                    lastHadPredecessor = false
                }
                lastCJK = value
                isLastCJK = true
            } else if isWordCharacter(value) {
                continueWord(at: i)
            } else {
                endWord(at: i)
            }
            i += length
        }
        endWord(at: count)
        endCJKRun()
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

    @inline(__always)
    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
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
