/// Where a text holds code: fenced blocks (```` ``` ```` or `~~~`), indented blocks, and inline `` `code` ``.
///
/// Rules about prose (whitespace, HTML entities, brackets, repetition) skip these regions: code is not prose,
/// and a rule that fires on normal code gets turned off.
public struct CodeRegions: Sendable {
    /// The regions, in text order, as UTF-8 offset ranges; a fenced block includes its fence lines.
    public let ranges: [Range<Int>]
    /// A fence opened and never closed: the text ends inside a code block.
    public let hasUnclosedFence: Bool

    public init(_ text: String) {
        var ranges: [Range<Int>] = []
        var openFence: (start: Int, marker: UInt8, length: Int)?
        var previousLineBlank = true
        var indentedStart: Int?
        var offset = 0
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let start = offset
            let end = start + line.count
            offset = end + 1
            let trimmed = line.drop { $0 == UInt8(ascii: " ") }
            let indent = line.count - trimmed.count
            let isBlank = trimmed.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
            if let fence = openFence {
                if indent < 4, Self.fenceLength(trimmed, marker: fence.marker) >= fence.length,
                    trimmed.dropFirst(fence.length).allSatisfy({ $0 == fence.marker || $0 == 32 || $0 == 13 })
                {
                    ranges.append(fence.start..<end)
                    openFence = nil
                }
                previousLineBlank = false
                continue
            }
            if indent < 4, let marker = trimmed.first, marker == UInt8(ascii: "`") || marker == UInt8(ascii: "~") {
                let length = Self.fenceLength(trimmed, marker: marker)
                if length >= 3 {
                    if let begun = indentedStart { ranges.append(begun..<start) }
                    indentedStart = nil
                    openFence = (start, marker, length)
                    continue
                }
            }
            let isIndentedCode = !isBlank && (indent >= 4 || line.first == UInt8(ascii: "\t"))
            if isIndentedCode, indentedStart != nil || previousLineBlank {
                if indentedStart == nil { indentedStart = start }
            } else if !isBlank, let begun = indentedStart {
                ranges.append(begun..<start)
                indentedStart = nil
            }
            if indentedStart == nil, !isBlank { ranges.append(contentsOf: Self.inlineCode(line, at: start)) }
            previousLineBlank = isBlank
        }
        let total = text.utf8.count
        if let begun = indentedStart { ranges.append(begun..<total) }
        if let fence = openFence { ranges.append(fence.start..<total) }
        hasUnclosedFence = openFence != nil
        self.ranges = ranges.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// Whether the byte at `utf8Offset` is inside code.
    public func contains(_ utf8Offset: Int) -> Bool {
        ranges.contains { $0.contains(utf8Offset) }
    }

    /// Whether any part of `range` (UTF-8 offsets) is inside code.
    public func overlaps(_ range: Range<Int>) -> Bool {
        ranges.contains { $0.overlaps(range) }
    }

    /// The text outside code regions, as UTF-8 offset ranges in order.
    public func proseRanges(in text: String) -> [Range<Int>] {
        var prose: [Range<Int>] = []
        var cursor = 0
        for range in ranges where range.lowerBound >= cursor {
            if range.lowerBound > cursor { prose.append(cursor..<range.lowerBound) }
            cursor = range.upperBound
        }
        let total = text.utf8.count
        if cursor < total { prose.append(cursor..<total) }
        return prose
    }

    private static func fenceLength(_ bytes: Substring.UTF8View.SubSequence, marker: UInt8) -> Int {
        bytes.prefix { $0 == marker }.count
    }

    /// `` `spans` `` on one line, matched by backtick run length as Markdown does.
    private static func inlineCode(_ line: Substring.UTF8View.SubSequence, at lineStart: Int) -> [Range<Int>] {
        var found: [Range<Int>] = []
        let bytes = Array(line)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "`") else {
                i += 1
                continue
            }
            var run = 0
            while i + run < bytes.count, bytes[i + run] == UInt8(ascii: "`") { run += 1 }
            var j = i + run
            var closed = false
            while j < bytes.count {
                if bytes[j] == UInt8(ascii: "`") {
                    var close = 0
                    while j + close < bytes.count, bytes[j + close] == UInt8(ascii: "`") { close += 1 }
                    if close == run {
                        found.append((lineStart + i)..<(lineStart + j + close))
                        closed = true
                        j += close
                        break
                    }
                    j += close
                } else {
                    j += 1
                }
            }
            i = closed ? j : i + run
        }
        return found
    }
}
