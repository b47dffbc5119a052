/// Parses exactly one RFC 8259 JSON value, keeping the offset of every value.
///
/// Foundation's parser can't give what a linter needs: the position of each value and error, duplicate keys,
/// invalid UTF-8 located to the byte, and bounded nesting without recursion.
public struct JSONParser: Sendable {
    /// Deeper nesting is a syntax error rather than a crash; real SFT records nest a handful of levels.
    public var maxDepth: Int

    public init(maxDepth: Int = 512) {
        self.maxDepth = maxDepth
    }

    /// Parses `bytes`, which must hold one value with only JSON whitespace around it.
    public func parse(_ bytes: ArraySlice<UInt8>) -> JSONParseResult {
        guard bytes.count < Int(UInt32.max) else {
            let error = JSONSyntaxError(message: "input too large: more than 4 GiB", offset: 0)
            return JSONParseResult(document: nil, error: error, issues: [])
        }
        return bytes.withUnsafeBufferPointer { input in
            var scanner = JSONScanner(input: input, maxDepth: maxDepth)
            do throws(JSONSyntaxError) {
                try scanner.scanDocument()
            } catch {
                return JSONParseResult(document: nil, error: error, issues: scanner.issues)
            }
            return JSONParseResult(
                document: JSONDocument(bytes: bytes, nodes: scanner.nodes), error: nil, issues: scanner.issues)
        }
    }
}

/// What parsing one value produced: a document, or the syntax error that stopped it, and any recoverable issues.
public struct JSONParseResult: Sendable {
    /// Nil when `error` is set.
    public var document: JSONDocument?
    public var error: JSONSyntaxError?
    /// Defects that don't stop parsing, in document order.
    public var issues: [JSONIssue]

    public init(document: JSONDocument?, error: JSONSyntaxError?, issues: [JSONIssue]) {
        self.document = document
        self.error = error
        self.issues = issues
    }
}

/// Why a value could not be parsed, and the offset of the byte where that became clear.
public struct JSONSyntaxError: Error, Sendable, Hashable {
    /// Lowercase, names what was expected and what was found: `expected ',' or '}' after object member`.
    public var message: String
    public var offset: Int
    /// The error is a byte that isn't UTF-8 outside a string (reported as invalid-utf8, not invalid-json).
    public var isInvalidUTF8: Bool

    public init(message: String, offset: Int, isInvalidUTF8: Bool = false) {
        self.message = message
        self.offset = offset
        self.isInvalidUTF8 = isInvalidUTF8
    }
}

/// A defect that leaves the value readable.
public enum JSONIssue: Sendable, Hashable {
    /// A byte sequence inside a string that isn't UTF-8; `offset` is its first byte.
    case invalidUTF8(offset: Int, byte: UInt8)
    /// A `\uD800`-style escape with no partner; UTF-8 can't encode it, so tokenizers fail on it.
    case unpairedSurrogate(offset: Int, codeUnit: UInt16)
    /// A key that repeats in one object; `node` is the later key's node, `firstNode` the earlier one's.
    case duplicateKey(key: String, node: Int, firstNode: Int)
}
