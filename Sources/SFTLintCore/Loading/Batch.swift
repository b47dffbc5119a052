/// Whole records of one file in one buffer: the unit of work a core takes.
struct Batch: Sendable {
    let file: InputFile
    /// May extend past the last frame; frames index into it.
    let bytes: [UInt8]
    var frames: [Frame]
}

/// One record's bytes and where it starts, or a problem the framer found before any parsing.
struct Frame: Sendable {
    /// Indices into the batch's bytes.
    var range: Range<Int>
    var line: Int
    var column: Int
    /// 0-based record index in the file; nil for a problem of the file as a whole.
    var index: Int?
    /// Set when the frame can't be parsed: reported as invalid JSON at the frame's position.
    var problem: String?
    /// The input ended before the value did: the file was cut off inside this record.
    var isCutByEndOfInput = false
}

/// How a file lays out its records, told apart from the content.
enum Layout: String, Sendable {
    /// One value a line (JSONL).
    case jsonLines = "jsonl"
    /// One top-level array whose elements are the records.
    case jsonArray = "json-array"
    /// One or more pretty-printed values separated by whitespace (usually a single record).
    case jsonValues = "json"
}
