/// The well-formedness of the UTF-8 sequence that starts at one byte, by the table of The Unicode Standard §3.9.
///
/// Strict on purpose: overlong forms, encoded surrogates and values above U+10FFFF all break tokenizers or get
/// silently rewritten by other tools, so a linter has to see them.
struct UTF8Sequence {
    /// Bytes the sequence covers: the whole character when valid, else the maximal subpart that one U+FFFD
    /// replaces (at least 1), as Swift's own decoding counts them.
    let length: Int
    let isValid: Bool

    /// Reads the sequence starting at `offset` in `bytes`, looking no further than `end`.
    init(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int, end: Int) {
        let lead = bytes[offset]
        guard lead >= 0x80 else {
            self.init(length: 1, isValid: true)
            return
        }
        let continuations: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: continuations = 1
        case 0xE0: continuations = 2; secondRange = 0xA0...0xBF
        case 0xED: continuations = 2; secondRange = 0x80...0x9F
        case 0xE1...0xEF: continuations = 2
        case 0xF0: continuations = 3; secondRange = 0x90...0xBF
        case 0xF4: continuations = 3; secondRange = 0x80...0x8F
        case 0xF1...0xF3: continuations = 3
        default:
            self.init(length: 1, isValid: false)
            return
        }
        var length = 1
        while length <= continuations {
            let position = offset + length
            guard position < end else { break }
            let byte = bytes[position]
            let range = length == 1 ? secondRange : 0x80...0xBF
            guard range.contains(byte) else { break }
            length += 1
        }
        self.init(length: length, isValid: length == continuations + 1)
    }

    private init(length: Int, isValid: Bool) {
        self.length = length
        self.isValid = isValid
    }
}
