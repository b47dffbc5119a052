/// Small reads of UTF-8 text by byte offset, for rules that look at one end of a text without decoding all of it.
enum TextBytes {
    /// ASCII spaces, tabs and line breaks, and the Unicode spaces that pad responses (no-break, ideographic).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{A0}", "\u{3000}", "\u{200B}", "\u{FEFF}": true
        default: false
        }
    }

    /// The offset after the last byte of `bytes[..<end]` that isn't a space.
    static func trimmedEnd(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> Int {
        var end = end
        while end > 0 {
            let (scalar, start) = scalar(before: end, in: bytes)
            guard isSpace(scalar) else { break }
            end = start
        }
        return end
    }

    /// The offset of the first byte of `bytes[start...]` that isn't a space.
    static func trimmedStart(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var start = start
        while start < bytes.count {
            let (scalar, next) = scalar(at: start, in: bytes)
            guard isSpace(scalar) else { break }
            start = next
        }
        return start
    }

    /// The scalar ending at `end` and its first byte's offset; `end` must be on a scalar boundary and above 0.
    static func scalar(before end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Unicode.Scalar, start: Int) {
        var start = end - 1
        while start > 0, end - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return (scalar(at: start, in: bytes).0, start)
    }

    /// The scalar starting at `start` and the offset after it, as `UTF8Scan` decodes it (texts are valid UTF-8;
    /// a cut scalar reads as U+FFFD, one byte at a time).
    static func scalar(at start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Unicode.Scalar, next: Int) {
        let (value, length) = UTF8Scan.scalar(in: bytes, at: start)
        return (Unicode.Scalar(value) ?? "\u{FFFD}", start + length)
    }

    /// Whether `bytes[start..<end]` equals `expected`.
    static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ expected: [UInt8]) -> Bool {
        end - start == expected.count && PhraseSet.bytes(bytes, at: start, equal: expected)
    }
}
