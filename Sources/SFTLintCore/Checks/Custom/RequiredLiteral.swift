/// Text that every match of a regular expression contains, found from the pattern, so that a regex rule can
/// skip the turns without it before paying for `NSRegularExpression` (about 2 µs a turn, mostly spent bridging
/// the text to UTF-16).
///
/// The analysis is deliberately narrow, and gives up (nil) on anything it can't be sure of: an alternation,
/// a `(?` construct (which may set case-insensitivity), `\Q…\E`, an escape that takes arguments (`\u`, `\x`,
/// `\p`, a digit), a set inside a class, or no literal of two or more bytes. It takes the longest run of literal
/// characters outside every group and character class; a character followed by `?`, `*` or `{` may be absent,
/// so it ends the run without joining it.
struct RequiredLiteral: Sendable, Hashable {
    let bytes: [UInt8]

    /// Escapes of one letter that stand for a class or an anchor and take nothing after them.
    private static let plainEscapes: Set<Unicode.Scalar> = [
        "b", "B", "d", "D", "s", "S", "w", "W", "n", "t", "r", "f", "e", "a", "A", "z", "Z", "G", "h", "H", "v", "V",
        "R", "X",
    ]
    /// Characters that `\` makes literal.
    private static let asciiPunctuation = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ ".unicodeScalars)

    init?(pattern: String) {
        // Scalars, not Characters: a combining mark after a metacharacter (`.` then U+0301) is two pattern items.
        let characters = Array(pattern.unicodeScalars)
        if characters.contains("|") || pattern.contains("(?") || pattern.contains("\\Q") { return nil }
        var best: [Unicode.Scalar] = []
        var run: [Unicode.Scalar] = []
        var depth = 0
        var index = 0
        func endRun() {
            if run.count > best.count { best = run }
            run = []
        }
        while index < characters.count {
            let character = characters[index]
            index += 1
            switch character {
            case "(":
                endRun()
                depth += 1
            case ")":
                depth -= 1
            case "[":
                endRun()
                // Skip the class: `]` right after `[` or `[^` is a member, and `\]` is escaped.
                if index < characters.count, characters[index] == "^" { index += 1 }
                if index < characters.count, characters[index] == "]" { index += 1 }
                while index < characters.count, characters[index] != "]" {
                    // A set operation or POSIX class nests brackets: not worth following.
                    if characters[index] == "[" { return nil }
                    index += characters[index] == "\\" ? 2 : 1
                }
                index += 1
            case "?", "*", "{":
                // The character before may be absent.
                if !run.isEmpty { run.removeLast() }
                endRun()
                if character == "{" {
                    while index < characters.count, characters[index] != "}" { index += 1 }
                    index += 1
                }
            case "+":
                endRun()
            case ".", "^", "$":
                endRun()
            case "\\":
                guard index < characters.count else { return nil }
                let escaped = characters[index]
                index += 1
                // `\.` is a dot; `\d` and `\b` are a class and an anchor; `\u0041`, `\p{L}`, `\1` take more.
                if Self.asciiPunctuation.contains(escaped) {
                    if depth == 0 { run.append(escaped) } else { endRun() }
                } else if Self.plainEscapes.contains(escaped) {
                    endRun()
                } else {
                    return nil
                }
            default:
                if depth == 0 { run.append(character) } else { endRun() }
            }
        }
        endRun()
        var text = ""
        text.unicodeScalars.append(contentsOf: best)
        let bytes = Array(text.utf8)
        guard bytes.count >= 2 else { return nil }
        self.bytes = bytes
    }

    /// Whether `text` contains the literal.
    func isFound(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { haystack in
            bytes.withUnsafeBufferPointer { needle in
                guard haystack.count >= needle.count, let first = needle.first else { return false }
                var start = 0
                let last = haystack.count - needle.count
                while start <= last {
                    // Look for the first byte, then compare the rest.
                    guard let hit = haystack[start...last].firstIndex(of: first) else { return false }
                    if (1..<needle.count).allSatisfy({ haystack[hit + $0] == needle[$0] }) { return true }
                    start = hit + 1
                }
                return false
            }
        }
    }
}
