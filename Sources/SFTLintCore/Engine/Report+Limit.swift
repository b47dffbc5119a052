extension Report {
    /// The report with at most `perRule` findings of each rule listed (0: no limit), the rest counted in
    /// `omitted` by rule and severity, as the engine does with `LintOptions.maxFindingsPerRule`. For runs that
    /// had to keep every finding (a baseline needs all fingerprints) but show only the first ones.
    public func limitingFindings(perRule: Int) -> Report {
        guard perRule > 0 else { return self }
        struct Key: Hashable {
            let code: String
            let severity: Severity
        }
        var listed: [String: Int] = [:]
        var kept: [Finding] = []
        var dropped = Dictionary(omitted.map { (Key(code: $0.code, severity: $0.severity), $0) }) { a, b in
            var sum = a
            sum.count += b.count
            return sum
        }
        for finding in findings {
            let count = listed[finding.code, default: 0]
            listed[finding.code] = count + 1
            if count < perRule {
                kept.append(finding)
            } else {
                let key = Key(code: finding.code, severity: finding.severity)
                let none = Omission(code: finding.code, rule: finding.rule, severity: finding.severity, count: 0)
                dropped[key, default: none].count += 1
            }
        }
        var limited = self
        limited.findings = kept
        // As the engine orders them: by code, the most severe first.
        limited.omitted = dropped.values.sorted { ($0.code, $1.severity) < ($1.code, $0.severity) }
        return limited
    }
}
