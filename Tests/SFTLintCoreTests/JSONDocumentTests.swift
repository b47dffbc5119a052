import Testing
@testable import SFTLintCore

@Suite struct JSONDocumentTests {
    private func document(_ text: String) throws -> JSONDocument {
        let result = parseJSON(text)
        #expect(result.error == nil)
        return try #require(result.document)
    }

    // MARK: - Members and values

    @Test func memberLookupTakesTheLastMatch() throws {
        let doc = try document(#"{"a": 1, "b": 2, "\u0061": 3, "c": {"a": 4}}"#)
        #expect(doc.member(of: 0, named: "a") == 6)
        #expect(doc.member(of: 0, named: "b") == 4)
        #expect(doc.member(of: 0, named: "c") == 8)
        #expect(doc.member(of: 0, named: "d") == nil)
        #expect(doc.member(of: 0, named: "A") == nil)
        #expect(doc.member(of: 8, named: "a") == 10)
        #expect(doc.member(of: 2, named: "a") == nil)
    }

    @Test func memberLookupMatchesKeysWithReplacedBytes() throws {
        let result = parseJSON(bytes: utf8(#"{"x%": 1}"#, inserting: [0xFF]))
        let doc = try #require(result.document)
        #expect(doc.member(of: 0, named: "x\u{FFFD}") == 2)
        #expect(doc.member(of: 0, named: "x") == nil)
    }

    @Test func membersAndElementsIterateInOrder() throws {
        let doc = try document(#"{"a": [1, [2], {"b": 3}], "c": null}"#)
        #expect(doc.members(of: 0).map { [$0.key, $0.value] } == [[1, 2], [9, 10]])
        #expect(Array(doc.elements(of: 2)) == [3, 4, 6])
    }

    @Test func boolValues() throws {
        let doc = try document(#"[true, false, null, "true"]"#)
        #expect(doc.bool(1) == true)
        #expect(doc.bool(2) == false)
        #expect(doc.bool(3) == nil)
        #expect(doc.bool(4) == nil)
    }

    // MARK: - Strings

    @Test(arguments: [
        (#""plain""#, "plain"),
        (#""a\"b\\c\/d\b\f\n\r\t""#, "a\"b\\c/d\u{08}\u{0C}\n\r\t"),
        (#""\u00e9\u00C9 \u4e2d\u6587""#, "éÉ 中文"),
        (#""\uD83D\uDE00 \ud83c\udf89""#, "😀 🎉"),
        ("\"中文 and 😀\"", "中文 and 😀"),
        ("\"中文\\n😀\"", "中文\n😀"),
        (#""\u0000""#, "\u{0}"),
        (#""""#, ""),
    ])
    func decodedString(literal: String, text: String) throws {
        #expect(try document(literal).string(0) == text)
    }

    @Test func decodingRepairsInvalidUTF8AlikeWithAndWithoutEscapes() throws {
        // Without escapes the text comes from Swift's decoding, with them from the parser's: they must agree.
        let sequences: [[UInt8]] = [
            [0xE0, 0x80, 0x41], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xC3], [0xF8, 0x88, 0x80, 0x80, 0x80],
            [0xE4, 0xB8, 0xAD, 0xE4], [0xF4, 0x90], [0xC0, 0xAF],
        ]
        for sequence in sequences {
            let plain = try #require(parseJSON(bytes: utf8(#""%""#, inserting: sequence)).document)
            let escaped = try #require(parseJSON(bytes: utf8(#""%\n""#, inserting: sequence)).document)
            #expect(plain.string(0) + "\n" == escaped.string(0), "\(sequence)")
            #expect(plain.string(0) == String(decoding: sequence, as: UTF8.self))
        }
    }

    @Test(arguments: [
        (#""""#, true), (#""   ""#, true), (#"" \t\n\r ""#, true), (#""\u00a0\u2003""#, true), ("\"\u{3000} \"", true),
        ("\"\u{85}\"", true), (#"" a ""#, false), (#""\u200b""#, false), (#""\u0041""#, false), ("\" 中 \"", false),
    ])
    func blankStrings(literal: String, isBlank: Bool) throws {
        #expect(try document(literal).isBlank(0) == isBlank)
    }

    @Test func nonStringsAreNotBlank() throws {
        let doc = try document(#"[null, 0, [], {}]"#)
        #expect(!doc.isBlank(1) && !doc.isBlank(2) && !doc.isBlank(3) && !doc.isBlank(4))
    }

    // MARK: - Raw offsets

    @Test func rawOffsetsAcrossEscapesAndMultibyteCharacters() throws {
        // Raw: `"` 0, a 1, \n 2-3, é 4-5, 中 6-8, 😀 9-12, `"` 13. Decoded: a 0, \n 1, é 2-3, 中 4-6, 😀 7-10.
        let doc = try document(#""a\né中😀""#)
        let expected = [1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 13]
        #expect((0...12).map { doc.rawOffset(inString: 0, decodedUTF8Offset: $0) } == expected)
    }

    @Test func rawOffsetsOfUnicodeEscapes() throws {
        let escaped = try document(#""\u00e9x\uD83D\uDE00!""#)
        // Decoded: é 0-1 (from offset 1), x 2 (offset 7), 😀 3-6 (offset 8), ! 7 (offset 20), end 8 (offset 21).
        let expected = [1, 1, 7, 8, 8, 8, 8, 20, 21]
        #expect((0...8).map { escaped.rawOffset(inString: 0, decodedUTF8Offset: $0) } == expected)
    }

    @Test func rawOffsetsOfInvalidUTF8() throws {
        let doc = try #require(parseJSON(bytes: utf8(#"["a%b"]"#, inserting: [0xFF])).document)
        // Decoded: a 0, U+FFFD 1-3 (from the bad byte at 3), b 4, end 5 (the closing quote at 5).
        #expect((0...5).map { doc.rawOffset(inString: 1, decodedUTF8Offset: $0) } == [2, 3, 3, 3, 4, 5])
    }

    // MARK: - Locating nodes

    @Test func pointersEscapeKeysAndIndexArrays() throws {
        let doc = try document(#"{"a/b": {"m~n": [10, 20, {"": 1}]}, "x": 0}"#)
        // Nodes: 0 {, 1 "a/b", 2 {, 3 "m~n", 4 [, 5 10, 6 20, 7 {, 8 "", 9 1, 10 "x", 11 0.
        #expect(doc.pointer(to: 0) == "")
        #expect(doc.pointer(to: 2) == "/a~1b")
        #expect(doc.pointer(to: 4) == "/a~1b/m~0n")
        #expect(doc.pointer(to: 6) == "/a~1b/m~0n/1")
        #expect(doc.pointer(to: 9) == "/a~1b/m~0n/2/")
        #expect(doc.pointer(to: 8) == "/a~1b/m~0n/2/")
        #expect(doc.pointer(to: 11) == "/x")
        #expect(doc.pointer(to: 1) == "/a~1b")
    }

    @Test func pointerOfConversationTurn() throws {
        let doc = try document(
            #"{"conversations": [{"from": "human", "value": "hi"}, {"from": "gpt", "value": "yo"}]}"#)
        let value = try #require(doc.member(of: 8, named: "value"))
        #expect(doc.pointer(to: value) == "/conversations/1/value")
    }

    @Test func innermostNodeContainingAnOffset() throws {
        let text = #"{"a": [1, "xyz"], "b": true}"#
        let doc = try document(text)
        // Nodes: 0 {, 1 "a" 1-4, 2 [ 6-16, 3 1 7-8, 4 "xyz" 10-15, 5 "b" 18-21, 6 true 23-27.
        let expected: [(offset: Int, node: Int)] = [
            (0, 0), (1, 1), (3, 1), (4, 0), (5, 0), (6, 2), (7, 3), (8, 2), (10, 4), (14, 4), (15, 2), (16, 0),
            (18, 5), (23, 6), (26, 6), (27, 0), (28, 0), (99, 0), (-1, 0),
        ]
        for (offset, node) in expected {
            #expect(doc.node(containing: offset) == node, "offset \(offset)")
        }
    }
}
