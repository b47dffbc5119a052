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

    private static func read(
        _ bytes: UnsafeBufferPointer<UInt8>, wordWeight: Int, cjkWeight: Int, limit: Int
    ) -> TextOpening? {
        guard let base = bytes.baseAddress else { return nil }
        var key: UInt64 = 0
        var start: Int?
        var end = 0
        var weight = 0
        var i = 0
        while i < bytes.count {
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
                i += 1
                while i < bytes.count && base[i] < 0x80 {
                    if ASCIIKind.of(base[i]) == kind {
                        i += 1
                    } else if kind == ASCIIKind.letter && base[i] == UInt8(ascii: "'") && i + 1 < bytes.count
                        && ASCIIKind.of(base[i + 1]) == kind
                    {
                        // "here's" is one word, as a reader counts it.
                        i += 2
                    } else {
                        break
                    }
                }
                unitHash = TokenEstimate.wordHash(base + unitStart, i - unitStart, fold: kind == ASCIIKind.letter ? 0x20 : 0)
                unitWeight = wordWeight
            } else {
                let (value, length) = UTF8Scan.scalar(in: bytes, at: i)
                i += length
                guard let script = Script.ofLetter(value) else { continue }
                if script.isCJK {
                    unitWeight = cjkWeight
                } else {
                    while i < bytes.count && base[i] >= 0x80 {
                        let (next, nextLength) = UTF8Scan.scalar(in: bytes, at: i)
                        guard let nextScript = Script.ofLetter(next), !nextScript.isCJK else { break }
                        i += nextLength
                    }
                    unitWeight = wordWeight
                }
                unitHash = TokenEstimate.wordHash(base + unitStart, i - unitStart, fold: 0)
            }
            if weight >= limit {
                return TextOpening(key: key, range: (start ?? 0)..<end, continues: true)
            }
            key = Hash64.combine(key, unitHash)
            start = start ?? unitStart
            end = i
            weight += unitWeight
        }
        guard let start else { return nil }
        return TextOpening(key: key, range: start..<end, continues: false)
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
