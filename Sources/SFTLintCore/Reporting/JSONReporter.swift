/// A versioned JSON document for dashboards and scripts.
///
/// Schema version 1:
/// ```
/// { schemaVersion, tool: {name, version}, score,
///   categories: {<category>: {score, errors, warnings, infos}},
///   summary: {files, records, errors, warnings, infos},
///   files: [{path, format, records}],
///   findings: [{rule, code, severity, message, path, line, column, record, pointer, fingerprint,
///               related: [{path, line, record}]}],
///   baseline: {path, matched, noLongerOccurring},   (only with --baseline)
///   stats: {formats: {<format>: records}, rules: {<code>: findings},
///           samples, lengths, diversity, openings, files: [{path, samples, lengths}], budget,
///           reasoning: {samples, share}, boilerplate: {samples, share}} }
/// ```
/// `record` is null for a finding about a whole file; `fingerprint` is the finding's content-based identity
/// (`Fingerprint`), empty in a report not built by the engine; `reasoning` and `boilerplate` are there when E004
/// and C003 run, `budget` with `--max-tokens`; the README's schema section describes every key. Scores have one
/// decimal. Keys are sorted and the output is
/// the same bytes for the same report, so goldens and diffs stay stable. Adding a key keeps the version; removing
/// or changing one bumps it.
public struct JSONReporter: Reporter {
    public static let id = "json"
    public static let summary = "A versioned JSON document (schema 1) for dashboards and scripts."
    public static let schemaVersion = 1
    public static let showsFingerprints = true

    /// JSON has no presentation options: it ignores colour, `--statistics` and `--quiet`.
    public init(options: ReporterOptions = ReporterOptions()) {}

    public func render(_ report: Report) -> String {
        JSONWriter().write(document(report)) + "\n"
    }

    /// The report as a JSON value.
    public func document(_ report: Report) -> JSONValue {
        let categories = report.score.categories.map { category, part in
            (
                category.rawValue,
                JSONValue.object([
                    "score": .decimal(part.value, places: 1),
                    "errors": .integer(part.errors),
                    "warnings": .integer(part.warnings),
                    "infos": .integer(part.infos),
                ])
            )
        }
        let formats = report.formats.filter { $0.value > 0 }.map { ($0.key.rawValue, JSONValue.integer($0.value)) }
        let rules = report.countsByCode.map { ($0.key, JSONValue.integer($0.value)) }
        var document: [String: JSONValue] = [
            "schemaVersion": .integer(JSONReporter.schemaVersion),
            "tool": .object(["name": .string(report.tool.name), "version": .string(report.tool.version)]),
            "score": .decimal(report.score.overall, places: 1),
            "categories": .object(Dictionary(uniqueKeysWithValues: categories)),
            "summary": .object([
                "files": .integer(report.files.count),
                "records": .integer(report.records),
                "errors": .integer(report.count(.error)),
                "warnings": .integer(report.count(.warning)),
                "infos": .integer(report.count(.info)),
            ]),
            "files": .array(report.files.map(file)),
            "findings": .array(report.findings.map(finding)),
            "stats": .object(report.stats.merging(builtInStats(report, formats: formats, rules: rules)) { _, own in own }),
        ]
        if let baseline = report.baseline {
            document["baseline"] = .object([
                "path": .string(baseline.path),
                "matched": .integer(baseline.matched),
                "noLongerOccurring": .integer(baseline.noLongerOccurring),
            ])
        }
        return .object(document)
    }

    /// Records per format, findings per rule, and (only when a limit dropped some) findings not listed per rule.
    private func builtInStats(
        _ report: Report, formats: [(String, JSONValue)], rules: [(String, JSONValue)]
    ) -> [String: JSONValue] {
        var stats: [String: JSONValue] = [
            "formats": .object(Dictionary(uniqueKeysWithValues: formats)),
            "rules": .object(Dictionary(uniqueKeysWithValues: rules)),
        ]
        if !report.omitted.isEmpty {
            stats["omitted"] = .object(
                Dictionary(report.omitted.map { ($0.code, $0.count) }, uniquingKeysWith: +)
                    .mapValues(JSONValue.integer))
        }
        return stats
    }

    private func file(_ file: Report.File) -> JSONValue {
        .object(["path": .string(file.path), "format": .string(file.formatName), "records": .integer(file.records)])
    }

    private func finding(_ finding: Finding) -> JSONValue {
        let location = finding.location
        return .object([
            "rule": .string(finding.rule),
            "code": .string(finding.code),
            "severity": .string(finding.severity.rawValue),
            "message": .string(finding.message),
            "path": .string(location.path),
            "line": .integer(location.line),
            "column": .integer(location.column),
            "record": .integer(location.record),
            "pointer": .string(location.pointer),
            "fingerprint": .string(finding.fingerprint),
            "related": .array(
                finding.related.map { related in
                    .object([
                        "path": .string(related.location.path),
                        "line": .integer(related.location.line),
                        "record": .integer(related.location.record),
                    ])
                }),
        ])
    }
}
