/// A place in an input file: the file, a 1-based line and column, the record and the field inside it.
///
/// Columns count Unicode scalars from the start of the line, so that a Chinese character or an emoji is one
/// column, as editors count them.
public struct Location: Sendable, Hashable {
    /// The path as the user wrote it (or as found by walking a directory); `-` for standard input.
    public var path: String
    /// Position of the file among the run's inputs, for ordering findings by input order.
    public var fileIndex: Int
    public var line: Int
    public var column: Int
    /// 0-based index of the record in its file (`data[i]`), or nil for a finding about the whole file.
    public var record: Int?
    /// RFC 6901 JSON Pointer to the field inside the record; empty for the record itself.
    public var pointer: String

    public init(path: String, fileIndex: Int, line: Int, column: Int, record: Int?, pointer: String) {
        self.path = path
        self.fileIndex = fileIndex
        self.line = line
        self.column = column
        self.record = record
        self.pointer = pointer
    }
}

/// A second place a finding refers to: the first copy, the conflicting answer, an example of the majority.
public struct RelatedLocation: Sendable, Hashable {
    public var location: Location
    /// Lowercase, says what is there: `first seen here`.
    public var note: String

    public init(_ location: Location, note: String) {
        self.location = location
        self.note = note
    }
}
