/// One utterance of a sample, normalised: a role, its text, and where every part of the text came from.
public struct Turn: Sendable {
    /// Nil when the dataset's tag isn't one sftlint knows (reported by unknown-role).
    public var role: Role?
    /// The tag as the dataset wrote it (`gpt`, `human`, `assistant`), or the field name for Alpaca-style fields.
    public var tag: String
    /// The text, segments joined with `\n` (Alpaca's instruction and input, as LLaMA-Factory joins them).
    public var text: String {
        didSet { (marks, leadingByte) = text.withUTF8Buffer { (TextMarks(bytes: $0), $0.first ?? 0) } }
    }
    /// Which rare bytes the text holds, so that content rules skip turns that can't hold what they look for.
    public private(set) var marks: TextMarks
    /// The text's first byte (0 when empty), so that rules about how a text opens pass most turns unread.
    public private(set) var leadingByte: UInt8
    public var segments: [TextSegment]
    /// Pointer to the turn: the message object, or the field holding the text.
    public var pointer: String
    /// Whether the turn is an element of a list (conversations, messages, history) rather than a named field.
    public var isListItem: Bool
    /// An assistant turn that calls a tool (ShareGPT `function_call`, OpenAI `tool_calls`).
    public var isToolCall: Bool
    /// Offset of the turn's first byte in its record.
    public var offset: Int
    public let source: RecordSource

    public init(
        role: Role?, tag: String, text: String, segments: [TextSegment], pointer: String, isListItem: Bool,
        isToolCall: Bool, offset: Int, source: RecordSource
    ) {
        self.role = role
        self.tag = tag
        self.text = text
        (marks, leadingByte) = text.withUTF8Buffer { (TextMarks(bytes: $0), $0.first ?? 0) }
        self.segments = segments
        self.pointer = pointer
        self.isListItem = isListItem
        self.isToolCall = isToolCall
        self.offset = offset
        self.source = source
    }

    /// Where the turn starts.
    public var location: Location { source.location(atOffset: offset, pointer: pointer) }

    /// Where a range of `text` starts in the file, through the string literal it was decoded from.
    public func location(of range: Range<String.Index>) -> Location {
        let utf8Offset = text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
        guard let segment = segments.last(where: { $0.textOffset <= utf8Offset }), let document = source.document
        else { return location }
        let inSegment = min(utf8Offset - segment.textOffset, segment.length)
        let raw = document.rawOffset(inString: segment.node, decodedUTF8Offset: inSegment)
        return source.location(atOffset: raw, pointer: segment.pointer)
    }
}

/// A part of a turn's text that comes from one JSON string.
public struct TextSegment: Sendable {
    /// UTF-8 offset of the segment in the turn's text.
    public var textOffset: Int
    /// UTF-8 length of the segment.
    public var length: Int
    /// The string node in the record's document.
    public var node: Int
    public var pointer: String

    public init(textOffset: Int, length: Int, node: Int, pointer: String) {
        self.textOffset = textOffset
        self.length = length
        self.node = node
        self.pointer = pointer
    }
}
