import Foundation

/// Normalises text the way the duplicate rules compare it: Unicode NFKC, case folding, every run of whitespace
/// collapsed to one space, and none at either end.
///
/// English, Chinese, Japanese, Korean, basic Greek and Cyrillic take a fast path, byte by byte. Text with any
/// other non-ASCII character goes through Foundation's NFKC and case folding first: correct for every script,
/// but about a hundred times slower.
enum TextNormalizer {
    /// Appends the normalised UTF-8 of `text` to `out`.
    static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        let isDone = text.withUTF8 { appendFast($0, to: &out, isFolded: false) }
        guard !isDone else { return }
        var folded = text.precomposedStringWithCompatibilityMapping.folding(options: .caseInsensitive, locale: nil)
        _ = folded.withUTF8 { appendFast($0, to: &out, isFolded: true) }
    }

    /// The normalised form of `text`, as a string (for tests and messages).
    static func normalize(_ text: String) -> String {
        var out: [UInt8] = []
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// What the fast path does with one character.
    enum Treatment: Equatable {
        case whitespace
        /// Already normalised: copied as is.
        case keep
        /// Replaced by another character.
        case replace(Unicode.Scalar)
        /// Needs Foundation: its normalisation depends on tables the fast path doesn't have, or on its neighbours.
        case slow
    }

    /// How the fast path treats a non-ASCII scalar. `isFolded` says the text has been through Foundation already.
    static func treatment(of value: UInt32, isFolded: Bool) -> Treatment {
        switch value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return .whitespace
        case _ where isFolded:
            return .keep
        // Fullwidth ASCII, common in Chinese punctuation (，？！：): NFKC makes it ASCII; letters then fold.
        case 0xFF01...0xFF5E:
            let ascii = value - 0xFEE0
            let folded = (0x41...0x5A).contains(ascii) ? ascii + 0x20 : ascii
            return .replace(Unicode.Scalar(UInt8(folded)))
        // CJK ideographs, kana, hangul syllables and the CJK punctuation in everyday use: no compatibility
        // mapping and no case. A lone combining mark (kana voicing, hangul jamo) is not here: it composes.
        case 0x3001...0x3002, 0x3005...0x3007, 0x3008...0x3011, 0x3014...0x301B, 0x3041...0x3096, 0x309D...0x309E,
            0x30A1...0x30FA, 0x30FC...0x30FE, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3:
            return .keep
        // Dashes and curly quotes.
        case 0x2010, 0x2013...0x2014, 0x2018...0x2019, 0x201C...0x201D:
            return .keep
        // Latin-1 letters: lowercase kept, uppercase folded (ß folds to "ss" and is left to Foundation).
        case 0xE0...0xFF:
            return .keep
        case 0xC0...0xD6, 0xD8...0xDE:
            return .replace(scalar(value + 0x20))
        case 0xD7:
            return .keep
        // Basic Greek (final sigma folds to sigma) and Cyrillic.
        case 0x391...0x3A1, 0x3A3...0x3A9:
            return .replace(scalar(value + 0x20))
        case 0x3B1...0x3C1, 0x3C3...0x3C9:
            return .keep
        case 0x3C2:
            return .replace(scalar(0x3C3))
        case 0x410...0x42F:
            return .replace(scalar(value + 0x20))
        case 0x430...0x44F:
            return .keep
        default:
            return .slow
        }
    }

    // MARK: - Fast path

    /// Normalises UTF-8 into `out`; false, writing nothing, when a character needs Foundation.
    ///
    /// Writes through a buffer sized to the input: no replacement is longer than what it replaces, and
    /// collapsing whitespace only shortens. Positions and flags are plain locals, which the compiler keeps in
    /// registers: this loop sees every byte of every sample.
    private static func appendFast(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], isFolded: Bool) -> Bool {
        var isDone = true
        let normalized = [UInt8](unsafeUninitializedCapacity: bytes.count) { target, written in
            written = 0
            guard let source = bytes.baseAddress, let destination = target.baseAddress else { return }
            var w = 0
            var isSpacePending = false
            var i = 0
            let count = bytes.count
            while i < count {
                // Eight bytes of plain ASCII at once: no control character, no two spaces in a row, no leading
                // space. Output never runs ahead of input, so the eight bytes fit.
                if !isSpacePending, i + 8 <= count,
                    let block = asciiBlock(
                        UInt64(littleEndian: UnsafeRawPointer(source + i).loadUnaligned(as: UInt64.self)),
                        isAtStart: w == 0)
                {
                    UnsafeMutableRawPointer(destination + w).storeBytes(
                        of: block.lowercased.littleEndian, as: UInt64.self)
                    // A space ending the block stays pending: what follows decides whether it is written.
                    w += block.isEndingInSpace ? 7 : 8
                    isSpacePending = block.isEndingInSpace
                    i += 8
                    continue
                }
                let byte = bytes[i]
                if byte < 0x80 {
                    i += 1
                    // Plain comparisons: range `contains` is generic, and costly in debug builds on a 100 MB line.
                    if byte <= 0x20, byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                        isSpacePending = w > 0
                        continue
                    }
                    if isSpacePending {
                        target[w] = 0x20
                        w += 1
                        isSpacePending = false
                    }
                    // A–Z to a–z without a branch.
                    target[w] = byte | (byte &- 0x41 < 26 ? 0x20 : 0)
                    w += 1
                    continue
                }
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                let value = decode(bytes, at: i, length: length)
                let treatment = treatment(of: value, isFolded: isFolded)
                if treatment == .slow {
                    isDone = false
                    break
                }
                if treatment == .whitespace {
                    isSpacePending = w > 0
                    i += length
                    continue
                }
                if isSpacePending {
                    target[w] = 0x20
                    w += 1
                    isSpacePending = false
                }
                if case .replace(let replacement) = treatment {
                    for unit in replacement.utf8 {
                        target[w] = unit
                        w += 1
                    }
                } else {
                    for k in i..<min(i + length, count) {
                        target[w] = bytes[k]
                        w += 1
                    }
                }
                i += length
            }
            written = w
        }
        if isDone { out.append(contentsOf: normalized) }
        return isDone
    }

    /// Eight bytes (little-endian) lowercased, when they can be copied as they are: all ASCII, no control
    /// character or whitespace but single spaces, and no space first at the start of the text. SWAR arithmetic:
    /// every byte is below 0x80, so no sum carries into the next byte.
    @inline(__always)
    static func asciiBlock(_ v: UInt64, isAtStart: Bool) -> (lowercased: UInt64, isEndingInSpace: Bool)? {
        let high: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        guard v & high == 0, (v &- 0x20 &* ones) & ~v & high == 0 else { return nil }
        let t = v ^ (0x20 &* ones)
        let spaces = ~(((t & ~high) &+ ~high) | t) & high
        guard spaces & (spaces << 8) == 0, !(isAtStart && spaces & 0x80 != 0) else { return nil }
        let upper = (v &+ (0x3F &* ones)) & ~(v &+ (0x25 &* ones)) & high
        return (v | upper >> 2, spaces >> 63 != 0)
    }

    /// The scalar value of the UTF-8 sequence at `i` (Swift strings are always valid UTF-8).
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, length: Int) -> UInt32 {
        guard i + length <= bytes.count else { return 0xFFFD }
        switch length {
        case 2: return UInt32(bytes[i] & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
        case 3: return UInt32(bytes[i] & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
        default:
            return UInt32(bytes[i] & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                | UInt32(bytes[i + 3] & 0x3F)
        }
    }

    private static func scalar(_ value: UInt32) -> Unicode.Scalar {
        Unicode.Scalar(value) ?? "\u{FFFD}"
    }
}
