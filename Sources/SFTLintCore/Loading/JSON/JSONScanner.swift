/// One run of the parser over one value: the input, the nodes laid out so far and the issues found.
///
/// Containers are parsed with a loop, not recursion. While a container is open, its node's `next` holds the index
/// of the container around it, so the stack of open containers costs no memory of its own.
struct JSONScanner {
    let input: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    var position = 0
    var nodes: [JSONNode] = []
    var issues: [JSONIssue] = []
    /// Set once a string held invalid UTF-8: raw bytes then no longer tell whether two keys decode alike.
    var hasInvalidUTF8InStrings = false
    /// Duplicate keys are found when their object closes, so they may need sorting into document order.
    var hasDuplicateKeys = false

    /// Marks "no container" in the `next` of an open top-level container.
    private static let noContainer = UInt32.max

    init(input: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.input = input
        self.maxDepth = maxDepth
        // Records are mostly long strings: a few dozen nodes cover them, and arrays grow if not.
        nodes.reserveCapacity(min(input.count / 2 + 1, input.count / 64 + 16))
    }

    /// Parses the whole input as one value, leaving its nodes in `nodes`.
    mutating func scanDocument() throws(JSONSyntaxError) {
        skipWhitespace()
        guard position < input.count else { throw JSONSyntaxError(message: "empty input", offset: position) }
        var container = -1
        var isObject = false
        var depth = 0
        var isValueNeeded = true
        var valueExpectation = "a value"
        while true {
            if isValueNeeded {
                guard position < input.count else { throw unexpected(expecting: valueExpectation) }
                let byte = input[position]
                switch byte {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                    guard depth <= maxDepth else {
                        throw JSONSyntaxError(message: "nesting deeper than \(maxDepth) levels", offset: position)
                    }
                    isObject = byte == UInt8(ascii: "{")
                    let parent = container < 0 ? Self.noContainer : UInt32(container)
                    container = nodes.count
                    appendNode(isObject ? .object : .array, start: position, end: position, next: parent)
                    position += 1
                    skipWhitespace()
                    // `}` and `]` are two past `{` and `[` in ASCII.
                    if position < input.count, input[position] == byte + 2 {
                        closeContainer(&container, isObject: &isObject)
                        depth -= 1
                    } else if isObject {
                        try scanKey(in: container, expecting: "a string key or '}'")
                        valueExpectation = "a value"
                        continue
                    } else {
                        nodes[container].count += 1
                        valueExpectation = "a value or ']'"
                        continue
                    }
                case UInt8(ascii: "\""):
                    try scanString()
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    try scanNumber()
                case UInt8(ascii: "t"):
                    try scanLiteral("true", kind: .bool)
                case UInt8(ascii: "f"):
                    try scanLiteral("false", kind: .bool)
                case UInt8(ascii: "n"):
                    try scanLiteral("null", kind: .null)
                default:
                    throw unexpected(expecting: valueExpectation)
                }
                isValueNeeded = false
                valueExpectation = "a value"
                continue
            }
            skipWhitespace()
            guard container >= 0 else {
                guard position == input.count else { throw unexpected(after: "the JSON value") }
                break
            }
            let closing = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
            guard position < input.count else { throw unexpectedAfterMember(isObject: isObject) }
            switch input[position] {
            case UInt8(ascii: ","):
                position += 1
                skipWhitespace()
                if isObject {
                    try scanKey(in: container, expecting: "a string key")
                } else {
                    nodes[container].count += 1
                }
                isValueNeeded = true
            case closing:
                closeContainer(&container, isObject: &isObject)
                depth -= 1
            default:
                throw unexpectedAfterMember(isObject: isObject)
            }
        }
        if hasDuplicateKeys {
            let nodes = nodes
            issues.sort { Self.offset(of: $0, in: nodes) < Self.offset(of: $1, in: nodes) }
        }
    }

    // MARK: - Structure

    @inline(__always)
    mutating func appendNode(_ kind: JSONKind, start: Int, end: Int, hasEscapes: Bool = false, next: UInt32? = nil) {
        let index = UInt32(truncatingIfNeeded: nodes.count)
        nodes.append(
            JSONNode(
                kind: kind, hasEscapes: hasEscapes, start: UInt32(truncatingIfNeeded: start),
                end: UInt32(truncatingIfNeeded: end), count: 0, next: next ?? index + 1))
    }

    /// Scans an object member's key and its colon, leaving `position` at the value.
    private mutating func scanKey(in object: Int, expecting expectation: String) throws(JSONSyntaxError) {
        guard position < input.count, input[position] == UInt8(ascii: "\"") else {
            throw unexpected(expecting: expectation)
        }
        try scanString()
        nodes[object].count += 1
        skipWhitespace()
        guard position < input.count, input[position] == UInt8(ascii: ":") else {
            throw unexpected(expecting: "':' after object key")
        }
        position += 1
        skipWhitespace()
    }

    /// Closes the container at `position`'s bracket and makes its parent the current container.
    private mutating func closeContainer(_ container: inout Int, isObject: inout Bool) {
        position += 1
        let closed = container
        let parent = nodes[closed].next
        nodes[closed].end = UInt32(truncatingIfNeeded: position)
        nodes[closed].next = UInt32(truncatingIfNeeded: nodes.count)
        if isObject, nodes[closed].count > 1 {
            findDuplicateKeys(inObject: closed)
        }
        container = parent == Self.noContainer ? -1 : Int(parent)
        isObject = container >= 0 && nodes[container].kind == .object
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while position < input.count {
            let byte = input[position]
            guard byte <= 0x20,
                byte == 0x20 || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\t")
            else { return }
            position += 1
        }
    }

    private static func offset(of issue: JSONIssue, in nodes: [JSONNode]) -> Int {
        switch issue {
        case .invalidUTF8(let offset, _), .unpairedSurrogate(let offset, _): offset
        case .duplicateKey(_, let node, _): Int(nodes[node].start)
        }
    }
}
