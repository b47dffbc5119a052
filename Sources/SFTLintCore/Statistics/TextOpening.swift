/// How a text opens: its first word (a prompt's verb) or its first few words (a response's opening), keyed
/// case-insensitively and with punctuation and spacing ignored, so that "Sure! Here's" and "sure, here's" count
/// as one.
///
/// Words are counted as a reader counts them in any script: a Latin word, a number or a word of another spaced
/// script is one unit, and so is each CJK character. A unit weighs `wordWeight` or `cjkWeight`, and an opening
/// takes units until their weight reaches `limit`.
struct TextOpening {
    /// The hash of the opening's units, lowercased.
    var key: UInt64
    /// Where the opening is in the text's UTF-8 bytes.
    var range: Range<Int>
    /// Whether more words follow: a response that is only its opening ("Positive") opens nothing.
    var continues: Bool

    /// The first 5 words or 8 CJK characters (a word weighs 8, a CJK character 5, up to 40).
    static func response(_ bytes: UnsafeBufferPointer<UInt8>) -> TextOpening? {
        read(bytes, wordWeight: 8, cjkWeight: 5, limit: 40)
    }

    /// The first word, or the first two CJK characters: Chinese verbs (写, 解释, 列出, 生成) are mostly one or two.
    static func firstWord(_ bytes: UnsafeBufferPointer<UInt8>) -> TextOpening? {
        read(bytes, wordWeight: 2, cjkWeight: 1, limit: 2)
    }

    /// Reads units until their weight reaches `limit`. A unit past the limit is only found, not read: it tells
    /// that more words follow.
    private static func read(
        _ bytes: UnsafeBufferPointer<UInt8>, wordWeight: Int, cjkWeight: Int, limit: Int
    ) -> TextOpening? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var key: UInt64 = 0
        var start: Int?
        var end = 0
        var weight = 0
        var continues = false
        var i = 0
        while i < count {
            let unitStart = i
            let unitHash: UInt64
            let unitWeight: Int
            let byte = base[i]
            if byte < 0x80 {
                let kind = ASCIIKind.of(byte)
                guard kind == ASCIIKind.letter || kind == ASCIIKind.digit else {
                    i += 1
                    continue
                }
                if weight >= limit {
                    continues = true
                    break
                }
                i += 1
                if kind == ASCIIKind.letter {
                    i = letterRunEnd(base, from: i, count: count)
                } else {
                    while i < count && base[i] &- UInt8(ascii: "0") < 10 { i += 1 }
                }
                unitHash = Self.wordHash(base, unitStart..<i, count: count, fold: kind == ASCIIKind.letter ? 0x20 : 0)
                unitWeight = wordWeight
            } else {
                let (value, length) = UTF8Scan.scalar(in: bytes, at: i)
                i += length
                guard let script = Script.ofLetter(value) else { continue }
                if weight >= limit {
                    continues = true
                    break
                }
                if script.isCJK {
                    unitWeight = cjkWeight
                } else {
                    while i < count && base[i] >= 0x80 {
                        let (next, nextLength) = UTF8Scan.scalar(in: bytes, at: i)
                        guard let nextScript = Script.ofLetter(next), !nextScript.isCJK else { break }
                        i += nextLength
                    }
                    unitWeight = wordWeight
                }
                unitHash = Self.wordHash(base, unitStart..<i, count: count, fold: 0)
            }
            key = Hash64.combine(key, unitHash)
            start = start ?? unitStart
            end = i
            weight += unitWeight
        }
        guard let start else { return nil }
        return TextOpening(key: key, range: start..<end, continues: continues)
    }

    /// `TokenEstimate.wordHash` of the unit at `range` of the `count` bytes at `base`, from one 8-byte load
    /// (`shortWordHash`) when the unit has at most 8 bytes and 8 can be read there, as most words do.
    @inline(__always)
    static func wordHash(_ base: UnsafePointer<UInt8>, _ range: Range<Int>, count: Int, fold: UInt8) -> UInt64 {
        let length = range.count
        guard length > 0, length <= 8, range.lowerBound + 8 <= count else {
            return TokenEstimate.wordHash(base + range.lowerBound, length, fold: fold)
        }
        let chunk = UnsafeRawPointer(base + range.lowerBound).loadUnaligned(as: UInt64.self)
        return TokenEstimate.shortWordHash(chunk | UInt64(fold) &* 0x0101_0101_0101_0101, length)
    }

    /// Where the run of ASCII letters going on at `i` ends, eight bytes at a time: an apostrophe between two
    /// letters ("here's") is part of it, as a reader counts words.
    @inline(__always)
    private static func letterRunEnd(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        var i = start
        while true {
            while i + 8 <= count {
                let others = ASCIIKind.nonLetterBytes(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                if others != 0 {
                    i += others.trailingZeroBitCount >> 3
                    break
                }
                i += 8
            }
            while i < count && base[i].isASCIILetter { i += 1 }
            guard i + 1 < count && base[i] == UInt8(ascii: "'") && base[i + 1].isASCIILetter else {
                return i
            }
            i += 2
        }
    }

    /// The opening's bytes in the text's.
    func bytes(in text: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: text[range])
    }

    /// An opening's bytes for display: runs of whitespace made one space, ASCII letters lowercased if asked.
    static func display(_ bytes: UnsafeBufferPointer<UInt8>, lowercased: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var wasSpace = false
        for byte in bytes {
            let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
            if isSpace {
                if !wasSpace { out.append(0x20) }
            } else {
                out.append(lowercased && byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte)
            }
            wasSpace = isSpace
        }
        return String(decoding: out, as: UTF8.self)
    }
}
