extension WordCount {
    /// Words and CJK characters of UTF-8 `bytes`, counted as `of(_:)` counts them, and where the first one
    /// starts; the count stops once the weight (2 a word, 1 a CJK character, so 2 words weigh as 4 characters)
    /// reaches `limit`. Length rules only need to know whether a text is short: most are known not to be after a
    /// few bytes.
    public static func tally(_ bytes: UnsafeBufferPointer<UInt8>, upTo limit: Int = .max) -> (
        words: Int, characters: Int, start: Int?
    ) {
        var words = 0
        var characters = 0
        var start: Int?
        var inWord = false
        var i = 0
        while i < bytes.count && 2 * words + characters < limit {
            let byte = bytes[i]
            if byte < 0x80 {
                let folded = byte | 0x20
                if (folded >= UInt8(ascii: "a") && folded <= UInt8(ascii: "z"))
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                {
                    if !inWord {
                        words += 1
                        start = start ?? i
                    }
                    inWord = true
                } else if byte != UInt8(ascii: "'") && byte != UInt8(ascii: "-") {
                    inWord = false
                }
                i += 1
                continue
            }
            let (value, length) = UTF8Scan.scalar(in: bytes, at: i)
            if let script = Script.ofLetter(value), script.isCJK {
                characters += 1
                start = start ?? i
                inWord = false
            } else if let scalar = Unicode.Scalar(value),
                scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            {
                if !inWord {
                    words += 1
                    start = start ?? i
                }
                inWord = true
            } else if value != 0x2019 {
                inWord = false
            }
            i += length
        }
        return (words, characters, start)
    }

    /// A lower bound of `tally`'s weight, from ASCII words and CJK ideographs alone (2 and 1), up to `limit`.
    /// Byte comparisons only, so that the common case costs no Unicode lookups and, calling nothing opaque, no
    /// reference counting where it is called.
    public static func quickWeight(_ bytes: UnsafeBufferPointer<UInt8>, upTo limit: Int) -> Int {
        var weight = 0
        var inWord = false
        var i = 0
        while i < bytes.count && weight < limit {
            let byte = bytes[i]
            let folded = byte | 0x20
            if (folded >= UInt8(ascii: "a") && folded <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            {
                if !inWord { weight += 2 }
                inWord = true
            } else if byte &- 0xE4 <= 5 {
                weight += 1
                inWord = false
                i += 2
            } else if byte != UInt8(ascii: "'") && byte != UInt8(ascii: "-") && byte < 0x80 {
                inWord = false
            }
            i += 1
        }
        return weight
    }
}
