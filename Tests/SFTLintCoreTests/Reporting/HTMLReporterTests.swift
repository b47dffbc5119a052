import Foundation
import Testing

@testable import SFTLintCore

@Suite struct HTMLReporterTests {
    let page = HTMLReporter().render(SampleStats.report)

    /// Every value of `attribute` in `html`.
    func values(of attribute: String, in html: String) -> [String] {
        html.components(separatedBy: " \(attribute)=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    /// The `<svg>` elements of `html`.
    func charts(_ html: String) -> [String] {
        html.components(separatedBy: "<svg ").dropFirst().map { $0.components(separatedBy: "</svg>")[0] }
    }

    @Test func isOneStandaloneDocument() {
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"))
        #expect(page.hasSuffix("</body>\n</html>\n"))
        #expect(page.contains("<title>sftlint report · score 93.8/100</title>"))
        #expect(page == HTMLReporter().render(SampleStats.report))
    }

    @Test func loadsNothingFromAnywhere() {
        var report = SampleStats.report
        report.stats["openings"] = nil
        let html = HTMLReporter().render(report)
        #expect(!html.contains("http://"))
        #expect(!html.contains("https://"))
        for page in [html, page] {
            #expect(!page.contains("<script"))
            #expect(!page.contains("<link"))
            #expect(!page.contains("<img"))
            #expect(!page.contains("@import"))
            #expect(!page.contains("url("))
            #expect(values(of: "src", in: page).isEmpty)
            #expect(!values(of: "href", in: page).isEmpty)
            #expect(
                values(of: "href", in: page).allSatisfy {
                    $0.hasPrefix("#rule-") || ["#scores", "#statistics", "#findings"].contains($0)
                })
        }
    }

    @Test func escapesHostileDataEverywhere() {
        var report = SampleStats.report
        report.findings[0].message = "<script>alert(\"x\")</script> & 'q' <img src=https://evil.example/x.png>"
        report.findings[0].location.path = "a\"><b>.jsonl"
        report.findings[0].related[0].note = "<i>note</i>"
        let html = HTMLReporter().render(report)
        #expect(
            html.contains(
                "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39; &lt;img src=https://evil.example/x.png&gt;"
            ))
        #expect(html.contains("a&quot;&gt;&lt;b&gt;.jsonl<wbr><span class=\"nowrap\">:15:3</span>"))
        #expect(html.contains("&lt;i&gt;note&lt;/i&gt;"))
        // From the openings in the statistics.
        #expect(html.contains("Certainly | &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("<i>"))
        #expect(!html.contains("<img"))
        #expect(HTMLText.escape("a\u{0}b\u{1B}c\nd") == "abc\nd")
    }

    @Test func styleHasDarkModeAndPrint() {
        #expect(page.contains("<meta name=\"color-scheme\" content=\"light dark\">"))
        #expect(page.contains("@media (prefers-color-scheme: dark)"))
        #expect(page.contains("@media print"))
    }

    @Test func groupsFindingsByRuleMostSevereFirst() throws {
        var report = SampleStats.report
        report.rules = [
            CheckInfo(
                code: "D002", name: "conflicting-response", summary: "A prompt has two answers.",
                rationale: "The model learns <neither>.", severity: .warning, triggering: [], nonTriggering: [])
        ]
        let html = HTMLReporter().render(report)
        let order = ["rule-E003", "rule-J005", "rule-D002", "rule-L004"].map { id in
            html.range(of: "<div class=\"rule\" id=\"\(id)\">")?.lowerBound
        }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        #expect(
            html.contains(
                "<p>A prompt has two answers.</p>\n<p class=\"muted\">Why it matters: The model learns &lt;neither&gt;.</p>"
            ))
        #expect(
            html.contains("<td class=\"mono where\">data/train.jsonl<wbr><span class=\"nowrap\">:15:3</span> <span class=\"muted\">/output</span></td>"))
        #expect(
            html.contains(
                "<li><span class=\"mono\">data/train.jsonl<wbr><span class=\"nowrap\">:14:3</span> <span class=\"muted\">/output</span></span> first seen here</li>"
            ))
    }

    @Test func listsAtMostTwoHundredFindingsPerRule() {
        var report = SampleStats.report
        report.findings = Array(repeating: SampleReport.findings[1], count: 250) + [SampleReport.findings[0]]
        report.omitted = [.init(code: "E003", rule: "special-token", severity: .error, count: 1_000)]
        let html = HTMLReporter().render(report)
        let rule = html.components(separatedBy: "id=\"rule-E003\"")[1].components(separatedBy: "<div class=\"rule\"")[0]
        #expect(rule.components(separatedBy: "<tr><td").count - 1 == 200)
        #expect(rule.contains("<p class=\"more\">and 1,050 more</p>"))
        #expect(rule.contains("1,250 findings"))
        #expect(html.utf8.count < 150_000)
    }

    @Test func noFindingsSaysSo() {
        let html = HTMLReporter().render(SampleReport.clean(files: []))
        #expect(html.contains("<p>No findings.</p>"))
        #expect(html.contains("No statistics in this run."))
        #expect(!html.contains("<svg"))
    }

    @Test func drawsOneChartPerPartWithABarPerBin() throws {
        let svgs = charts(page)
        #expect(svgs.count == 3)
        // Prompt tokens have 10 bins; the fullest (80) spans the whole plot height, 170 - 18 - 30.
        #expect(svgs[0].components(separatedBy: "<rect class=\"bar\"").count - 1 == 10)
        #expect(svgs[0].contains("height=\"122.0\"><title>16–32 tokens: 80</title>"))
        #expect(svgs[0].contains("<title>512–1,024 tokens: 1</title>"))
    }

    @Test func theBudgetLineIsOnTheSampleChartOnly() throws {
        let svgs = charts(page)
        #expect(!svgs[0].contains("class=\"cut\""))
        #expect(!svgs[1].contains("class=\"cut\""))
        // 512 is the lower edge of the 10th of 12 bins: x = 48 + 9 · (480 - 64) / 12.
        #expect(svgs[2].contains("<line class=\"cut\" x1=\"360.0\" y1=\"14.0\" x2=\"360.0\""))
        #expect(svgs[2].contains(">max 512</text>"))
        var report = SampleStats.report
        report.stats["budget"] = nil
        #expect(!HTMLReporter().render(report).contains("class=\"cut\""))
    }

    @Test func budgetPositionIsLogInterpolatedAndClamped() throws {
        let chart = SVGHistogram()
        let bins = [
            StatsView.Distribution.Bin(lower: 1, upper: 4, count: 1), .init(lower: 4, upper: 16, count: 1),
        ]
        // Plot from 48 to 464, two bins of 208.
        #expect(chart.position(of: 4, in: bins, step: 208) == 256)
        #expect(try #require(chart.position(of: 8, in: bins, step: 208)) == 256 + 104)
        #expect(chart.position(of: 0.5, in: bins, step: 208) == 48)
        #expect(chart.position(of: 1_000, in: bins, step: 208) == 464)
        #expect(chart.position(of: 3, in: [], step: 208) == nil)
    }

    @Test func showsTheOpeningsVerbsAndLanguageMix() {
        #expect(page.contains("<th>response opening</th>"))
        #expect(page.contains("<span class=\"opening\">好的，这很简单</span>"))
        #expect(page.contains("<span class=\"opening\">never listed: sixth</span>"))
        #expect(page.contains("<th>prompt verb</th>"))
        #expect(page.contains("<span class=\"opening\">解释</span>"))
        #expect(page.contains("<h3>Language mix</h3>"))
        #expect(page.contains("<td>han</td><td class=\"num\">60</td>"))
        #expect(page.contains("<li>13.8% multi-turn</li>"))
        #expect(page.contains("<td>prompts</td><td class=\"num\">0.123</td>"))
    }

    @Test func tablesEachFileWhenThereAreSeveral() {
        #expect(!page.contains("Per file"))
        var report = SampleStats.report
        let samples = SampleStats.stats["samples"]!
        let lengths = SampleStats.stats["lengths"]!
        report.stats["files"] = .array([
            .object(["path": .string("a<1>.jsonl"), "samples": samples, "lengths": lengths]),
            .object(["path": .string("b.jsonl")]),
        ])
        let html = HTMLReporter().render(report)
        #expect(html.contains("<h3>Per file</h3>"))
        #expect(
            html.contains(
                "<tr><td><span class=\"mono where\">a&lt;1&gt;.jsonl</span></td><td class=\"num\">218</td>"
                    + "<td class=\"num\">13.8%</td><td class=\"num\">110</td><td class=\"num\">560</td>"
                    + "<td class=\"num\">12.3k</td></tr>"))
        #expect(html.contains("<td><span class=\"mono where\">b.jsonl</span></td><td class=\"num\">–</td>"))
    }

    @Test func cutsHugeMessagesAndOpenings() {
        var report = SampleStats.report
        report.findings[0].message = String(repeating: "长", count: 5_000)
        report.stats["openings"] = .object([
            "responses": SampleStats.openings([(String(repeating: "x", count: 3_000), 1)], total: 1)
        ])
        let html = HTMLReporter().render(report)
        #expect(html.contains(">" + String(repeating: "长", count: 999) + "…</span>"))
        #expect(html.contains(">" + String(repeating: "x", count: 999) + "…</span>"))
        #expect(!html.contains(String(repeating: "长", count: 1_000)))
    }
}
