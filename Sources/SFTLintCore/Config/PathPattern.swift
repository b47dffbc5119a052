/// A glob over `/`-separated relative paths, as a config file's `overrides[].paths` holds them.
///
/// `*` matches any run of characters inside one path segment, `?` one character, `[...]` one character of a set
/// (`[abc]`, `[0-9]`; `[!...]` or `[^...]` one character not in it; a `[` without its `]` is itself), and a `**`
/// segment any number of whole segments, none included (`eval/**`, `**/test.jsonl`). As in `.gitignore`, a pattern
/// without `/` matches a file or directory name at any depth (`*.json`, `eval`), and a pattern that matches a
/// directory matches every file below it (`data/eval`).
public struct PathPattern: Sendable, Hashable, CustomStringConvertible {
    public let text: String
    private let segments: [[Element]]
    private let isAnchored: Bool

    public init(_ text: String) {
        self.text = text
        var trimmed = Substring(text)
        while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
        while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        segments = trimmed.split(separator: "/", omittingEmptySubsequences: true).map(Self.elements)
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

    private static func match(_ pattern: ArraySlice<[Element]>, _ path: ArraySlice<[Character]>) -> Bool {
        wildcard(pattern, path, isStar: { $0 == [.star, .star] }, matches: { matchSegment($0[...], $1[...]) })
    }

    /// `*`, `?` and `[...]` inside one segment.
    private static func matchSegment(_ pattern: ArraySlice<Element>, _ name: ArraySlice<Character>) -> Bool {
        wildcard(pattern, name, isStar: { $0 == .star }, matches: { $0.matches($1) })
    }

    // MARK: - Elements

    /// One element of a segment's pattern.
    enum Element: Sendable, Hashable {
        case star
        case anyCharacter
        case character(Character)
        /// `[...]`: characters and ranges, or all but them.
        case set([ClosedRange<Character>], isNegated: Bool)

        func matches(_ character: Character) -> Bool {
            switch self {
            case .star: false
            case .anyCharacter: true
            case .character(let expected): expected == character
            case .set(let ranges, let isNegated): ranges.contains { $0.contains(character) } != isNegated
            }
        }
    }

    /// The elements of one segment's text: `[` starts a set only when a `]` closes it (`[]...]` and `[!]...]`
    /// hold a `]`), as in shells and `.gitignore`.
    static func elements(_ segment: Substring) -> [Element] {
        let characters = Array(segment)
        var elements: [Element] = []
        var i = 0
        while i < characters.count {
            switch characters[i] {
            case "*": elements.append(.star)
            case "?": elements.append(.anyCharacter)
            case "[":
                if let (set, end) = set(in: characters, from: i) {
                    elements.append(set)
                    i = end
                } else {
                    elements.append(.character("["))
                }
            case let character: elements.append(.character(character))
            }
            i += 1
        }
        return elements
    }

    /// The set opened at `start`, and the index of its closing `]`; nil when none closes it.
    private static func set(in characters: [Character], from start: Int) -> (Element, Int)? {
        var i = start + 1
        let isNegated = i < characters.count && (characters[i] == "!" || characters[i] == "^")
        if isNegated { i += 1 }
        var ranges: [ClosedRange<Character>] = []
        var isFirst = true
        while i < characters.count {
            let character = characters[i]
            if character == "]" && !isFirst { return (.set(ranges, isNegated: isNegated), i) }
            isFirst = false
            if i + 2 < characters.count && characters[i + 1] == "-" && characters[i + 2] != "]" {
                let upper = characters[i + 2]
                // A reversed range (`[z-a]`) matches nothing, as in shells.
                if character <= upper { ranges.append(character...upper) }
                i += 3
            } else {
                ranges.append(character...character)
                i += 1
            }
        }
        return nil
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
