/// JUnit XML, for CI systems that show test reports (GitLab's `artifacts:reports:junit`, Jenkins, Azure).
///
/// One test suite `sftlint`; one test case per rule that ran, named `<code> <name>`, which passes when the rule
/// found nothing and otherwise fails with the number of findings as its message and one finding a line
/// (`path:line:col: severity: message`) as its text. The suite's properties carry the score.
///
/// Text is XML-escaped; characters XML 1.0 can't hold or keep (control characters other than tab and LF,
/// U+FFFE, U+FFFF) are written as `\u001b`-style text, so a hostile record can't make the report unreadable.
public struct JUnitReporter: Reporter {
    public static let id = "junit"
    public static let summary = "JUnit XML: one test case per rule, failing with its findings."

    public init(options: ReporterOptions = ReporterOptions()) {}

    public func render(_ report: Report) -> String {
        var byCode: [String: [Finding]] = [:]
        for finding in report.findings { byCode[finding.code, default: []].append(finding) }
        // One rule's omissions may come in several severities (a config's per-path severities).
        let omitted = Dictionary(report.omitted.map { ($0.code, $0.count) }, uniquingKeysWith: +)
        let counts = report.countsByCode
        let failures = report.rules.filter { counts[$0.code, default: 0] > 0 }.count
        let suite = "name=\"sftlint\" tests=\"\(report.rules.count)\" failures=\"\(failures)\" errors=\"0\""
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites \(suite)>\n"
        out += "  <testsuite \(suite) skipped=\"0\">\n"
        out += "    <properties>\n"
        out += "      <property name=\"score\" value=\"\(NumberFormatting.score(report.score.overall))\"/>\n"
        out += "      <property name=\"records\" value=\"\(report.records)\"/>\n"
        if let baseline = report.baseline {
            out += "      <property name=\"baseline.matched\" value=\"\(baseline.matched)\"/>\n"
            out += "      <property name=\"baseline.noLongerOccurring\" value=\"\(baseline.noLongerOccurring)\"/>\n"
        }
        out += "    </properties>\n"
        for rule in report.rules {
            let name = JUnitReporter.escape("\(rule.code) \(rule.name)")
            let opening = "    <testcase classname=\"sftlint\" name=\"\(name)\""
            let count = counts[rule.code, default: 0]
            guard count > 0 else {
                out += opening + "/>\n"
                continue
            }
            let findings = byCode[rule.code, default: []]
            let severities = findings.map(\.severity) + report.omitted.filter { $0.code == rule.code }.map(\.severity)
            let worst = severities.max()
            var text = findings.map(line).joined()
            if let more = omitted[rule.code] { text += "… \(more) more not listed (--max-findings-per-rule)\n" }
            let message = TextReporter.counted(count, "finding")
            out += opening + ">\n"
            out += "      <failure type=\"\(worst?.rawValue ?? "error")\" message=\"\(message)\">"
            out += JUnitReporter.escape(text) + "</failure>\n"
            out += "    </testcase>\n"
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    private func line(_ finding: Finding) -> String {
        let location = finding.location
        return "\(location.path):\(location.line):\(location.column): \(finding.severity.rawValue): "
            + finding.message + "\n"
    }

    /// Text for an XML 1.0 attribute or element: what XML can't hold (control characters other than tab and
    /// LF, which a parser would drop or turn into LF, and U+FFFE, U+FFFF) as `\u000d`-style text, then the
    /// markup characters as entities, as HTML escapes them.
    static func escape(_ text: String) -> String {
        var visible = ""
        visible.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\t", "\n": visible.unicodeScalars.append(scalar)
            case "\u{00}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": visible += JSONWriter.unicodeEscape(scalar)
            default: visible.unicodeScalars.append(scalar)
            }
        }
        return HTMLText.escape(visible)
    }
}
