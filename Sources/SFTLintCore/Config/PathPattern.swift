/// A glob over `/`-separated relative paths, as a config file's `overrides[].paths` holds them.
///
/// `*` matches any run of characters inside one path segment, `?` one character, and a `**` segment any number
/// of whole segments, none included (`eval/**`, `**/test.jsonl`). As in `.gitignore`, a pattern without `/`
/// matches a file or directory name at any depth (`*.json`, `eval`), and a pattern that matches a directory
/// matches every file below it (`data/eval`).
public struct PathPattern: Sendable, Hashable, CustomStringConvertible {
    public let text: String
    private let segments: [[Character]]
    private let isAnchored: Bool

    public init(_ text: String) {
        self.text = text
        var trimmed = Substring(text)
        while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
        while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        segments = trimmed.split(separator: "/", omittingEmptySubsequences: true).map(Array.init)
        isAnchored = trimmed.contains("/")
    }

    public var description: String { text }

    /// Whether the pattern matches `path`, a path relative to the config file's directory.
    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }.map(Array.init)
        guard !segments.isEmpty else { return false }
        if isAnchored {
            // The file itself, or a directory above it.
            return (1...max(1, parts.count)).contains { Self.match(segments[...], parts[..<$0]) }
        }
        return parts.indices.contains { index in Self.match(segments[...], parts[index...index]) }
    }

    private static func match(_ pattern: ArraySlice<[Character]>, _ path: ArraySlice<[Character]>) -> Bool {
        wildcard(pattern, path, isStar: { $0 == ["*", "*"] }, matches: { matchSegment($0[...], $1[...]) })
    }

    /// `*` and `?` inside one segment.
    private static func matchSegment(_ pattern: ArraySlice<Character>, _ name: ArraySlice<Character>) -> Bool {
        wildcard(pattern, name, isStar: { $0 == "*" }, matches: { $0 == "?" || $0 == $1 })
    }

    /// Whether `pattern` matches all of `text`, where a star element matches any run of elements and every other
    /// element matches one. On a mismatch only the last star takes one more element: trying every share of the
    /// text for every star (`*a*a*a*a*a*b` against a long name of a's) takes n^k steps, this at most n·m.
    private static func wildcard<P, T>(
        _ pattern: ArraySlice<P>, _ text: ArraySlice<T>, isStar: (P) -> Bool, matches: (P, T) -> Bool
    ) -> Bool {
        var p = pattern.startIndex
        var t = text.startIndex
        var star: (pattern: ArraySlice<P>.Index, text: ArraySlice<T>.Index)?
        while t < text.endIndex {
            if p < pattern.endIndex && isStar(pattern[p]) {
                star = (p, t)
                p += 1
            } else if p < pattern.endIndex && matches(pattern[p], text[t]) {
                p += 1
                t += 1
            } else if let last = star {
                star = (last.pattern, last.text + 1)
                p = last.pattern + 1
                t = last.text + 1
            } else {
                return false
            }
        }
        while p < pattern.endIndex && isStar(pattern[p]) { p += 1 }
        return p == pattern.endIndex
    }
}
