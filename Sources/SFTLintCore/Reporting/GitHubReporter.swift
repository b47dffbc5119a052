/// GitHub Actions workflow commands: each finding becomes an annotation on its line in the pull request.
///
/// ```
/// ::error file=data/train.jsonl,line=15,col=3,title=D002 conflicting-response::same prompt as line 14, …
/// ```
/// Severities map to `error`, `warning` and `notice`. GitHub shows at most 10 annotations of each kind per step
/// (and 50 per job) and drops the rest unseen, so at most `annotationsPerKind` of each kind are written, in
/// report order; a last plain line gives the totals and says how many were left out, so the log never hides a
/// count. Text is escaped as the Actions runner unescapes it: in the message `%`, CR and LF; in properties also
/// `:` and `,`.
public struct GitHubReporter: Reporter {
    public static let id = "github"
    public static let summary = "GitHub Actions annotations (10 of each severity) and a summary line."
    /// Annotations of one kind GitHub shows per step.
    public static let annotationsPerKind = 10

    public init(options: ReporterOptions = ReporterOptions()) {}

    public func render(_ report: Report) -> String {
        var out = ""
        var written: [Severity: Int] = [:]
        for finding in report.findings {
            let count = written[finding.severity, default: 0]
            guard count < GitHubReporter.annotationsPerKind else { continue }
            written[finding.severity] = count + 1
            out += annotation(finding)
        }
        let total = Severity.allCases.reduce(0) { $0 + report.count($1) }
        let shown = written.values.reduce(0, +)
        var summary = TextReporter().summaryLine(report)
        if shown < total {
            summary += " · \(shown) of \(TextReporter.counted(total, "finding")) annotated"
                + " (GitHub shows \(GitHubReporter.annotationsPerKind) of each severity per step;"
                + " run with --format text or sarif for all)"
        }
        out += "sftlint: " + summary + "\n"
        if let baseline = report.baseline { out += "sftlint: " + TextReporter.baselineLine(baseline) + "\n" }
        return out
    }

    private func annotation(_ finding: Finding) -> String {
        let location = finding.location
        let properties = [
            "file=" + GitHubReporter.escapeProperty(location.path),
            "line=\(location.line)",
            "col=\(location.column)",
            "title=" + GitHubReporter.escapeProperty("\(finding.code) \(finding.rule)"),
        ].joined(separator: ",")
        var message = finding.message
        for related in finding.related {
            message += "\n\(related.location.path):\(related.location.line):\(related.location.column): \(related.note)"
        }
        return "::\(GitHubReporter.command(finding.severity)) \(properties)::\(GitHubReporter.escapeData(message))\n"
    }

    static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    /// The message after `::`: `%` (escaped first, as the runner decodes it last), CR and LF.
    static func escapeData(_ text: String) -> String {
        escape(text, isProperty: false)
    }

    /// A property value (`file=`, `title=`): as data, and `:` and `,`, which would end the property.
    static func escapeProperty(_ text: String) -> String {
        escape(text, isProperty: true)
    }

    private static func escape(_ text: String, isProperty: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where isProperty: out += "%3A"
            case "," where isProperty: out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
