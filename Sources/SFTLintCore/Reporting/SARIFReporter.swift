/// SARIF 2.1.0, the static-analysis format GitHub code scanning and other CI dashboards read.
///
/// One run: `tool.driver` lists the rules that ran (id = code, name, descriptions, help, default level), and
/// each finding is a result with its rule, level, message, physical location (file relative as given, line,
/// column in Unicode code points, as sftlint counts them), related locations, and its content fingerprint as
/// `partialFingerprints["sftlint/v1"]`, so a dashboard tracks a finding across commits that move its line.
/// Findings a limit left out (`--max-findings-per-rule`) are counted in the run's `properties.omitted`. With
/// `--baseline`, every result is `baselineState: new` and `properties.baseline` counts the rest.
public struct SARIFReporter: Reporter {
    public static let id = "sarif"
    public static let summary = "SARIF 2.1.0 for GitHub code scanning and other dashboards."
    /// The key of the fingerprint in `partialFingerprints`; the suffix changes if the fingerprint's recipe does.
    public static let fingerprintKey = "sftlint/v1"
    public static let showsFingerprints = true

    /// SARIF has no presentation options.
    public init(options: ReporterOptions = ReporterOptions()) {}

    public func render(_ report: Report) -> String {
        JSONWriter().write(document(report)) + "\n"
    }

    /// The report as a SARIF log.
    public func document(_ report: Report) -> JSONValue {
        let ruleIndex = Dictionary(uniqueKeysWithValues: report.rules.enumerated().map { ($1.code, $0) })
        var run: [String: JSONValue] = [
            "tool": .object([
                "driver": .object([
                    "name": .string(report.tool.name),
                    "version": .string(report.tool.version),
                    "rules": .array(report.rules.map(rule)),
                ])
            ]),
            "columnKind": .string("unicodeCodePoints"),
            "results": .array(
                report.findings.map { result($0, ruleIndex: ruleIndex[$0.code], isNew: report.baseline != nil) }),
        ]
        var properties: [String: JSONValue] = ["score": .decimal(report.score.overall, places: 1)]
        if !report.omitted.isEmpty {
            // One rule's omissions may come in several severities (a config's per-path severities).
            properties["omitted"] = .object(
                Dictionary(report.omitted.map { ($0.code, $0.count) }, uniquingKeysWith: +).mapValues { .integer($0) })
        }
        if let baseline = report.baseline {
            properties["baseline"] = .object([
                "matched": .integer(baseline.matched), "noLongerOccurring": .integer(baseline.noLongerOccurring),
            ])
        }
        run["properties"] = .object(properties)
        return .object([
            "$schema": .string("https://json.schemastore.org/sarif-2.1.0.json"),
            "version": .string("2.1.0"),
            "runs": .array([.object(run)]),
        ])
    }

    // MARK: - Parts

    private func rule(_ info: CheckInfo) -> JSONValue {
        .object([
            "id": .string(info.code),
            "name": .string(info.name),
            "shortDescription": .object(["text": .string(info.summary)]),
            "fullDescription": .object(["text": .string(info.rationale)]),
            "help": .object([
                "text": .string("\(info.summary) \(info.rationale) Run 'sftlint rules \(info.code)' for examples.")
            ]),
            "defaultConfiguration": .object(["level": .string(SARIFReporter.level(info.severity))]),
        ])
    }

    /// `isNew`: the run compared with a baseline, which held none of the findings it kept.
    private func result(_ finding: Finding, ruleIndex: Int?, isNew: Bool) -> JSONValue {
        var result: [String: JSONValue] = [
            "ruleId": .string(finding.code),
            "level": .string(SARIFReporter.level(finding.severity)),
            "message": .object(["text": .string(finding.message)]),
            "locations": .array([location(finding.location)]),
        ]
        if let ruleIndex { result["ruleIndex"] = .integer(ruleIndex) }
        if isNew { result["baselineState"] = .string("new") }
        if !finding.fingerprint.isEmpty {
            result["partialFingerprints"] = .object([SARIFReporter.fingerprintKey: .string(finding.fingerprint)])
        }
        if !finding.related.isEmpty {
            result["relatedLocations"] = .array(
                finding.related.enumerated().map { index, related in
                    location(related.location, id: index + 1, message: related.note)
                })
        }
        return .object(result)
    }

    private func location(_ location: Location, id: Int? = nil, message: String? = nil) -> JSONValue {
        var object: [String: JSONValue] = [
            "physicalLocation": .object([
                "artifactLocation": .object(["uri": .string(SARIFReporter.uri(location.path))]),
                "region": .object(["startLine": .integer(location.line), "startColumn": .integer(location.column)]),
            ])
        ]
        if let id { object["id"] = .integer(id) }
        if let message { object["message"] = .object(["text": .string(message)]) }
        if !location.pointer.isEmpty {
            object["logicalLocations"] = .array([
                .object(["fullyQualifiedName": .string(location.pointer), "kind": .string("member")])
            ])
        }
        return .object(object)
    }

    /// SARIF's levels: `error`, `warning`, `note`.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A path as a relative URI reference: bytes other than unreserved characters and `/` percent-encoded, so
    /// a space or `#` in a file name doesn't change the URI's meaning; standard input (`-`) stays `-`.
    static func uri(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}
