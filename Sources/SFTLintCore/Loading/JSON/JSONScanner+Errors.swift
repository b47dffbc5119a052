extension JSONScanner {
    /// The error for a byte at `position` (or the end of input) that isn't what the grammar allows there.
    func unexpected(expecting expectation: String, prefix: String = "") -> JSONSyntaxError {
        let found = describe(at: position)
        return JSONSyntaxError(
            message: "\(prefix)expected \(expectation), found \(found.text)", offset: position,
            isInvalidUTF8: found.isInvalidUTF8)
    }

    /// The error for a byte at `position` that should not be there at all.
    func unexpected(after context: String) -> JSONSyntaxError {
        let found = describe(at: position)
        return JSONSyntaxError(
            message: "unexpected \(found.text) after \(context)", offset: position, isInvalidUTF8: found.isInvalidUTF8)
    }

    func unexpectedAfterMember(isObject: Bool) -> JSONSyntaxError {
        unexpected(expecting: isObject ? "',' or '}' after object member" : "',' or ']' after array element")
    }

    /// How a message names the input at `offset`: `'x'`, `byte 0x00`, `U+FEFF` or `end of input`; and whether it
    /// is a byte that isn't UTF-8, which makes the error an encoding problem rather than a JSON one.
    func describe(at offset: Int) -> (text: String, isInvalidUTF8: Bool) {
        guard offset < input.count else { return ("end of input", false) }
        let byte = input[offset]
        if (0x20...0x7E).contains(byte) {
            return ("'\(Character(Unicode.Scalar(byte)))'", false)
        }
        if byte >= 0x80 {
            let sequence = UTF8Sequence(in: input, at: offset, end: input.count)
            if sequence.isValid {
                let character = UnsafeBufferPointer(rebasing: input[offset..<offset + sequence.length])
                let scalar = String(decoding: character, as: UTF8.self).unicodeScalars.first?.value ?? 0xFFFD
                return ("U+\(Self.hex(scalar, digits: 4))", false)
            }
            return ("byte 0x\(Self.hex(byte, digits: 2))", true)
        }
        return ("byte 0x\(Self.hex(byte, digits: 2))", false)
    }

    /// Uppercase hex of `value`, zero-padded to at least `digits` digits.
    static func hex(_ value: some BinaryInteger, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
