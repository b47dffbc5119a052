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
        guard let first = pattern.first else { return path.isEmpty }
        if first == ["*", "*"] {
            // Zero or more whole segments.
            return (path.startIndex...path.endIndex).contains { match(pattern.dropFirst(), path[$0...]) }
        }
        guard let segment = path.first, matchSegment(first[...], segment[...]) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    /// `*` and `?` inside one segment; backtracking is bounded by the segment's length.
    private static func matchSegment(_ pattern: ArraySlice<Character>, _ name: ArraySlice<Character>) -> Bool {
        guard let first = pattern.first else { return name.isEmpty }
        switch first {
        case "*":
            return (name.startIndex...name.endIndex).contains { matchSegment(pattern.dropFirst(), name[$0...]) }
        case "?":
            return !name.isEmpty && matchSegment(pattern.dropFirst(), name.dropFirst())
        default:
            return name.first == first && matchSegment(pattern.dropFirst(), name.dropFirst())
        }
    }
}
