/// A record normalised to turns, whatever its format, with the structural defects seen while reading it.
public struct Sample: Sendable {
    public let record: RecordSource
    /// Nil when the record isn't valid JSON or matches no format.
    public var format: SampleFormat?
    public var turns: [Turn]
    public var defects: [Defect]
    /// The record's top-level fields, for dataset-level checks of field consistency.
    public var fields: [FieldShape]

    public init(record: RecordSource, format: SampleFormat?, turns: [Turn], defects: [Defect], fields: [FieldShape]) {
        self.record = record
        self.format = format
        self.turns = turns
        self.defects = defects
        self.fields = fields
    }

    /// False for the pseudo-samples that carry a problem of a whole file (empty, binary, byte order mark).
    public var isRecord: Bool { record.index != nil }

    /// Where the record starts.
    public var location: Location { record.location(atOffset: 0) }

    /// The location of `offset` in the record, with a pointer to the field there.
    public func location(atOffset offset: Int, pointer: String = "") -> Location {
        record.location(atOffset: offset, pointer: pointer)
    }
}

/// A top-level field of a record: its name, the kind of its value, and where its key is.
public struct FieldShape: Sendable, Hashable {
    public var name: String
    public var kind: JSONKind
    public var offset: Int

    public init(name: String, kind: JSONKind, offset: Int) {
        self.name = name
        self.kind = kind
        self.offset = offset
    }
}
