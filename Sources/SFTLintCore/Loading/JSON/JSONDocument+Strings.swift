#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension JSONDocument {
    /// Runs `body` with a decoder over the string node `node`.
    func withDecoder<Result>(_ node: Int, _ body: (inout JSONStringDecoder) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { input in
            var decoder = JSONStringDecoder(bytes: input, literal: nodes[node])
            return body(&decoder)
        }
    }

    /// The bytes between a string literal's quotes; empty for a node that doesn't fit `bytes`.
    func rawBody(of literal: JSONNode) -> ArraySlice<UInt8> {
        let lower = min(Int(literal.start) + 1, bytes.count)
        let upper = max(lower, min(Int(literal.end) - 1, bytes.count))
        return bytes[bytes.startIndex + lower..<bytes.startIndex + upper]
    }

    /// `rawBody(of:)` over the record's bytes already borrowed as `input`.
    static func rawBody(of literal: JSONNode, in input: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        let lower = min(Int(literal.start) + 1, input.count)
        let upper = max(lower, min(Int(literal.end) - 1, input.count))
        return UnsafeBufferPointer(rebasing: input[lower..<upper])
    }

    /// Whether two byte runs of the same length hold the same bytes.
    static func bytesEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let left = a.baseAddress, let right = b.baseAddress else { return true }
        return memcmp(left, right, a.count) == 0
    }

    /// A key as one JSON Pointer reference token: `~` becomes `~0` and `/` becomes `~1` (RFC 6901 §3).
    static func escapedReferenceToken(_ key: String) -> String {
        guard key.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return key }
        var token = ""
        token.reserveCapacity(key.utf8.count + 4)
        for scalar in key.unicodeScalars {
            switch scalar {
            case "~": token += "~0"
            case "/": token += "~1"
            default: token.unicodeScalars.append(scalar)
            }
        }
        return token
    }
}
