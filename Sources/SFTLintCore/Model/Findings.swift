/// Where checks put what they find; the engine gives each check run its own.
public struct Findings: Sendable {
    public private(set) var all: [Finding] = []

    public init() {}

    /// Records a finding of `check` with its default severity; the engine applies configured severities later.
    /// `describesFile`: the finding is about the file as a whole (a share, a mix, a drift), and its location only
    /// an example, so its fingerprint follows its message rather than the example record.
    public mutating func add<C: Check>(
        _ check: C.Type, at location: Location, _ message: String, related: [RelatedLocation] = [],
        describesFile: Bool = false
    ) {
        let info = C.info
        var finding = Finding(
            code: info.code, rule: info.name, severity: info.severity, message: message, location: location,
            related: related)
        finding.describesFile = describesFile
        all.append(finding)
    }

    /// Records a finding of the rule `info` describes, for a check whose rule is known only at run time.
    public mutating func add(
        _ info: CheckInfo, at location: Location, _ message: String, related: [RelatedLocation] = []
    ) {
        all.append(
            Finding(
                code: info.code, rule: info.name, severity: info.severity, message: message, location: location,
                related: related))
    }

    public mutating func append(contentsOf other: Findings) {
        all.append(contentsOf: other.all)
    }

    public var isEmpty: Bool { all.isEmpty }
}
