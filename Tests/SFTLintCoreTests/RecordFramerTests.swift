import Foundation
import Testing

@testable import SFTLintCore

/// A frame as the tests compare it: its text (or problem), where it starts, and its record index.
struct FramedRecord: Equatable, CustomStringConvertible {
    var text: String
    var line: Int
    var column: Int
    var index: Int?
    var problem: String?

    var description: String { "\(line):\(column) #\(index.map(String.init) ?? "-") \(problem ?? text)" }
}

func frames(_ bytes: [UInt8], chunkSize: Int = 1 << 20, maxRecordBytes: Int = 1 << 28) throws -> [FramedRecord] {
    let file = try TemporaryFile(bytes)
    var framer = RecordFramer(
        file: InputFile(path: file.path, index: 0), reader: try ByteReader(path: file.path), chunkSize: chunkSize,
        maxRecordBytes: maxRecordBytes)
    var out: [FramedRecord] = []
    while let batch = try framer.nextBatch() {
        for frame in batch.frames {
            let text = String(decoding: frame.problem == nil ? batch.bytes[frame.range] : [], as: UTF8.self)
            out.append(FramedRecord(text: text, line: frame.line, column: frame.column, index: frame.index, problem: frame.problem))
        }
    }
    return out
}

func frames(_ text: String, chunkSize: Int = 1 << 20, maxRecordBytes: Int = 1 << 28) throws -> [FramedRecord] {
    try frames(Array(text.utf8), chunkSize: chunkSize, maxRecordBytes: maxRecordBytes)
}

@Suite("Record framing")
struct RecordFramerTests {
    @Test func jsonLinesSkipBlankLinesAndKeepLineNumbers() throws {
        let got = try frames("{\"a\": 1}\n\n  \n{\"b\": 2}\r\n{\"c\": 3}")
        #expect(got.map(\.line) == [1, 4, 5])
        #expect(got.map(\.index) == [0, 1, 2])
        #expect(got.map(\.text) == ["{\"a\": 1}", "{\"b\": 2}\r", "{\"c\": 3}"])
    }

    @Test func prettyPrintedArrayElementsStartWhereTheirBracesAre() throws {
        let text = "[\n  {\n    \"a\": \"x\"\n  },\n  {\"b\": [1, {\"c\": \"]}\"}]}\n]\n"
        let got = try frames(text)
        #expect(got.map { "\($0.line):\($0.column)" } == ["2:3", "5:3"])
        #expect(got[1].text == "{\"b\": [1, {\"c\": \"]}\"}]}")
        #expect(got.allSatisfy { $0.problem == nil })
    }

    @Test func minifiedArrayColumnsCountCharactersNotBytes() throws {
        let got = try frames("[{\"a\":\"你好\"},{\"b\":\"😀\"}, 3]")
        #expect(got.map(\.column) == [2, 13, 24])
        #expect(got.map(\.text) == ["{\"a\":\"你好\"}", "{\"b\":\"😀\"}", "3"])
    }

    @Test func recordsStraddlingBatchesAreFramedWhole() throws {
        var text = "[\n"
        for i in 0..<200 { text += "  {\"i\": \(i), \"s\": \"\(String(repeating: "字", count: i % 7))\\\"\"},\n" }
        text += "  {\"last\": true}\n]\n"
        let small = try frames(text, chunkSize: 16)
        let large = try frames(text)
        #expect(small == large)
        #expect(small.count == 201)
        var lines = ""
        for i in 0..<300 { lines += "{\"i\": \(i)}\n" }
        #expect(try frames(lines, chunkSize: 16) == frames(lines))
    }

    @Test func aRecordMissingItsClosingBraceCostsOneRecord() throws {
        let pretty = try frames("[\n  {\n    \"a\": [1,\n      {\"b\": 2}],\n  {\n    \"c\": 3\n  },\n  {\"d\": 4}\n]\n")
        #expect(pretty.map(\.text) == ["{\n    \"a\": [1,\n      {\"b\": 2}],", "{\n    \"c\": 3\n  }", "{\"d\": 4}"])
        #expect(pretty.map(\.line) == [2, 5, 8])
        let lines = try frames("[\n{\"a\": 1, \"b\": [2],\n{\"c\": 3},\n{\"d\": 4}\n]\n", chunkSize: 16)
        #expect(lines.map(\.text) == ["{\"a\": 1, \"b\": [2],", "{\"c\": 3}", "{\"d\": 4}"])
        // Valid data nested at a deeper column is never cut.
        let valid = "[\n  {\"a\": [\n    {\"b\": 1},\n    {\"c\": 2}\n  ]}\n]\n"
        #expect(try frames(valid).map(\.text) == ["{\"a\": [\n    {\"b\": 1},\n    {\"c\": 2}\n  ]}"])
    }

    @Test func aMissingCommaIsReportedAndReadingGoesOn() throws {
        let got = try frames("[{\"a\": 1}\n {\"b\": 2}, {\"c\": 3}]")
        #expect(got.count == 4)
        #expect(got[1].problem == "invalid JSON: expected ',' or ']' after array element, found '{'")
        #expect(got[1].line == 2)
        #expect(got[2].text == "{\"b\": 2}")
        #expect(got[3].index == 2)
    }

    @Test func trailingCommaAndTrailingDataAreProblems() throws {
        let trailing = try frames("[{\"a\": 1},]")
        #expect(trailing.last?.problem == "invalid JSON: expected an array element after ',', found ']'")
        let after = try frames("[{\"a\": 1}] x")
        #expect(after.last?.problem == "invalid JSON: unexpected 'x' after the top-level array")
        #expect(after.last?.column == 12)
    }

    @Test func anArrayCutMidRecordFramesThePartialRecord() throws {
        let got = try frames("[\n{\"a\": 1},\n{\"b\": \"cut")
        #expect(got.count == 2)
        #expect(got[1].text == "{\"b\": \"cut")
        #expect(got[1].problem == nil)
        let unclosed = try frames("[\n{\"a\": 1},\n")
        #expect(unclosed.last?.problem == "invalid JSON: file ends inside the array opened at line 1, column 1: expected ']'")
    }

    @Test func prettyPrintedObjectsAreOneRecordEach() throws {
        let got = try frames("{\n  \"a\": 1\n}\n{\n  \"b\": {\"c\": 2}\n}\n")
        #expect(got.map(\.text) == ["{\n  \"a\": 1\n}", "{\n  \"b\": {\"c\": 2}\n}"])
        #expect(got.map(\.line) == [1, 4])
    }

    @Test func fileLevelProblems() throws {
        #expect(try frames("") == [FramedRecord(text: "", line: 1, column: 1, index: nil, problem: "empty file: expected JSON records")])
        #expect(try frames(" \n\t\n").first?.problem == "file holds only whitespace: expected JSON records")
        let bom = try frames([0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}\n".utf8))
        #expect(bom.count == 2)
        #expect(bom[0].problem?.hasPrefix("file starts with a UTF-8 byte order mark") == true)
        #expect(bom[1].text == "{\"a\": 1}")
        let gzip = try frames([0x1F, 0x8B, 0x08, 0x00, 0x00])
        #expect(gzip.count == 1)
        #expect(gzip[0].problem == "file is gzip-compressed; decompress it first (gunzip); not linted")
        let binary = try frames([UInt8](repeating: 0, count: 64) + Array("{}".utf8))
        #expect(binary.count == 1)
        #expect(binary[0].problem?.hasPrefix("file looks binary: 64 NUL bytes") == true)
        let utf16 = try frames(Array("{\"a\": 1}".utf8).flatMap { [$0, 0] })
        #expect(utf16[0].problem?.contains("UTF-16") == true)
    }

    @Test func aStrayNulIsLeftToTheParser() throws {
        let got = try frames(Array("{\"a\": 1}\n".utf8) + Array(repeating: 0x41, count: 200) + [0] + Array("\n{\"b\": 2}\n".utf8))
        #expect(got.count == 3)
        #expect(got.allSatisfy { $0.problem == nil })
    }

    @Test func oversizedRecordsAreSkippedAndTheNextOnesRead() throws {
        let long = "{\"a\": \"" + String(repeating: "x", count: 5000) + "\"}"
        let lines = try frames("{\"before\": 1}\n\(long)\n{\"after\": 2}\n", chunkSize: 64, maxRecordBytes: 1024)
        #expect(lines.count == 3, "\(lines)")
        #expect(lines[1].problem?.hasPrefix("record is larger than") == true)
        #expect(lines[1].index == 1)
        #expect(lines[2].text == "{\"after\": 2}")
        #expect(lines[2].line == 3)
        let array = try frames("[{\"before\": 1},\n\(long),\n{\"after\": 2}]", chunkSize: 64, maxRecordBytes: 1024)
        #expect(array.count == 3)
        #expect(array[1].problem?.hasPrefix("record is larger than") == true)
        #expect(array[2].text == "{\"after\": 2}")
        #expect(array[2].line == 3)
    }
}
