/// The meaning of one backslash escape in a string literal, shared by the parser and by decoding.
enum JSONEscape {
    /// What an escape stands for.
    enum Meaning {
        case scalar(Unicode.Scalar)
        /// A `\uD800`-style escape without its partner: no scalar, so decoding gives U+FFFD.
        case unpairedSurrogate(UInt16)
    }

    /// Reads the escape whose backslash is at `offset`, looking no further than `end`; nil when it is malformed.
    ///
    /// A high surrogate followed by a low one reads as one escape, so that the pair decodes to one scalar.
    @inline(__always)
    static func read(
        in bytes: UnsafeBufferPointer<UInt8>, at offset: Int, end: Int
    ) -> (meaning: Meaning, length: Int)? {
        guard offset + 1 < end else { return nil }
        let scalar: Unicode.Scalar
        switch bytes[offset + 1] {
        case UInt8(ascii: "\""): scalar = "\""
        case UInt8(ascii: "\\"): scalar = "\\"
        case UInt8(ascii: "/"): scalar = "/"
        case UInt8(ascii: "b"): scalar = "\u{08}"
        case UInt8(ascii: "f"): scalar = "\u{0C}"
        case UInt8(ascii: "n"): scalar = "\n"
        case UInt8(ascii: "r"): scalar = "\r"
        case UInt8(ascii: "t"): scalar = "\t"
        case UInt8(ascii: "u"): return readUnicode(in: bytes, at: offset, end: end)
        default: return nil
        }
        return (.scalar(scalar), 2)
    }

    /// The value of the four hex digits at `offset`, nil unless all four are there.
    static func codeUnit(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int, end: Int) -> UInt16? {
        guard offset + 4 <= end else { return nil }
        var unit: UInt16 = 0
        for position in offset..<offset + 4 {
            guard let digit = hexValue(bytes[position]) else { return nil }
            unit = unit << 4 | digit
        }
        return unit
    }

    static func hexValue(_ byte: UInt8) -> UInt16? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt16(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt16(byte - UInt8(ascii: "A") + 10)
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt16(byte - UInt8(ascii: "a") + 10)
        default: nil
        }
    }

    private static func readUnicode(
        in bytes: UnsafeBufferPointer<UInt8>, at offset: Int, end: Int
    ) -> (meaning: Meaning, length: Int)? {
        guard let unit = codeUnit(in: bytes, at: offset + 2, end: end) else { return nil }
        switch unit {
        case 0xD800...0xDBFF:
            guard offset + 12 <= end, bytes[offset + 6] == UInt8(ascii: "\\"), bytes[offset + 7] == UInt8(ascii: "u"),
                let low = codeUnit(in: bytes, at: offset + 8, end: end), (0xDC00...0xDFFF).contains(low)
            else { return (.unpairedSurrogate(unit), 6) }
            let value = 0x10000 + (UInt32(unit - 0xD800) << 10 | UInt32(low - 0xDC00))
            return (.scalar(Unicode.Scalar(value) ?? "\u{FFFD}"), 12)
        case 0xDC00...0xDFFF:
            return (.unpairedSurrogate(unit), 6)
        default:
            return (.scalar(Unicode.Scalar(unit) ?? "\u{FFFD}"), 6)
        }
    }
}
