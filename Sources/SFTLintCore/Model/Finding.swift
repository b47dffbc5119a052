/// One defect found by one rule at one place.
public struct Finding: Sendable, Hashable {
    public var code: String
    public var rule: String
    public var severity: Severity
    /// Lowercase, with evidence, no final period.
    public var message: String
    public var location: Location
    public var related: [RelatedLocation]
    /// Content-based identity for baselines (see `Fingerprint`); the engine sets it when it builds the report,
    /// empty until then.
    public var fingerprint = ""
    /// The fingerprint this finding would have on its first related record, for matching a baseline after the
    /// records of a group were reordered; not part of any report.
    var relatedFingerprint: String?
    /// Whether the finding is about its file as a whole, its location only an example (`Findings.add`).
    public var describesFile = false

    public init(
        code: String, rule: String, severity: Severity, message: String, location: Location,
        related: [RelatedLocation] = []
    ) {
        self.code = code
        self.rule = rule
        self.severity = severity
        self.message = message
        self.location = location
        self.related = related
    }

    /// The report order: input file, line, column, code, message.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        let l = a.location, r = b.location
        if l.fileIndex != r.fileIndex { return l.fileIndex < r.fileIndex }
        if l.line != r.line { return l.line < r.line }
        if l.column != r.column { return l.column < r.column }
        if a.code != b.code { return a.code < b.code }
        return a.message < b.message
    }
}
