import Testing
@testable import SFTLintCore

/// Parses `text` as UTF-8.
func parseJSON(_ text: String, maxDepth: Int = 512) -> JSONParseResult {
    JSONParser(maxDepth: maxDepth).parse(Array(text.utf8)[...])
}

/// Parses raw bytes, for input that isn't valid UTF-8.
func parseJSON(bytes: [UInt8]) -> JSONParseResult {
    JSONParser().parse(bytes[...])
}

/// `text`'s UTF-8 with `bytes` put where `text` holds `%`.
func utf8(_ text: String, inserting bytes: [UInt8]) -> [UInt8] {
    text.utf8.flatMap { $0 == UInt8(ascii: "%") ? bytes : [$0] }
}

@Suite struct JSONParserTests {
    // MARK: - Layout

    @Test func nestedDocumentLayout() throws {
        let result = parseJSON(#"{"a": [1, {"b": null}], "c": "x"}"#)
        #expect(result.error == nil)
        let nodes = try #require(result.document).nodes
        let expected: [(JSONKind, start: UInt32, end: UInt32, count: UInt32, next: UInt32)] = [
            (.object, 0, 33, 2, 9),
            (.string, 1, 4, 0, 2),
            (.array, 6, 22, 2, 7),
            (.number, 7, 8, 0, 4),
            (.object, 10, 21, 1, 7),
            (.string, 11, 14, 0, 6),
            (.null, 16, 20, 0, 7),
            (.string, 24, 27, 0, 8),
            (.string, 29, 32, 0, 9),
        ]
        #expect(nodes.count == expected.count)
        for (node, want) in zip(nodes, expected) {
            #expect(node.kind == want.0)
            #expect(node.start == want.start)
            #expect(node.end == want.end)
            #expect(node.count == want.count)
            #expect(node.next == want.next)
        }
    }

    @Test(arguments: [
        (" 42 ", JSONKind.number), ("\"s\"", .string), ("true", .bool), ("false", .bool), ("null", .null),
        ("-1.5e+3", .number), ("0", .number), ("[]", .array), ("{ }", .object), ("1E-7", .number),
    ])
    func topLevelValue(text: String, kind: JSONKind) throws {
        let result = parseJSON(text)
        #expect(result.error == nil)
        let document = try #require(result.document)
        #expect(document.nodes.count == 1)
        #expect(document.kind(JSONDocument.root) == kind)
    }

    @Test func emptyContainersAreClosedInPlace() throws {
        let document = try #require(parseJSON(#"[{}, [], [[]], {"a": {}}]"#).document)
        #expect(document.nodes.map(\.kind) == [.array, .object, .array, .array, .array, .object, .string, .object])
        #expect(document.nodes.map(\.next) == [8, 2, 3, 5, 5, 8, 7, 8])
        #expect(document.count(0) == 4)
        #expect(document.count(5) == 1)
    }

    @Test func offsetsStayRelativeToTheSlice() throws {
        let bytes = Array(#"xxxx["a", 1]yyyy"#.utf8)
        let result = JSONParser().parse(bytes[4..<12])
        let document = try #require(result.document)
        #expect(document.offset(0) == 0)
        #expect(document.nodes[1].start == 1)
        #expect(document.nodes[1].end == 4)
        #expect(document.string(1) == "a")
        #expect(document.rawOffset(inString: 1, decodedUTF8Offset: 1) == 3)
        #expect(document.node(containing: 6) == 2)

        let broken = Array(#"xx[1,]"#.utf8)
        let error = JSONParser().parse(broken[2...]).error
        #expect(error == JSONSyntaxError(message: "expected a value, found ']'", offset: 3))
    }

    // MARK: - Errors

    @Test(arguments: [
        ("", "empty input", 0),
        ("  \n ", "empty input", 4),
        (#"{"a": 1]"#, "expected ',' or '}' after object member, found ']'", 7),
        ("[1,", "expected a value, found end of input", 3),
        (#""abc"#, "unterminated string", 4),
        (#""abc\"#, "unterminated string", 5),
        (#""\u12"#, "unterminated string", 5),
        (#""a\qb""#, #"invalid escape '\q'"#, 3),
        ("\"\\\t\"", #"invalid escape: '\' followed by byte 0x09"#, 2),
        (#""\u12G4""#, #"invalid escape '\u': expected 4 hex digits, found 'G'"#, 5),
        ("\"a\nb\"", "unescaped control character U+000A in string", 2),
        ("[\"\u{1F}\"]", "unescaped control character U+001F in string", 2),
        ("1.", "invalid number: expected a digit after '.'", 2),
        ("[1.e5]", "invalid number: expected a digit after '.'", 3),
        ("-", "invalid number: expected a digit after '-'", 1),
        ("-a", "invalid number: expected a digit after '-'", 1),
        ("01", "invalid number: unexpected digit after leading '0'", 1),
        ("-01", "invalid number: unexpected digit after leading '0'", 2),
        ("1e", "invalid number: expected a digit in the exponent", 2),
        ("1E+", "invalid number: expected a digit in the exponent", 3),
        (".1", "expected a value, found '.'", 0),
        ("+1", "expected a value, found '+'", 0),
        ("0x1", "unexpected 'x' after the JSON value", 1),
        ("[1] x", "unexpected 'x' after the JSON value", 4),
        ("{} {}", "unexpected '{' after the JSON value", 3),
        (#"{"a" 1}"#, "expected ':' after object key, found '1'", 5),
        ("{1: 2}", "expected a string key or '}', found '1'", 1),
        (#"{"a": 1,}"#, "expected a string key, found '}'", 8),
        (#"{"a":}"#, "expected a value, found '}'", 5),
        (#"[{"a": ]"#, "expected a value, found ']'", 7),
        ("[1,]", "expected a value, found ']'", 3),
        ("[}", "expected a value or ']', found '}'", 1),
        ("[1 2]", "expected ',' or ']' after array element, found '2'", 3),
        ("[1", "expected ',' or ']' after array element, found end of input", 2),
        ("tru", "invalid literal: expected 'true', found end of input", 3),
        ("nul1", "invalid literal: expected 'null', found '1'", 3),
        ("[fals]", "invalid literal: expected 'false', found ']'", 5),
        ("True", "expected a value, found 'T'", 0),
        ("[1\u{0}]", "expected ',' or ']' after array element, found byte 0x00", 2),
        ("\u{0C}[]", "expected a value, found byte 0x0C", 0),
        ("\u{FEFF}{}", "expected a value, found U+FEFF", 0),
    ])
    func syntaxError(text: String, message: String, offset: Int) {
        let result = parseJSON(text)
        #expect(result.document == nil)
        #expect(result.error == JSONSyntaxError(message: message, offset: offset))
    }

    @Test func controlCharacterIsFoundAtEveryPositionOfAString() {
        // Crosses the eight-byte steps of the ASCII fast path at every alignment.
        for length in 0..<24 {
            let text = "\"" + String(repeating: "a", count: length) + "\u{01}\""
            let error = parseJSON(text).error
            let expected = JSONSyntaxError(message: "unescaped control character U+0001 in string", offset: length + 1)
            #expect(error == expected)
        }
    }

    @Test func stringEndIsFoundAtEveryPosition() throws {
        for length in 0..<24 {
            for (literal, decoded) in [(#"\""#, "\""), ("é", "é"), (#"\n"#, "\n"), ("", "")] {
                let text = "[\"" + String(repeating: "b", count: length) + literal + "\",1]"
                let document = try #require(parseJSON(text).document, "\(text)")
                #expect(Int(document.nodes[1].end) == text.utf8.count - 3)
                #expect(document.string(1) == String(repeating: "b", count: length) + decoded)
            }
        }
    }

    @Test func nestingDepthIsBounded() {
        let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(parseJSON(deepest).error == nil)
        let tooDeep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        #expect(parseJSON(tooDeep).error == JSONSyntaxError(message: "nesting deeper than 512 levels", offset: 512))
        #expect(
            parseJSON(#"{"a": [[1]]}"#, maxDepth: 2).error
                == JSONSyntaxError(message: "nesting deeper than 2 levels", offset: 7))
    }

    @Test func hundredThousandOpeningBracketsGiveAnError() {
        let result = parseJSON(String(repeating: "[", count: 100_000))
        #expect(result.error == JSONSyntaxError(message: "nesting deeper than 512 levels", offset: 512))
        let objects = parseJSON(String(repeating: #"{"a":"#, count: 100_000))
        #expect(objects.error?.message == "nesting deeper than 512 levels")
    }

    // MARK: - UTF-8

    @Test func invalidUTF8InAStringIsLocatedAndParsingGoesOn() throws {
        let bytes = utf8(#"["a%b", "é", 1]"#, inserting: [0xFF])
        let result = parseJSON(bytes: bytes)
        #expect(result.error == nil)
        #expect(result.issues == [.invalidUTF8(offset: 3, byte: 0xFF)])
        let document = try #require(result.document)
        #expect(document.count(0) == 3)
        #expect(document.string(1) == "a\u{FFFD}b")
        #expect(document.string(2) == "é")
    }

    @Test(arguments: [
        ([0xC0, 0x80], [0, 1]),  // overlong NUL
        ([0xE0, 0x80, 0xAF], [0, 1, 2]),  // overlong '/'
        ([0xED, 0xA0, 0x80], [0, 1, 2]),  // surrogate U+D800 encoded in UTF-8
        ([0xF4, 0x90, 0x80, 0x80], [0, 1, 2, 3]),  // above U+10FFFF
        ([0xF5, 0x80], [0, 1]),
        ([0x80], [0]),  // lone continuation byte
        ([0xE4, 0xB8], [0]),  // truncated before the closing quote
        ([0xF0, 0x9F, 0x98, 0x41], [0]),  // truncated before an ASCII letter
        ([0xE4, 0xB8, 0xAD, 0xFF], [3]),
    ] as [([UInt8], [Int])])
    func invalidUTF8Sequence(sequence: [UInt8], badOffsets: [Int]) throws {
        let result = parseJSON(bytes: utf8(#""x%""#, inserting: sequence))
        #expect(result.error == nil)
        let expected = badOffsets.map { JSONIssue.invalidUTF8(offset: 2 + $0, byte: sequence[$0]) }
        #expect(result.issues == expected)
        let text = try #require(result.document).string(0)
        #expect(text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count == badOffsets.count)
    }

    /// Long runs of ASCII and of CJK are skipped in blocks; a bad byte at any place in or after them is still
    /// found, at its own offset.
    @Test(arguments: [0, 1, 7, 8, 15, 16, 17, 31, 40])
    func invalidUTF8AfterLongRunsIsLocated(prefix: Int) throws {
        let run = Array(String(repeating: "a", count: prefix).utf8) + Array("中文字".utf8)
        let tail = Array("中".utf8) + [0xFF] + Array(String(repeating: "b", count: 20).utf8)
        let bytes = [UInt8(ascii: "\"")] + run + [0xE4, 0xB8] + tail + [UInt8(ascii: "\"")]
        let result = parseJSON(bytes: bytes)
        #expect(result.error == nil)
        let first = 1 + run.count
        #expect(
            result.issues == [.invalidUTF8(offset: first, byte: 0xE4), .invalidUTF8(offset: first + 5, byte: 0xFF)])
        let text = try #require(result.document).string(0)
        #expect(text == String(decoding: bytes.dropFirst().dropLast(), as: UTF8.self))
    }

    @Test(arguments: [0, 5, 16, 33])
    func quotesAndEscapesAfterLongRunsEndAndEscapeStrings(prefix: Int) throws {
        let (head, tail) = (String(repeating: "x", count: prefix), String(repeating: "y", count: prefix))
        let document = try #require(parseJSON("[\"" + head + #"中\"\u4e2d"# + tail + "\", 1]").document)
        #expect(document.count(0) == 2)
        #expect(document.string(1) == head + "中\"中" + tail)
    }

    @Test(
        arguments: [[0xF0, 0x9F, 0x98, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xEF, 0xBF, 0xBD], [0xC2, 0xA0]] as [[UInt8]])
    func validUTF8HasNoIssue(sequence: [UInt8]) {
        let result = parseJSON(bytes: utf8(#"{"k%": "%"}"#, inserting: sequence))
        #expect(result.error == nil)
        #expect(result.issues.isEmpty)
    }

    @Test(arguments: [
        (utf8("[1, %]", inserting: [0xFF]), "expected a value, found byte 0xFF", 4, true),
        (utf8("[1]%", inserting: [0xE4, 0xB8]), "unexpected byte 0xE4 after the JSON value", 3, true),
        (utf8("[1e%]", inserting: [0xE5]), "invalid number: expected a digit in the exponent", 3, true),
        (Array("[1, é]".utf8), "expected a value, found U+00E9", 4, false),
    ])
    func nonASCIIOutsideAStringIsASyntaxError(bytes: [UInt8], message: String, offset: Int, isInvalidUTF8: Bool) {
        let expected = JSONSyntaxError(message: message, offset: offset, isInvalidUTF8: isInvalidUTF8)
        #expect(parseJSON(bytes: bytes).error == expected)
    }

    // MARK: - Surrogates

    @Test func unpairedSurrogatesAreIssues() throws {
        let result = parseJSON(#"["\uD800", "x\uDC00", "\uD800\u0041", "\uDE00\uD83D", "\uD83D\uDE00"]"#)
        #expect(result.error == nil)
        #expect(
            result.issues == [
                .unpairedSurrogate(offset: 2, codeUnit: 0xD800),
                .unpairedSurrogate(offset: 13, codeUnit: 0xDC00),
                .unpairedSurrogate(offset: 23, codeUnit: 0xD800),
                .unpairedSurrogate(offset: 39, codeUnit: 0xDE00),
                .unpairedSurrogate(offset: 45, codeUnit: 0xD83D),
            ])
        let document = try #require(result.document)
        #expect(document.string(1) == "\u{FFFD}")
        #expect(document.string(2) == "x\u{FFFD}")
        #expect(document.string(3) == "\u{FFFD}A")
        #expect(document.string(4) == "\u{FFFD}\u{FFFD}")
        #expect(document.string(5) == "😀")
    }

    // MARK: - Duplicate keys

    @Test func duplicateKeysCompareDecodedText() {
        let result = parseJSON(#"{"a": 1, "b": 2, "a": 3, "\u0061": 4, "A": 5}"#)
        #expect(result.error == nil)
        #expect(
            result.issues == [
                .duplicateKey(key: "a", node: 5, firstNode: 1),
                .duplicateKey(key: "a", node: 7, firstNode: 1),
            ])
    }

    @Test func duplicateKeysAreInDocumentOrder() {
        // The inner object closes first, but its duplicate comes later in the text.
        let result = parseJSON(#"{"a": 1, "a": {"b": 1, "b": 2}}"#)
        #expect(
            result.issues == [
                .duplicateKey(key: "a", node: 3, firstNode: 1),
                .duplicateKey(key: "b", node: 7, firstNode: 5),
            ])
    }

    @Test func keysCompareByScalarsNotByCanonicalEquivalence() {
        #expect(parseJSON("{\"\u{E9}\": 1, \"e\u{301}\": 2}").issues.isEmpty)
        #expect(parseJSON(#"{"é": 1, "\u00e9": 2}"#).issues == [.duplicateKey(key: "é", node: 3, firstNode: 1)])
    }

    @Test func keysWithInvalidUTF8CompareAsDecoded() {
        // Both keys decode to U+FFFD, as every reader that repairs them sees them. In document order, the second
        // key's opening quote (offset 9) comes before its bad byte.
        let bytes = utf8(#"{"%": 1, "%": 2}"#, inserting: [0xFF]).enumerated().map { $0 == 10 ? 0xFE : $1 }
        let result = parseJSON(bytes: bytes)
        #expect(
            result.issues == [
                .invalidUTF8(offset: 2, byte: 0xFF),
                .duplicateKey(key: "\u{FFFD}", node: 3, firstNode: 1),
                .invalidUTF8(offset: 10, byte: 0xFE),
            ])
    }

    @Test func duplicateKeysInALargeObject() {
        var members = (0..<1000).map { #""k\#($0)": \#($0)"# }
        members.append(#""k5": true"#)
        members.append(#""\u006b999": null"#)
        let result = parseJSON("{" + members.joined(separator: ", ") + "}")
        #expect(result.error == nil)
        #expect(
            result.issues == [
                .duplicateKey(key: "k5", node: 2001, firstNode: 11),
                .duplicateKey(key: "k999", node: 2003, firstNode: 1999),
            ])
        let distinct = parseJSON("{" + (0..<1000).map { #""k\#($0)": [\#($0)]"# }.joined(separator: ",") + "}")
        #expect(distinct.error == nil)
        #expect(distinct.issues.isEmpty)
    }

    @Test func duplicateKeysAroundTheHashingThreshold() {
        for size in 15...18 {
            let keys = (0..<size).map { #""\#($0)": 0"# } + [#""0": 1"#]
            let result = parseJSON("{" + keys.joined(separator: ",") + "}")
            #expect(result.issues == [.duplicateKey(key: "0", node: 2 * size + 1, firstNode: 1)], "\(size) keys")
        }
    }
}
