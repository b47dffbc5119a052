import Testing

@testable import SFTLintCore

@Suite("Code regions")
struct CodeRegionsTests {
    /// The code regions' text, for readable assertions.
    func code(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return CodeRegions(text).ranges.map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    @Test func fencedBlocksIncludeTheirFences() {
        let text = "Run this:\n```python\nprint( 'x' )  \n```\nDone."
        #expect(code(text) == ["```python\nprint( 'x' )  \n```"])
        #expect(!CodeRegions(text).hasUnclosedFence)
    }

    @Test func anUnclosedFenceRunsToTheEnd() {
        let regions = CodeRegions("Here:\n~~~\nlet x = [1,\n")
        #expect(regions.hasUnclosedFence)
        #expect(regions.ranges == [6..<22])
    }

    @Test func indentedBlocksNeedABlankLineBefore() {
        #expect(code("Example:\n\n    x = 1\n    y = 2\nAfter.") == ["    x = 1\n    y = 2\n"])
        #expect(code("A list item\n    continues here") == [])
    }

    @Test func inlineCodeAndChineseText() {
        let text = "用 `print()` 输出，或 ``a ` b``。"
        #expect(code(text) == ["`print()`", "``a ` b``"])
        let prose = CodeRegions(text).proseRanges(in: text).map { String(decoding: Array(text.utf8)[$0], as: UTF8.self) }
        #expect(prose == ["用 ", " 输出，或 ", "。"])
    }
}

@Suite("Scripts and words")
struct ScriptTests {
    @Test func scriptsOfLetters() {
        #expect(Script("a") == .latin)
        #expect(Script("é") == .latin)
        #expect(Script("中") == .han)
        #expect(Script("か") == .kana)
        #expect(Script("한") == .hangul)
        #expect(Script("Ж") == .cyrillic)
        #expect(Script("1") == nil)
        #expect(Script("，") == nil)
        #expect(Script("😀") == nil)
    }

    @Test func mixOfAChineseAnswerWithEnglishTerms() {
        let mix = ScriptMix("使用 Python 的 list 推导式。")
        #expect(mix.counts == [.han: 6, .latin: 10])
        #expect(mix.dominant == .latin)
        #expect(abs(mix.cjkShare - 6.0 / 16.0) < 1e-9)
        #expect(ScriptMix("123 !?").dominant == nil)
    }

    @Test func wordsCountCJKCharactersOneByOne() {
        #expect(WordCount.of("Hello, world! It's 2026.") == 4)
        #expect(WordCount.of("你好，世界") == 4)
        #expect(WordCount.of("用Python写代码") == 5)
        #expect(WordCount.of("") == 0)
    }
}
