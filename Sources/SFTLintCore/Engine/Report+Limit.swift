extension Report {
    /// The report with at most `perRule` findings of each rule listed (0: no limit), the rest counted in
    /// `omitted`, as the engine does with `LintOptions.maxFindingsPerRule`. For runs that had to keep every
    /// finding (a baseline needs all fingerprints) but show only the first ones.
    public func limitingFindings(perRule: Int) -> Report {
        guard perRule > 0 else { return self }
        var listed: [String: Int] = [:]
        var kept: [Finding] = []
        var dropped: [String: Omission] = Dictionary(uniqueKeysWithValues: omitted.map { ($0.code, $0) })
        for finding in findings {
            let count = listed[finding.code, default: 0]
            listed[finding.code] = count + 1
            if count < perRule {
                kept.append(finding)
            } else {
                dropped[finding.code, default: Omission(
                    code: finding.code, rule: finding.rule, severity: finding.severity, count: 0)].count += 1
            }
        }
        var limited = self
        limited.findings = kept
        limited.omitted = dropped.values.sorted { $0.code < $1.code }
        return limited
    }
}
