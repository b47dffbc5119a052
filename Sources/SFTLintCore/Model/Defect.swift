/// A structural defect noticed while reading a record, for the rule that owns it to report.
///
/// Reading a record and judging it are separate: the loader and `SampleBuilder` record what they saw here;
/// the J and S checks decide whether and how to report it. Offsets are relative to the record's first byte.
public enum Defect: Sendable, Hashable {
    /// J001: the record (or the file) isn't valid JSON.
    case invalidJSON(message: String, offset: Int)
    /// J002: bytes that aren't UTF-8, or an escape UTF-8 can't encode.
    case invalidUTF8(message: String, offset: Int, pointer: String)
    /// J003: a key that repeats in one object.
    case duplicateKey(key: String, offset: Int, firstOffset: Int, pointer: String)
    /// J004: the record is valid JSON but not an object.
    case notAnObject(found: JSONKind)
    /// S001: no supported format has the record's fields.
    case unknownFormat(keys: [String])
    /// S002: a required field is absent; `offset` is the object that should hold it.
    case missingField(field: String, pointer: String, offset: Int)
    /// S003: a field holds the wrong kind of value.
    case wrongType(pointer: String, expected: String, found: JSONKind, offset: Int)
    /// S004: a required text field is empty or only whitespace.
    case emptyField(pointer: String, offset: Int)
    /// S005: a field no supported format defines; `suggestion` is the known field it probably meant.
    case unknownField(name: String, pointer: String, offset: Int, suggestion: String?)
    /// S008: a role tag sftlint doesn't know.
    case unknownRole(tag: String, pointer: String, offset: Int, suggestion: String?)
    /// S011: a turn of a conversation with no text.
    case emptyTurn(turn: Int, tag: String, pointer: String, offset: Int)
}
