/// Walks the body of a string literal, giving its decoded text in pieces along with the raw offsets behind them.
///
/// One walk serves decoding, key comparison and mapping decoded positions back to raw ones, so that all three
/// agree on what each escape and each invalid byte becomes.
struct JSONStringDecoder: IteratorProtocol {
    /// A stretch of decoded text.
    enum Piece {
        /// Raw bytes that decode to themselves: valid UTF-8 without escapes.
        case verbatim(Range<Int>)
        /// A scalar produced by the escape or the invalid UTF-8 sequence starting at `offset`.
        case scalar(Unicode.Scalar, offset: Int)
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position: Int
    /// Offset of the closing quote.
    let end: Int

    /// Decodes the string literal `node` of `bytes`; a node out of range decodes as empty rather than trapping.
    init(bytes: UnsafeBufferPointer<UInt8>, literal node: JSONNode) {
        self.bytes = bytes
        position = min(Int(node.start) + 1, bytes.count)
        end = max(position, min(Int(node.end) - 1, bytes.count))
    }

    mutating func next() -> Piece? {
        guard position < end else { return nil }
        let start = position
        if bytes[start] == UInt8(ascii: "\\") {
            guard let escape = JSONEscape.read(in: bytes, at: start, end: end) else {
                position += 1
                return .verbatim(start..<position)
            }
            position += escape.length
            switch escape.meaning {
            case .scalar(let scalar): return .scalar(scalar, offset: start)
            case .unpairedSurrogate: return .scalar("\u{FFFD}", offset: start)
            }
        }
        while position < end {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x80 {
                position += 1
                continue
            }
            let sequence = UTF8Sequence(in: bytes, at: position, end: end)
            guard sequence.isValid else {
                if position == start {
                    position += sequence.length
                    return .scalar("\u{FFFD}", offset: start)
                }
                break
            }
            position += sequence.length
        }
        return .verbatim(start..<position)
    }

    /// The whole decoded text as UTF-8.
    mutating func decodedUTF8() -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(end - position)
        while let piece = next() {
            switch piece {
            case .verbatim(let range): text.append(contentsOf: bytes[range])
            case .scalar(let scalar, _): UTF8.encode(scalar) { text.append($0) }
            }
        }
        return text
    }
}
