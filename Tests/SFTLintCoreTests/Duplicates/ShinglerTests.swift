import Testing

@testable import SFTLintCore

@Suite("Shingler")
struct ShinglerTests {
    func shingles(_ text: String) -> [UInt32] {
        var bytes: [UInt8] = []
        TextNormalizer.append(text, to: &bytes)
        return Shingler.shingleSet(of: bytes)
    }

    func similarity(_ a: String, _ b: String) -> Double {
        BottomKSketch.similarity(shingles(a), shingles(b))
    }

    @Test func wordsOfSpacedScripts() {
        #expect(shingles("the cat sat on the mat").count == 5)
        #expect(shingles("Translate to French: good morning").count == 5)
    }

    @Test func punctuationCaseAndSpacingDontMatter() {
        #expect(shingles("Hello, world!") == shingles("hello   world"))
        #expect(shingles("你好，世界！") == shingles("你好世界"))
        #expect(shingles("水的沸点是多少？") == shingles("水的沸点是多少?"))
        #expect(
            shingles("Explain photosynthesis, in simple terms!") == shingles("explain photosynthesis in simple terms"))
    }

    @Test func cjkCharactersPairUp() {
        // 9 characters, 8 pairs.
        #expect(shingles("把这句话翻译成英文").count == 8)
        #expect(shingles("这句话").count == 2)
        // A lone character is a shingle of its own.
        #expect(shingles("猫").count == 1)
        #expect(shingles("猫") != shingles("狗"))
        // Kana and hangul pair too.
        #expect(shingles("ありがとう").count == 4)
        #expect(shingles("감사합니다").count == 4)
    }

    @Test func mixedTextGivesWordsAndPairs() {
        // python, 用, and the pairs of 写一个排序函数.
        let mixed = shingles("用Python写一个排序函数")
        #expect(mixed.count == 1 + 1 + 6)
        #expect(similarity("用Python写一个排序函数", "用 python 写一个排序函数。") == 1)
    }

    @Test func shortPromptsAreComparable() {
        #expect(similarity("Translate to French: good morning", "translate to French - Good morning!") == 1)
        #expect(similarity("Translate to French: good morning", "Translate to German: good morning") == 4.0 / 6)
        #expect(similarity("把这句话翻译成英文", "把这句话翻译成英文：") == 1)
        #expect(similarity("把这句话翻译成英文", "把这句话翻译成法文") == 6.0 / 10)
    }

    @Test func emojiAndSymbolsAreSeparators() {
        #expect(shingles("😀Hi there") == shingles("hi there"))
        #expect(shingles("").isEmpty)
        #expect(shingles("?!… — 😀").isEmpty)
    }

    @Test func numbersAndAccentedWordsAreWords() {
        #expect(shingles("route 66 café").count == 3)
        #expect(shingles("crème brûlée") == shingles("CRÈME BRÛLÉE"))
    }
}
