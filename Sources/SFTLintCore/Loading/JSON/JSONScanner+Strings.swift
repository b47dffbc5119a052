extension JSONScanner {
    /// Scans the string literal whose opening quote is at `position`, appending its node.
    ///
    /// Runs of plain ASCII are skipped eight bytes at a time: they are nearly all of an SFT record.
    mutating func scanString() throws(JSONSyntaxError) {
        let start = position
        let count = input.count
        var hasEscapes = false
        var index = start + 1
        while true {
            if let base = input.baseAddress {
                while index + 8 <= count {
                    let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                    let special = Self.specialBytes(in: word)
                    guard special == 0 else {
                        index += special.trailingZeroBitCount >> 3
                        break
                    }
                    index += 8
                }
            }
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
            case 0x80...:
                let sequence = UTF8Sequence(in: input, at: index, end: count)
                if !sequence.isValid {
                    issues.append(.invalidUTF8(offset: index, byte: byte))
                    hasInvalidUTF8InStrings = true
                }
                index += sequence.length
            case ..<0x20:
                throw JSONSyntaxError(
                    message: "unescaped control character U+\(Self.hex(byte, digits: 4)) in string", offset: index)
            default:
                index += 1
            }
        }
    }

    /// A word with the high bit set in each byte that is a quote, a backslash, a control character or non-ASCII.
    ///
    /// Exact for the lowest flagged byte, which is all the caller uses: a false flag can only follow a true one.
    @inline(__always)
    private static func specialBytes(in word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quotes = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
        let backslashes = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        let isQuote = (quotes &- ones) & ~quotes
        let isBackslash = (backslashes &- ones) & ~backslashes
        let isControl = (word &- ones &* 0x20) & ~word
        return (isQuote | isBackslash | isControl | word) & (ones &* 0x80)
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
