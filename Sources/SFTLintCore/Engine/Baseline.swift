import Foundation

/// The findings a repository has accepted, by fingerprint: `--write-baseline` records them and `--baseline`
/// reports only findings not among them.
///
/// The file is small, versioned JSON, one finding a line, sorted by path, code and fingerprint, so that it
/// diffs well and the same findings always give the same bytes:
/// ```
/// {
///   "version": 1,
///   "tool": "sftlint",
///   "findings": [
///     {"path": "data/train.jsonl", "code": "D001", "fingerprint": "0c4f9a1e5b7d2e83"}
///   ]
/// }
/// ```
/// `path` and `code` let a run count only the baseline findings it could have seen again: a run that reads
/// other files or selects other rules doesn't call the rest fixed.
public struct Baseline: Sendable, Hashable {
    /// One accepted finding.
    public struct Entry: Sendable, Hashable, Comparable {
        public var path: String
        public var code: String
        public var fingerprint: String

        public init(path: String, code: String, fingerprint: String) {
            self.path = path
            self.code = code
            self.fingerprint = fingerprint
        }

        public static func < (a: Entry, b: Entry) -> Bool {
            (a.path, a.code, a.fingerprint) < (b.path, b.code, b.fingerprint)
        }
    }

    /// The file format's version; a file of another version is refused rather than misread.
    public static let version = 1

    /// Sorted.
    public private(set) var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries.sorted()
    }

    /// Every finding of `report`. Findings a limit left out have no fingerprint and can't be recorded, so a run
    /// that writes a baseline keeps them all (`LintOptions.maxFindingsPerRule = 0`).
    public init(report: Report) {
        self.init(
            entries: report.findings.map {
                Entry(path: $0.location.path, code: $0.code, fingerprint: $0.fingerprint)
            })
    }

    // MARK: - File

    /// The file's text.
    public func render() -> String {
        var out = "{\n  \"version\": \(Baseline.version),\n  \"tool\": \"sftlint\",\n  \"findings\": ["
        for (index, entry) in entries.enumerated() {
            out += index == 0 ? "\n    " : ",\n    "
            out += "{\"path\": "
            JSONWriter.writeString(entry.path, into: &out)
            out += ", \"code\": "
            JSONWriter.writeString(entry.code, into: &out)
            out += ", \"fingerprint\": "
            JSONWriter.writeString(entry.fingerprint, into: &out)
            out += "}"
        }
        out += entries.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }

    /// Reads the baseline at `path`; every problem is an error that names the file and, inside it, the place.
    public static func read(path: String) throws(SFTLintError) -> Baseline {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw SFTLintError("cannot read baseline '\(path)': no such file")
        }
        guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
            throw SFTLintError("cannot read baseline '\(path)': not a readable file")
        }
        return try parse(Array(data), path: path)
    }

    /// Parses a baseline file's bytes; `path` names it in errors.
    public static func parse(_ bytes: [UInt8], path: String) throws(SFTLintError) -> Baseline {
        let result = JSONParser().parse(bytes[...])
        guard let document = result.document else {
            let error = result.error ?? JSONSyntaxError(message: "invalid JSON", offset: 0)
            let position = TextPosition.advance(line: 1, column: 1, over: bytes.prefix(error.offset))
            throw SFTLintError(
                "baseline '\(path)' is not valid JSON: line \(position.line), column \(position.column): "
                    + error.message)
        }
        func fail(_ node: Int, _ problem: String) -> SFTLintError {
            let position = TextPosition.advance(line: 1, column: 1, over: bytes.prefix(document.offset(node)))
            return SFTLintError("baseline '\(path)' line \(position.line), column \(position.column): \(problem)")
        }
        let root = JSONDocument.root
        guard document.kind(root) == .object else {
            throw fail(root, "expected an object with \"version\" and \"findings\"")
        }
        guard let version = document.member(of: root, named: "version") else {
            throw fail(root, "no \"version\"; is this a baseline written by 'sftlint check --write-baseline'?")
        }
        let literal = document.nodes[version]
        let versionText = String(decoding: document.bytes[Int(literal.start)..<Int(literal.end)], as: UTF8.self)
        guard versionText == String(Baseline.version) else {
            throw fail(
                version,
                "baseline version \(versionText) is not supported; this sftlint reads version \(Baseline.version)"
                    + " (write a new one with --write-baseline)")
        }
        guard let findings = document.member(of: root, named: "findings"), document.kind(findings) == .array else {
            throw fail(root, "expected \"findings\": an array")
        }
        var entries: [Entry] = []
        for (index, element) in document.elements(of: findings).enumerated() {
            var fields: [String: String] = [:]
            for key in ["path", "code", "fingerprint"] {
                guard document.kind(element) == .object, let value = document.member(of: element, named: key),
                    document.kind(value) == .string, !document.string(value).isEmpty
                else {
                    throw fail(element, "findings[\(index)] needs \"\(key)\": a non-empty string")
                }
                fields[key] = document.string(value)
            }
            entries.append(
                Entry(path: fields["path"] ?? "", code: fields["code"] ?? "", fingerprint: fields["fingerprint"] ?? ""))
        }
        return Baseline(entries: entries)
    }

    // MARK: - Comparing

    /// `report` with only the findings that aren't in the baseline: counts, score and the gate see only those.
    /// `matched` counts the findings the baseline hid; `noLongerOccurring`, the baseline's findings of the files
    /// read and rules run that this run didn't find (fixed, or their record edited).
    public func filter(_ report: Report, path: String) -> Report {
        var accepted = Set(entries.map(\.fingerprint))
        var unmatched: [Finding] = []
        for finding in report.findings where accepted.remove(finding.fingerprint) == nil {
            unmatched.append(finding)
        }
        // A group reordered: its old first record is flagged now, and matches the baseline finding of the new
        // first record, which no longer has one.
        var kept: [Finding] = []
        for finding in unmatched {
            if let related = finding.relatedFingerprint, accepted.remove(related) != nil { continue }
            kept.append(finding)
        }
        let matched = report.findings.count - kept.count
        let files = Set(report.files.map(\.path))
        let codes = Set(report.rules.map(\.code))
        let gone = entries.filter {
            accepted.contains($0.fingerprint) && files.contains($0.path) && codes.contains($0.code)
        }
        var filtered = report
        filtered.findings = kept
        filtered.score = Score(
            tallies: kept.map { (code: $0.code, severity: $0.severity, count: 1) }
                + report.omitted.map { (code: $0.code, severity: $0.severity, count: $0.count) },
            records: report.records, categories: Set(report.rules.compactMap(\.category)))
        filtered.baseline = Report.BaselineComparison(path: path, matched: matched, noLongerOccurring: gone.count)
        return filtered
    }
}

extension Report {
    /// What comparing a run with a baseline found, for the summary.
    public struct BaselineComparison: Sendable, Hashable {
        /// The baseline file, as given.
        public var path: String
        /// Findings of this run that the baseline holds, and that the report leaves out.
        public var matched: Int
        /// Baseline findings of the files read and the rules run that this run didn't find.
        public var noLongerOccurring: Int

        public init(path: String, matched: Int, noLongerOccurring: Int) {
            self.path = path
            self.matched = matched
            self.noLongerOccurring = noLongerOccurring
        }
    }
}
