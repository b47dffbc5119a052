extension JSONScanner {
    /// Scans the string literal whose opening quote is at `position`, appending its node.
    ///
    /// Runs of plain ASCII, nearly all of an SFT record, are skipped a vector at a time (`UTF8Scan.firstOffset`);
    /// runs of CJK characters are checked three bytes at a time.
    mutating func scanString() throws(JSONSyntaxError) {
        let start = position
        let count = input.count
        var hasEscapes = false
        var index = start + 1
        while true {
            index = UTF8Scan.firstOffset(StringSpecials.self, in: input, from: index)
            guard index < count else {
                throw JSONSyntaxError(message: "unterminated string", offset: count)
            }
            let byte = input[index]
            switch byte {
            case UInt8(ascii: "\""):
                position = index + 1
                appendNode(.string, start: start, end: position, hasEscapes: hasEscapes)
                return
            case UInt8(ascii: "\\"):
                hasEscapes = true
                index += try scanEscape(at: index)
            case 0xE1...0xEC, 0xEE...0xEF:
                // Chinese and Japanese text: three-byte characters whose second byte may be any continuation byte.
                while index + 3 <= count,
                    Self.isPlainThreeByteCharacter(input[index], input[index + 1], input[index + 2])
                {
                    index += 3
                }
                if index < count, input[index] >= 0x80 {
                    scanNonASCII(at: &index)
                }
            case 0x80...:
                scanNonASCII(at: &index)
            case ..<0x20:
                throw JSONSyntaxError(
                    message: "unescaped control character U+\(Self.hex(byte, digits: 4)) in string", offset: index)
            default:
                index += 1
            }
        }
    }

    /// Checks the UTF-8 sequence at `index` (one the fast paths didn't take), noting it when invalid.
    private mutating func scanNonASCII(at index: inout Int) {
        let sequence = UTF8Sequence(in: input, at: index, end: input.count)
        if !sequence.isValid {
            issues.append(.invalidUTF8(offset: index, byte: input[index]))
            hasInvalidUTF8InStrings = true
        }
        index += sequence.length
    }

    /// Whether three bytes are a valid UTF-8 character led by E1–EC or EE–EF, whose second byte, unlike after E0
    /// and ED, may be any continuation byte (The Unicode Standard, table 3-7).
    @inline(__always)
    private static func isPlainThreeByteCharacter(_ lead: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
        (lead &- 0xE1 <= 0xEC - 0xE1 || lead &- 0xEE <= 1) && second & 0xC0 == 0x80 && third & 0xC0 == 0x80
    }

    /// The bytes that end a run of plain string content: a quote, a backslash, a control character (none of the top
    /// three bits set) or a non-ASCII byte.
    enum StringSpecials: ByteClass {
        @inline(__always)
        static func matches(_ bytes: SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>> {
            bytes.lanes(equalTo: UInt8(ascii: "\"")) .| bytes.lanes(equalTo: UInt8(ascii: "\\"))
                .| (bytes .< SIMD16(repeating: 0x20)) .| (bytes .>= SIMD16(repeating: 0x80))
        }

        @inline(__always)
        static func contains(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80
        }
    }

    /// Checks the escape whose backslash is at `offset` and returns its length.
    private mutating func scanEscape(at offset: Int) throws(JSONSyntaxError) -> Int {
        guard let escape = JSONEscape.read(in: input, at: offset, end: input.count) else {
            throw malformedEscape(at: offset)
        }
        if case .unpairedSurrogate(let unit) = escape.meaning {
            issues.append(.unpairedSurrogate(offset: offset, codeUnit: unit))
        }
        return escape.length
    }

    /// Says what is wrong with the escape at `offset`, which `JSONEscape.read` rejected.
    private func malformedEscape(at offset: Int) -> JSONSyntaxError {
        let count = input.count
        guard offset + 1 < count else { return JSONSyntaxError(message: "unterminated string", offset: count) }
        let letter = input[offset + 1]
        guard letter == UInt8(ascii: "u") else {
            let message =
                (0x20...0x7E).contains(letter)
                ? "invalid escape '\\\(Character(Unicode.Scalar(letter)))'"
                : "invalid escape: '\\' followed by \(describe(at: offset + 1).text)"
            return JSONSyntaxError(message: message, offset: offset + 1)
        }
        var digit = offset + 2
        while digit < count, JSONEscape.hexValue(input[digit]) != nil {
            digit += 1
        }
        guard digit < count else { return JSONSyntaxError(message: "unterminated string", offset: count) }
        return JSONSyntaxError(
            message: "invalid escape '\\u': expected 4 hex digits, found \(describe(at: digit).text)", offset: digit)
    }
}
