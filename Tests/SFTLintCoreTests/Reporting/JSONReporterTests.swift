import Testing

@testable import SFTLintCore

@Suite struct JSONReporterTests {
    @Test func rendersTheVersionedSchema() {
        let expected = #"""
            {
              "categories": {
                "duplicates": {
                  "errors": 0,
                  "infos": 0,
                  "score": 99.9,
                  "warnings": 1
                },
                "endings": {
                  "errors": 1,
                  "infos": 0,
                  "score": 99.8,
                  "warnings": 0
                },
                "json": {
                  "errors": 1,
                  "infos": 0,
                  "score": 99.8,
                  "warnings": 0
                },
                "length": {
                  "errors": 0,
                  "infos": 1,
                  "score": 100.0,
                  "warnings": 0
                }
              },
              "files": [
                {
                  "format": "alpaca",
                  "path": "data/train.jsonl",
                  "records": 12004
                },
                {
                  "format": "sharegpt",
                  "path": "data/chat.json",
                  "records": 36206
                }
              ],
              "findings": [
                {
                  "code": "D002",
                  "column": 3,
                  "fingerprint": "00000000000000a0",
                  "line": 15,
                  "message": "same prompt as line 14, different response",
                  "path": "data/train.jsonl",
                  "pointer": "/output",
                  "record": 14,
                  "related": [
                    {
                      "line": 14,
                      "path": "data/train.jsonl",
                      "record": 13
                    }
                  ],
                  "rule": "conflicting-response",
                  "severity": "warning"
                },
                {
                  "code": "E003",
                  "column": 18,
                  "fingerprint": "00000000000000a1",
                  "line": 20,
                  "message": "contains \"<|im_end|>\"",
                  "path": "data/train.jsonl",
                  "pointer": "/output",
                  "record": 19,
                  "related": [],
                  "rule": "special-token",
                  "severity": "error"
                },
                {
                  "code": "L004",
                  "column": 1,
                  "fingerprint": "00000000000000a2",
                  "line": 31,
                  "message": "response is one character: \"好\"\tafter 你好/世界\u0001",
                  "path": "data/train.jsonl",
                  "pointer": "/conversations/1/value",
                  "record": 30,
                  "related": [],
                  "rule": "short-response",
                  "severity": "info"
                },
                {
                  "code": "J005",
                  "column": 1,
                  "fingerprint": "00000000000000a3",
                  "line": 1,
                  "message": "file starts with a byte order mark \\ufeff",
                  "path": "data/chat.json",
                  "pointer": "",
                  "record": null,
                  "related": [],
                  "rule": "byte-order-mark",
                  "severity": "error"
                }
              ],
              "schemaVersion": 1,
              "score": 93.8,
              "stats": {
                "formats": {
                  "alpaca": 12004,
                  "sharegpt": 36206
                },
                "rules": {
                  "D002": 1,
                  "E003": 1,
                  "J005": 1,
                  "L004": 1
                }
              },
              "summary": {
                "errors": 2,
                "files": 2,
                "infos": 1,
                "records": 48210,
                "warnings": 1
              },
              "tool": {
                "name": "sftlint",
                "version": "test"
              }
            }

            """#
        #expect(JSONReporter().render(SampleReport.report) == expected)
    }

    @Test func ignoresPresentationOptions() {
        let plain = JSONReporter().render(SampleReport.report)
        let options = ReporterOptions(color: true, statisticsOnly: true, quiet: true)
        #expect(JSONReporter(options: options).render(SampleReport.report) == plain)
    }

    @Test func emptyReportHasEmptyContainers() {
        let output = JSONReporter().render(SampleReport.clean(files: []))
        #expect(output.contains("\"categories\": {},\n"))
        #expect(output.contains("\"files\": [],\n"))
        #expect(output.contains("\"findings\": [],\n"))
        #expect(output.contains("\"formats\": {},\n"))
        #expect(output.hasSuffix("}\n"))
    }

    @Test func registryFindsReportersByID() {
        #expect(allReporters.map { $0.id } == ["text", "json", "markdown", "html", "sarif", "github", "junit"])
        #expect(reporterType(id: "json") == JSONReporter.self)
        #expect(reporterType(id: "sarif") == SARIFReporter.self)
        #expect(reporterType(id: "xml") == nil)
        #expect(Set(allReporters.map { $0.id }).count == allReporters.count)
    }
}
