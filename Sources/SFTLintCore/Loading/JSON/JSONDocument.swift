/// One parsed JSON value laid out flat: a node per value, each container followed by its children.
///
/// Offsets are relative to the first byte of `bytes`, so that a record's positions don't depend on where its
/// batch buffer starts. Objects hold `count` members, each a key node (a string) followed by its value node.
public struct JSONDocument: Sendable {
    /// The record's bytes; shares storage with the batch it was framed from.
    public let bytes: ArraySlice<UInt8>
    public let nodes: [JSONNode]

    /// The index of the document's top-level value.
    public static let root = 0

    public init(bytes: ArraySlice<UInt8>, nodes: [JSONNode]) {
        self.bytes = bytes
        self.nodes = nodes
    }

    public func kind(_ node: Int) -> JSONKind { nodes[node].kind }

    /// Offset of the value's first byte (the opening quote of a string).
    public func offset(_ node: Int) -> Int { Int(nodes[node].start) }

    /// Number of members of an object or elements of an array; 0 for scalars.
    public func count(_ node: Int) -> Int { Int(nodes[node].count) }

    /// An object's members in document order, as (key node, value node).
    public func members(of node: Int) -> JSONMembers { JSONMembers(nodes: nodes, parent: node) }

    /// An array's elements in document order.
    public func elements(of node: Int) -> JSONElements { JSONElements(nodes: nodes, parent: node) }

    /// The value of the member named `key`, the last one if the key repeats (as most JSON readers do).
    public func member(of node: Int, named key: String) -> Int? {
        guard kind(node) == .object else { return nil }
        var key = key
        return key.withUTF8 { wanted in
            bytes.withUnsafeBufferPointer { input in
                // Raw bytes equal decoded ones unless escapes or invalid UTF-8 (which decodes to U+FFFD, EF BF BD)
                // are involved. Tested on the key's bytes: a scan of its scalars cost more than the lookup itself.
                let mayMatchReplacement = wanted.contains(0xEF)
                var found: Int?
                for member in members(of: node) {
                    let literal = nodes[member.key]
                    let isMatch: Bool
                    if literal.hasEscapes || mayMatchReplacement {
                        var decoder = JSONStringDecoder(bytes: input, literal: literal)
                        isMatch = decoder.decodedUTF8().elementsEqual(wanted)
                    } else if Int(literal.end) - Int(literal.start) != wanted.count + 2 {
                        isMatch = false  // the quotes around a key of another length
                    } else {
                        // Lengths first, then one memcmp: the generic comparison of a slice went byte by byte.
                        isMatch = Self.bytesEqual(Self.rawBody(of: literal, in: input), wanted)
                    }
                    if isMatch {
                        found = member.value
                    }
                }
                return found
            }
        }
    }

    /// A string node's decoded text; invalid UTF-8 and unpaired surrogates become U+FFFD.
    public func string(_ node: Int) -> String {
        guard kind(node) == .string else { return "" }
        let literal = nodes[node]
        guard literal.hasEscapes else { return String(decoding: rawBody(of: literal), as: UTF8.self) }
        return withDecoder(node) { String(decoding: $0.decodedUTF8(), as: UTF8.self) }
    }

    /// Whether a string node's text is empty or only whitespace (Unicode `White_Space`).
    public func isBlank(_ node: Int) -> Bool {
        guard kind(node) == .string else { return false }
        let literal = nodes[node]
        guard !literal.hasEscapes else { return string(node).unicodeScalars.allSatisfy(\.properties.isWhitespace) }
        // Scalar by scalar over the raw bytes, stopping at the first that isn't white space: building the string
        // first cost a whole decode of every text that opens with a non-ASCII character. Invalid UTF-8 decodes to
        // U+FFFD, which isn't white space: a decoding error ends the test the same way.
        let body = rawBody(of: literal)
        // Most texts open with a byte that plainly isn't white space.
        if let first = body.first, first < 0x80, first != UInt8(ascii: " "), !(0x09...0x0D).contains(first) {
            return false
        }
        return body.withUnsafeBufferPointer { body in
            var scalars = body.makeIterator()
            var decoder = UTF8()
            while true {
                switch decoder.decode(&scalars) {
                case .scalarValue(let scalar):
                    if scalar.isASCII {
                        guard scalar == " " || (0x09...0x0D).contains(scalar.value) else { return false }
                    } else if !scalar.properties.isWhitespace {
                        return false
                    }
                case .emptyInput: return true
                case .error: return false
                }
            }
        }
    }

    /// A bool node's value, nil for other kinds.
    public func bool(_ node: Int) -> Bool? {
        guard kind(node) == .bool else { return nil }
        return bytes[bytes.startIndex + offset(node)] == UInt8(ascii: "t")
    }

    /// The offset, in `bytes`, of the raw byte that produced the `utf8Offset`-th byte of a string node's decoded
    /// text; the offset of the closing quote when `utf8Offset` is the text's length.
    public func rawOffset(inString node: Int, decodedUTF8Offset utf8Offset: Int) -> Int {
        guard kind(node) == .string else { return offset(node) }
        return withDecoder(node) { decoder in
            var decoded = 0
            while let piece = decoder.next() {
                switch piece {
                case .verbatim(let range):
                    if utf8Offset < decoded + range.count { return range.lowerBound + max(0, utf8Offset - decoded) }
                    decoded += range.count
                case .scalar(let scalar, let offset):
                    // Every byte an escape produces maps to its backslash.
                    if utf8Offset < decoded + UTF8.width(scalar) { return offset }
                    decoded += UTF8.width(scalar)
                }
            }
            return decoder.end
        }
    }

    /// RFC 6901 JSON Pointer to a node, such as `/conversations/3/value`.
    public func pointer(to node: Int) -> String {
        var pointer = ""
        var current = JSONDocument.root
        while current != node {
            let contains = { (child: Int) in child <= node && node < Int(nodes[child].next) }
            switch kind(current) {
            case .object:
                guard let member = members(of: current).first(where: { contains($0.key) || contains($0.value) }) else {
                    return pointer
                }
                pointer += "/" + Self.escapedReferenceToken(string(member.key))
                // A key node points at its member, like its value does.
                current = member.key == node ? node : member.value
            case .array:
                guard let (index, element) = elements(of: current).enumerated().first(where: { contains($1) }) else {
                    return pointer
                }
                pointer += "/\(index)"
                current = element
            case .string, .number, .bool, .null:
                return pointer
            }
        }
        return pointer
    }

    /// The innermost node whose bytes contain `offset`, for locating an issue found by offset.
    public func node(containing offset: Int) -> Int {
        var current = JSONDocument.root
        var child = current + 1
        // Children follow their parent in offset order, so the first one starting past `offset` ends the search.
        while child < Int(nodes[current].next) {
            let candidate = nodes[child]
            if offset < Int(candidate.start) { break }
            if offset < Int(candidate.end) {
                current = child
                child += 1
            } else {
                child = Int(candidate.next)
            }
        }
        return current
    }
}

/// One value of a `JSONDocument`.
public struct JSONNode: Sendable, Hashable {
    public var kind: JSONKind
    /// For strings: whether the literal holds a backslash escape (so decoding is more than a copy).
    public var hasEscapes: Bool
    /// Offset of the value's first byte.
    public var start: UInt32
    /// Offset one past the value's last byte.
    public var end: UInt32
    /// Members of an object or elements of an array; 0 for scalars.
    public var count: UInt32
    /// Index of the first node after this value and all its descendants.
    public var next: UInt32

    public init(kind: JSONKind, hasEscapes: Bool, start: UInt32, end: UInt32, count: UInt32, next: UInt32) {
        self.kind = kind
        self.hasEscapes = hasEscapes
        self.start = start
        self.end = end
        self.count = count
        self.next = next
    }
}

/// An object's members, without allocating.
public struct JSONMembers: Sequence, Sendable {
    let nodes: [JSONNode]
    let parent: Int

    public func makeIterator() -> Iterator { Iterator(nodes: nodes, upcoming: parent + 1, remaining: Int(nodes[parent].count)) }

    public struct Iterator: IteratorProtocol {
        let nodes: [JSONNode]
        var upcoming: Int
        var remaining: Int

        public mutating func next() -> (key: Int, value: Int)? {
            guard remaining > 0 else { return nil }
            remaining -= 1
            let key = upcoming
            let value = key + 1
            upcoming = Int(nodes[value].next)
            return (key, value)
        }
    }
}

/// An array's elements, without allocating.
public struct JSONElements: Sequence, Sendable {
    let nodes: [JSONNode]
    let parent: Int

    public func makeIterator() -> Iterator { Iterator(nodes: nodes, upcoming: parent + 1, remaining: Int(nodes[parent].count)) }

    public struct Iterator: IteratorProtocol {
        let nodes: [JSONNode]
        var upcoming: Int
        var remaining: Int

        public mutating func next() -> Int? {
            guard remaining > 0 else { return nil }
            remaining -= 1
            let element = upcoming
            upcoming = Int(nodes[element].next)
            return element
        }
    }
}
