import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@testable import SFTLintCore

/// JUnit XML: one test case per rule, failures with their findings, and text no record can break.
@Suite struct JUnitReporterTests {
    static let rules = SARIFReporterTests.rules

    static func report(_ message: String) -> Report {
        let finding = Finding(
            code: "E003", rule: "special-token", severity: .error, message: message,
            location: Location(path: "a&b.jsonl", fileIndex: 0, line: 4, column: 2, record: 3, pointer: "/output"))
        return Report(
            tool: .init(version: "test"), files: [.init(path: "a&b.jsonl", formats: [.alpaca: 9], records: 9)],
            findings: [finding], rules: rules, score: Score(overall: 90.5, categories: [:]))
    }

    /// Parses with Foundation's XML parser and collects test cases and failure texts.
    final class Collector: NSObject, XMLParserDelegate {
        var testcases: [String] = []
        var failures: [(type: String, message: String, text: String)] = []
        var inFailure = false

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if name == "testcase" { testcases.append(attributes["name"] ?? "") }
            if name == "failure" {
                failures.append((attributes["type"] ?? "", attributes["message"] ?? "", ""))
                inFailure = true
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inFailure { failures[failures.count - 1].text += string }
        }

        func parser(
            _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
        ) {
            if name == "failure" { inFailure = false }
        }
    }

    static func parse(_ xml: String) throws -> Collector {
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = Collector()
        parser.delegate = collector
        let isParsed = parser.parse()
        #expect(isParsed, "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")\n\(xml)")
        return collector
    }

    @Test func oneTestCasePerRuleFailingWithItsFindings() throws {
        let xml = JUnitReporter().render(Self.report("contains \"<|im_end|>\""))
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"sftlint\" tests=\"2\" failures=\"1\""))
        let parsed = try Self.parse(xml)
        #expect(parsed.testcases == ["D002 conflicting-response", "E003 special-token"])
        #expect(parsed.failures.count == 1)
        #expect(parsed.failures.first?.type == "error")
        #expect(parsed.failures.first?.message == "1 finding")
        #expect(parsed.failures.first?.text == "a&b.jsonl:4:2: error: contains \"<|im_end|>\"\n")
    }

    @Test func hostileTextStaysWellFormed() throws {
        let hostile = "]]></failure><x a='1'>&amp; \u{0}\u{1B}[31m\u{8}\u{B}\u{C}\u{FFFE}\r\t \"quoted\" 中文 🙂"
        let xml = JUnitReporter().render(Self.report(hostile))
        let parsed = try Self.parse(xml)
        let text = try #require(parsed.failures.first?.text)
        #expect(
            text == "a&b.jsonl:4:2: error: ]]></failure><x a='1'>&amp; \\u0000\\u001b[31m\\u0008\\u000b\\u000c\\ufffe\\u000d\t"
                + " \"quoted\" 中文 🙂\n")
    }

    @Test func escapesWhatXMLNeeds() {
        #expect(JUnitReporter.escape("<a & 'b' \"c\">") == "&lt;a &amp; &#39;b&#39; &quot;c&quot;&gt;")
        #expect(JUnitReporter.escape("\u{1}\t\n\r") == "\\u0001\t\n\\u000d")
    }
}
