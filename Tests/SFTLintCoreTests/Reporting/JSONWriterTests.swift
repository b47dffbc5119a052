import Testing

@testable import SFTLintCore

@Suite struct JSONWriterTests {
    func written(_ value: JSONValue) -> String { JSONWriter().write(value) }

    @Test func escapesOnlyWhatJSONRequires() {
        #expect(written(.string(#"say "hi" \ bye"#)) == #""say \"hi\" \\ bye""#)
        #expect(written(.string("a\nb\rc\td\u{08}e\u{0C}f")) == #""a\nb\rc\td\be\ff""#)
        #expect(written(.string("\u{0}\u{1}\u{1B}\u{1F}")) == #""\u0000\u0001\u001b\u001f""#)
        #expect(written(.string("a/b 中文 é 😀 \u{7F} \u{2028}")) == "\"a/b 中文 é 😀 \u{7F} \u{2028}\"")
        #expect(written(.string("")) == #""""#)
    }

    @Test func writesScalars() {
        #expect(written(.null) == "null")
        #expect(written(.bool(true)) == "true")
        #expect(written(.bool(false)) == "false")
        #expect(written(.integer(-42)) == "-42")
        #expect(written(.integer(nil)) == "null")
        #expect(written(.integer(7 as Int?)) == "7")
        #expect(written(.decimal(93.8, places: 1)) == "93.8")
        #expect(written(.decimal(100, places: 1)) == "100.0")
        #expect(written(.decimal(0.125, places: 2)) == "0.13")
        #expect(written(.decimal(5, places: 0)) == "5")
        #expect(written(.decimal(.nan, places: 1)) == "null")
        #expect(written(.decimal(.infinity, places: 1)) == "null")
    }

    @Test func sortsKeysByUTF8AndIndentsTwoSpaces() {
        let value = JSONValue.object([
            "b": .array([.integer(1), .object([:]), .array([])]),
            "a": .object(["z": .null, "Z": .bool(true)]),
            "é": .string("x"),
            "e": .string("y"),
        ])
        let expected = """
            {
              "a": {
                "Z": true,
                "z": null
              },
              "b": [
                1,
                {},
                []
              ],
              "e": "y",
              "é": "x"
            }
            """
        #expect(written(value) == expected)
    }

    @Test func sameValueSameBytes() {
        let keys = (0..<50).map { "key\($0)" }
        let first = JSONValue.object(Dictionary(uniqueKeysWithValues: keys.map { ($0, .string($0)) }))
        let second = JSONValue.object(Dictionary(uniqueKeysWithValues: keys.reversed().map { ($0, .string($0)) }))
        #expect(written(first) == written(second))
    }
}
