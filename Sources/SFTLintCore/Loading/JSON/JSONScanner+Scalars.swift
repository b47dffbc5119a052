extension JSONScanner {
    /// Scans a number by the RFC 8259 grammar: no `+`, no leading zeros, digits on both sides of `.`.
    mutating func scanNumber() throws(JSONSyntaxError) {
        let start = position
        let count = input.count
        var index = start
        if input[index] == UInt8(ascii: "-") {
            index += 1
        }
        guard index < count, isDigit(input[index]) else { throw invalidNumber("expected a digit after '-'", at: index) }
        if input[index] == UInt8(ascii: "0") {
            index += 1
            if index < count, isDigit(input[index]) {
                throw invalidNumber("unexpected digit after leading '0'", at: index)
            }
        } else {
            index = digitsEnd(from: index)
        }
        if index < count, input[index] == UInt8(ascii: ".") {
            index += 1
            guard index < count, isDigit(input[index]) else {
                throw invalidNumber("expected a digit after '.'", at: index)
            }
            index = digitsEnd(from: index)
        }
        if index < count, input[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < count, input[index] == UInt8(ascii: "+") || input[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < count, isDigit(input[index]) else {
                throw invalidNumber("expected a digit in the exponent", at: index)
            }
            index = digitsEnd(from: index)
        }
        position = index
        appendNode(.number, start: start, end: index)
    }

    /// Scans `true`, `false` or `null`, whose first letter is at `position`.
    mutating func scanLiteral(_ word: StaticString, kind: JSONKind) throws(JSONSyntaxError) {
        let start = position
        let letters = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for letter in letters {
            guard position < input.count, input[position] == letter else {
                throw unexpected(expecting: "'\(word)'", prefix: "invalid literal: ")
            }
            position += 1
        }
        appendNode(kind, start: start, end: position)
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    @inline(__always)
    private func digitsEnd(from start: Int) -> Int {
        var index = start
        while index < input.count, isDigit(input[index]) {
            index += 1
        }
        return index
    }

    private func invalidNumber(_ problem: String, at offset: Int) -> JSONSyntaxError {
        JSONSyntaxError(
            message: "invalid number: \(problem)", offset: offset, isInvalidUTF8: describe(at: offset).isInvalidUTF8)
    }
}
