import Foundation
import Testing
@testable import SFTLintCore

/// The JSONTestSuite's parsing cases (github.com/nst/JSONTestSuite), in `shared/` beside the repository.
private let testParsingFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/json-test-suite/test_parsing")

@Suite(
    .enabled(
        if: FileManager.default.fileExists(atPath: testParsingFolder.path),
        "JSONTestSuite not found at ../shared/json-test-suite/test_parsing"))
struct JSONConformanceTests {
    /// The suite's file names starting with `prefix`, with their contents.
    private func cases(_ prefix: String) throws -> [(name: String, bytes: [UInt8])] {
        let names = try FileManager.default.contentsOfDirectory(atPath: testParsingFolder.path)
            .filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }
            .sorted()
        return try names.map { name in
            (name, Array(try Data(contentsOf: testParsingFolder.appendingPathComponent(name))))
        }
    }

    @Test func acceptsEveryValidDocument() throws {
        let cases = try cases("y_")
        #expect(cases.count > 90)
        let failures = cases.filter { JSONParser().parse($0.bytes[...]).error != nil }.map(\.name)
        #expect(failures.isEmpty, "rejected: \(failures.joined(separator: ", "))")
    }

    @Test func rejectsEveryInvalidDocument() throws {
        let cases = try cases("n_")
        #expect(cases.count > 180)
        let failures = cases.filter { JSONParser().parse($0.bytes[...]).error == nil }.map(\.name)
        #expect(failures.isEmpty, "accepted: \(failures.joined(separator: ", "))")
    }

    @Test func parsesImplementationDefinedDocumentsWithoutCrashing() throws {
        let cases = try cases("i_")
        #expect(cases.count > 30)
        for (_, bytes) in cases {
            let result = JSONParser().parse(bytes[...])
            #expect((result.document == nil) == (result.error != nil))
        }
    }
}
