import Foundation
import Testing

@testable import SFTLintCore

@Suite struct MarkdownReporterTests {
    let output = MarkdownReporter().render(SampleStats.report)

    func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The body rows of the first table at or after the line `heading` (the line itself, or the first that
    /// starts with it).
    func rows(after heading: String, in text: String? = nil) -> [String] {
        let all = lines(text ?? output)
        guard let start = all.firstIndex(of: heading) ?? all.firstIndex(where: { $0.hasPrefix(heading) }) else {
            return []
        }
        return Array(all[start...].drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }.dropFirst(2))
    }

    @Test func startsWithTheScoreAndTheVerdict() {
        let all = lines(output)
        #expect(all[0] == "## sftlint: score 93.8/100")
        #expect(all[2].hasPrefix("2 files · 48,210 records (alpaca 12,004 · sharegpt 36,206) · 2 errors · "))
    }

    @Test func tablesScoresPerCategoryAndCountsPerRule() {
        #expect(output.contains("| category | score | errors | warnings | infos |\n| --- | --: | --: | --: | --: |\n"))
        #expect(output.contains("| json | 99.8 | 1 | 0 | 0 |\n| duplicates | 99.9 | 0 | 1 | 0 |\n"))
        #expect(
            rows(after: "### Findings by rule") == [
                "| `D002` | conflicting-response | warning | 1 |", "| `E003` | special-token | error | 1 |",
                "| `J005` | byte-order-mark | error | 1 |", "| `L004` | short-response | info | 1 |",
            ])
    }

    @Test func listsErrorsFirstThenReportOrderWithLocations() {
        let listed = rows(after: "### Findings")
        #expect(listed.count == 4)
        #expect(
            listed[0].hasPrefix(
                "| error | `data/train.jsonl:20:18` | `E003` special-token | contains \"&lt;\\|im\\_end\\|&gt;\" |"))
        #expect(listed[1].hasPrefix("| error | `data/chat.json:1:1` | `J005` byte-order-mark | "))
        #expect(listed[2].hasPrefix("| warning | `data/train.jsonl:15:3` | "))
        #expect(listed[3].hasPrefix("| info | `data/train.jsonl:31:1` | "))
    }

    @Test func keepsTheWorstTwentyOfMany() {
        var report = SampleStats.report
        let info = SampleReport.findings[2]
        var error = SampleReport.findings[1]
        error.location.line = 900
        report.findings = Array(repeating: info, count: 30) + [error]
        report.omitted = [.init(code: "L004", rule: "short-response", severity: .info, count: 1_000)]
        let text = MarkdownReporter().render(report)
        #expect(text.contains("### The worst 20 of 1,031 findings\n"))
        let listed = rows(after: "### The worst", in: text)
        #expect(listed.count == 20)
        #expect(listed[0].contains("`data/train.jsonl:900:18`"))
        #expect(listed[1...].allSatisfy { $0.hasPrefix("| info |") })
        #expect(text.contains("| `L004` | short-response | info | 1,030 |"))
    }

    @Test func escapesHostileDataText() {
        let hostile =
            "a|b `code` **x** [link](https://e.com) <script>alert(1)</script> &amp; @octocat\nnext ~~s~~ _i_ \\"
        #expect(
            MarkdownText.escape(hostile)
                == "a\\|b \\`code\\` \\*\\*x\\*\\* \\[link\\](https://e.com) &lt;script&gt;alert(1)&lt;/script&gt; "
                + "&amp;amp; @\u{2060}octocat<br>next \\~\\~s\\~\\~ \\_i\\_ \\\\")
        var report = SampleStats.report
        report.findings[0].message = hostile
        report.findings[0].location.path = "x|<b>.jsonl"
        report.findings[1].location.path = "a`b@c.jsonl"
        let text = MarkdownReporter().render(report)
        #expect(!text.contains("<script>"))
        // Inside a code span `<b>` is literal text, not a tag.
        #expect(!text.replacingOccurrences(of: "`x\\|<b>.jsonl:15:3`", with: "").contains("<b>"))
        #expect(text.contains("| `x\\|<b>.jsonl:15:3` |"))
        #expect(text.contains("| a\\`b@\u{2060}c.jsonl:20:18 |"))
        #expect(MarkdownText.code("a||b") == "`a\\|\\|b`")
        #expect(MarkdownText.code("a\nb") == "a<br>b")
        // Every table row still has its four cells: no pipe from the data split one.
        for row in rows(after: "### Findings", in: text) {
            #expect(row.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count == 5, "\(row)")
        }
    }

    @Test func statisticsTablesFollowTheSchema() {
        #expect(output.contains("### Statistics\n\n**Samples:** 218 samples · 13.8% multi-turn · "))
        #expect(output.contains("**Budget:** 512 tokens · 14 samples over (6.4%) · 23,456 tokens cut · "))
        #expect(
            rows(after: "| tokens |").first
                == "| prompt | 2 | 4 | 9 | 20 | 40 | 70 | 90 | 150 | 700 | 32 | \u{2007}▁▁▄█▆▂▁\u{2007}▁ |")
        #expect(output.contains("\ntokens estimated by script-aware-v1; percentiles from a sketch\n"))
        #expect(
            rows(after: "| diversity |") == [
                "| prompts | 0.123 | 0.457 | 0.700 |", "| responses | 0.080 | 0.310 | 0.550 |",
            ])
        let openings = rows(after: "| response opening |")
        #expect(openings.count == 7)
        #expect(openings[1] == "| 好的，这很简单 | 40 | 18.3% |")
        #expect(openings[2] == "| Certainly \\| &lt;script&gt;alert(1)&lt;/script&gt; | 12 | 5.5% |")
        #expect(openings[5] == "| Line one<br>line two | 5 | 2.3% |")
        #expect(rows(after: "| prompt verb |").last == "| @\u{2060}octocat | 4 | 1.8% |")
        #expect(
            rows(after: "| script |") == ["| latin | 150 | 68.8% |", "| han | 60 | 27.5% |", "| none | 8 | 3.7% |"])
    }

    @Test func aCleanRunWithoutStatisticsIsTheHeadingAndVerdict() {
        let report = SampleReport.clean(files: [.init(path: "a.jsonl", formats: [.openai: 1], records: 1)])
        #expect(
            MarkdownReporter().render(report)
                == "## sftlint: score 100.0/100\n\n1 file · 1 record (openai 1) · 0 errors · 0 warnings · 0 infos · score 100.0/100\n"
        )
    }

    @Test func cutsHugeMessages() {
        var report = SampleStats.report
        report.findings[1].message = String(repeating: "a", count: 2_000)
        let text = MarkdownReporter().render(report)
        #expect(text.contains("| " + String(repeating: "a", count: 299) + "… |"))
        #expect("abc".shortened(to: 3) == "abc")
        #expect("abcd".shortened(to: 3) == "ab…")
    }
}
