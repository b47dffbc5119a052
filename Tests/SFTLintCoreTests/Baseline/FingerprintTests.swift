import Foundation
import Testing

@testable import SFTLintCore

/// Fingerprints identify a finding by its rule, field and record content, never by where the record sits.
@Suite struct FingerprintTests {
    /// Records with defects of per-record rules (E003, S004) and of dataset rules (D001 copies, D002 conflict).
    static let records = [
        #"{"instruction": "Say hi", "output": "Hello<|im_end|>"}"#,
        #"{"instruction": "Name a colour", "output": ""}"#,
        #"{"instruction": "Capital of France?", "output": "Paris."}"#,
        #"{"instruction": "Capital of France?", "output": "Paris."}"#,
        #"{"instruction": "2+2?", "output": "4"}"#,
        #"{"instruction": "2+2?", "output": "5"}"#,
        #"{"instruction": "把这句话翻译成英文：你好", "output": "Hello<|im_end|>"}"#,
    ]

    static let fresh = [
        #"{"instruction": "Write a haiku", "output": "Old pond, a frog jumps<|endoftext|>"}"#,
        #"{"instruction": "List three fruits", "output": "Apple, pear, plum."}"#,
    ]

    static func lint(_ lines: [String], jobs: Int = 1) throws -> Report {
        try LintHarness.lint(Array((lines.joined(separator: "\n") + "\n").utf8), jobs: jobs)
    }

    static func fingerprints(_ report: Report) -> [String: String] {
        Dictionary(uniqueKeysWithValues: report.findings.map { ($0.fingerprint, $0.code) })
    }

    @Test func everyFindingHasADistinctFingerprint() throws {
        let report = try Self.lint(Self.records)
        #expect(Set(report.findings.map(\.code)).isSuperset(of: ["E003", "S004", "D001", "D002"]))
        #expect(report.findings.allSatisfy { $0.fingerprint.count == 16 })
        #expect(Set(report.findings.map(\.fingerprint)).count == report.findings.count)
    }

    /// The test line numbers would fail: every record moves, yet a baseline of the old findings holds them all
    /// and only the inserted records' finding is new.
    @Test func insertingAndReorderingRecordsKeepsFindingsAccepted() throws {
        let before = try Self.lint(Self.records)
        let shuffled = [Self.fresh[0]] + Self.records.reversed() + [Self.fresh[1]]
        let after = try Self.lint(shuffled)
        let new = Baseline(report: before).filter(after, path: "b.json").findings
        #expect(new.map(\.code) == ["E003"])
        #expect(new.first?.location.line == 1)
        // Findings without a related record keep their very fingerprints.
        let own = { (report: Report) in Set(report.findings.filter(\.related.isEmpty).map(\.fingerprint)) }
        #expect(own(before).isSubset(of: own(after)))
        // The lines did move: a fingerprint made of lines would have changed.
        #expect(after.findings.filter { $0.code == "S004" }.map(\.location.line) == [7])
        #expect(before.findings.filter { $0.code == "S004" }.map(\.location.line) == [2])
    }

    /// A group's findings sit on every member but the first; reordering the group changes which record is first.
    @Test func reorderedGroupsStayAccepted() throws {
        let group = [
            #"{"instruction": "Summarise the plot of Romeo and Juliet in two sentences.", "output": "Lovers die."}"#,
            #"{"instruction": "Summarise the plot of Romeo and Juliet in two short sentences.", "output": "A feud."}"#,
            #"{"instruction": "Summarise the plot of Romeo & Juliet in two sentences!", "output": "Secret marriage."}"#,
            #"{"instruction": "Summarise the plot of Romeo and Juliet in 2 sentences.", "output": "Tragedy."}"#,
        ]
        let conflict = [
            #"{"instruction": "水的化学式是什么？", "output": "水的化学式是H2O。"}"#,
            #"{"instruction": "水的化学式是什么？", "output": "二氧化碳。"}"#,
            #"{"instruction": "水的化学式是什么？", "output": "H2O"}"#,
        ]
        let before = try Self.lint(group + conflict)
        #expect(before.codes("D003").count == 3)
        #expect(before.codes("D002").count == 2)
        for order in [[3, 1, 0, 2, 6, 5, 4], [2, 5, 0, 6, 3, 4, 1], [6, 4, 5, 1, 3, 2, 0]] {
            let lines = order.map { (group + conflict)[$0] }
            let after = try Self.lint(lines)
            #expect(after.findings.count == before.findings.count)
            #expect(Baseline(report: before).filter(after, path: "b.json").findings.isEmpty, "order \(order)")
        }
    }

    /// A finding about the whole file (here V003, a dominant template, and S006, mixed formats) sits at an example
    /// record; reordering or adding records changes the example and the counts, not the finding.
    @Test func findingsAboutTheFileFollowTheirMessage() throws {
        let templated = (1...12).map { #"{"instruction": "What is \#($0) plus \#($0)?", "output": "\#(2 * $0)."}"# }
        let sharegpt = #"{"conversations": [{"from": "human", "value": "Hi"}, {"from": "gpt", "value": "Hello."}]}"#
        let before = try Self.lint(templated + [sharegpt])
        #expect(before.codes("V003").count == 1)
        #expect(before.codes("S006").count == 1)
        #expect(before.findings.filter { $0.code == "V003" || $0.code == "S006" }.allSatisfy { $0.describesFile })
        let more = (13...15).map { #"{"instruction": "What is \#($0) plus \#($0)?", "output": "\#(2 * $0)."}"# }
        let after = try Self.lint([sharegpt] + more + templated.reversed())
        #expect(after.codes("V003").first?.message != before.codes("V003").first?.message)
        #expect(Baseline(report: before).filter(after, path: "b.json").findings.isEmpty)
        #expect(Fingerprint.withoutNumbers("72% of prompts (417 of 583.5), v1.2") == "#% of prompts (# of #), v#")
    }

    @Test func editingARecordChangesOnlyItsFindings() throws {
        let before = Self.fingerprints(try Self.lint(Self.records))
        var edited = Self.records
        edited[0] = #"{"instruction": "Say hello", "output": "Hello<|im_end|>"}"#
        let after = try Self.lint(edited)
        let new = after.findings.filter { before[$0.fingerprint] == nil }
        #expect(new.map { "\($0.location.line) \($0.code)" } == ["1 E003"])
    }

    @Test func identicalRecordsWithTheSameDefectAreToldApart() throws {
        let line = #"{"instruction": "Ping", "output": "Pong<|im_end|>"}"#
        let report = try Self.lint([line, line, line])
        let special = report.codes("E003")
        #expect(special.count == 3)
        #expect(Set(special.map(\.fingerprint)).count == 3)
        // Two copies fewer: the findings left are the first ones again, matched by count.
        let fewer = try Self.lint([line])
        #expect(fewer.codes("E003").map(\.fingerprint) == [special[0].fingerprint])
    }

    @Test func layoutAndIndentationDontChangeFingerprints() throws {
        let jsonl = try Self.lint(Self.records)
        let array = "[\n" + Self.records.map { "  " + $0.replacingOccurrences(of: ", ", with: ",\n    ") }
            .joined(separator: ",\n") + "\n]\n"
        let pretty = try LintHarness.lint(Array(array.utf8), name: "data.json")
        let perRecord: (Report) -> Set<String> = { report in
            Set(report.findings.filter { $0.code != "D001" && $0.code != "D002" }.map(\.fingerprint))
        }
        #expect(!perRecord(jsonl).isEmpty)
        #expect(perRecord(pretty) == perRecord(jsonl))
    }

    @Test func threadsAndBatchesDontChangeFingerprints() throws {
        let many = (0..<40).flatMap { i in Self.records.map { $0.replacingOccurrences(of: "?", with: "? \(i % 7)") } }
        let one = try Self.lint(many, jobs: 1).findings.map(\.fingerprint)
        let bytes = Array((many.joined(separator: "\n") + "\n").utf8)
        let file = try TemporaryFile(bytes)
        let parallel = try Linter(options: LintOptions(jobs: 3, version: "test", batchBytes: 512)).run([.path(file.path)])
        #expect(parallel.findings.map(\.fingerprint) == one)
    }

    @Test func invalidRecordsAreFingerprintedByTheirTrimmedBytes() throws {
        let broken = #"{"instruction": "Hi", "output": "#
        let first = try Self.lint([broken, Self.records[2]]).codes("J001")
        let second = try Self.lint([Self.records[2], "   " + broken + "  "]).codes("J001")
        #expect(first.count == 1)
        #expect(first.map(\.fingerprint) == second.map(\.fingerprint))
    }
}
