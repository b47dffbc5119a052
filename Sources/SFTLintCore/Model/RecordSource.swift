/// Where a record came from: its file, its index and position there, and its bytes, so that any offset inside
/// the record can be turned into a line and column when (and only when) a finding needs it.
public final class RecordSource: Sendable {
    public let file: InputFile
    /// 0-based index in the file; nil for a pseudo-record that carries a problem of the whole file.
    public let index: Int?
    /// Line and column of the record's first byte.
    public let line: Int
    public let column: Int
    public let bytes: ArraySlice<UInt8>
    /// The parsed record, nil when it isn't valid JSON.
    public let document: JSONDocument?

    public init(file: InputFile, index: Int?, line: Int, column: Int, bytes: ArraySlice<UInt8>, document: JSONDocument?) {
        self.file = file
        self.index = index
        self.line = line
        self.column = column
        self.bytes = bytes
        self.document = document
    }

    /// The location of the byte at `offset` (relative to the record's first byte).
    public func location(atOffset offset: Int, pointer: String = "") -> Location {
        let position = TextPosition.advance(line: line, column: column, over: bytes.prefix(max(0, offset)))
        return Location(
            path: file.path, fileIndex: file.index, line: position.line, column: position.column, record: index,
            pointer: pointer)
    }
}

/// Line and column arithmetic over UTF-8 bytes.
public enum TextPosition {
    /// The position reached after `bytes`, starting at `line`:`column`. Lines end at `\n` (so CRLF counts once);
    /// columns count Unicode scalars, that is bytes that aren't UTF-8 continuation bytes.
    public static func advance<C: Collection>(line: Int, column: Int, over bytes: C) -> (line: Int, column: Int)
    where C.Element == UInt8 {
        var line = line
        var column = column
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
