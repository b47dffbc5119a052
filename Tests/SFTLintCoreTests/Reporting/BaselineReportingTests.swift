import Testing

@testable import SFTLintCore

/// With `--baseline`, every format shows only the new findings, so each must also say what the baseline hid.
@Suite struct BaselineReportingTests {
    static let line = "baseline: 12 known findings not shown · 3 baseline findings no longer occur"

    static var report: Report {
        var report = SampleReport.report
        report.baseline = Report.BaselineComparison(path: "b.json", matched: 12, noLongerOccurring: 3)
        return report
    }

    @Test(arguments: allReporters.map { $0.id })
    func everyFormatSaysWhatTheBaselineHid(id: String) throws {
        let reporter = try #require(reporterType(id: id))
        let plain = reporter.init(options: ReporterOptions()).render(SampleReport.report)
        let output = reporter.init(options: ReporterOptions()).render(Self.report)
        let says: Bool
        switch id {
        case "json": says = output.contains("\"matched\": 12") && output.contains("\"noLongerOccurring\": 3")
        case "sarif": says = output.contains("\"matched\": 12") && output.contains("\"baselineState\": \"new\"")
        case "junit": says = output.contains("<property name=\"baseline.noLongerOccurring\" value=\"3\"/>")
        default: says = output.contains(Self.line)
        }
        #expect(says, "\(id) doesn't mention the baseline:\n\(output)")
        #expect(!plain.contains("no longer occur") && !plain.contains("baselineState"))
    }

    @Test func oneFixedFindingIsSingular() {
        let one = Report.BaselineComparison(path: "b.json", matched: 1, noLongerOccurring: 1)
        #expect(
            TextReporter.baselineLine(one)
                == "baseline: 1 known finding not shown · 1 baseline finding no longer occurs"
                + " · the counts and score above are of new findings")
    }
}
