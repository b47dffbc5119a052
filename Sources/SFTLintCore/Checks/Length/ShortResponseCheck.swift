/// Flags responses of a word or two to prompts that ask for an explanation, an essay or a story.
struct ShortResponseCheck: SampleCheck, ConfigurableCheck {
    static let info = CheckInfo(
        code: "L001",
        name: "short-response",
        summary: "A response is below the length floor while its prompt asks for a long form.",
        rationale: """
            "Explain how a rainbow forms" answered with "Refraction." teaches the model to skip the explanation it \
            was asked for; such pairs come from truncated or badly aligned sources. The floor is 2 words, a CJK \
            character counting as half a word (so 4 characters); prompts that ask for one word, a title or a name \
            are left alone.
            """,
        severity: .info,
        triggering: [
            Example(
                #"""
                ! {"instruction": "Explain how a rainbow forms.", "output": "Refraction."}
                ! {"instruction": "Write an essay about your summer.", "output": "Fun."}
                ! {"instruction": "解释一下为什么天空是蓝色的。", "output": "散射。"}
                ! {"instruction": "写一篇关于春天的作文。", "output": "春天好。"}
                ! {"conversations": [{"from": "human", "value": "Describe your ideal city."}, {"from": "gpt", "value": "Paris"}]}
                """#)
        ],
        nonTriggering: [
            Example(
                #"""
                {"instruction": "Explain how a rainbow forms.", "output": "Sunlight refracts in raindrops."}
                {"instruction": "Describe your mood in one word.", "output": "Happy."}
                {"instruction": "What is 2+2?", "output": "4"}
                {"instruction": "写一篇关于春天的作文。", "output": "春天来了。"}
                {"instruction": "Write a title for this story.", "output": "Homecoming"}
                {"instruction": "用一个词描述你的心情。", "output": "开心"}
                {"text": "Explain it. Sure."}
                """#)
        ]
    )

    /// A response with fewer words than this is short; a CJK character counts as half a word.
    var floor = RuleSettings().shortResponseWords

    func configured(with settings: RuleSettings) -> ShortResponseCheck {
        var copy = self
        copy.floor = settings.shortResponseWords
        return copy
    }

    /// Prompts that ask for a long form.
    static let longFormCues = PromptCues([
        "explain", "describe", "description", "essay", "elaborate", "discuss", "story", "stories", "article",
        "paragraph", "poem", "write", "compose", "draft", "in detail", "写", "解释", "描述", "阐述", "论述", "文章",
        "作文", "故事", "段落", "详细", "讨论", "诗",
    ])

    /// Prompts that ask for something short even so: "describe it in one word", "write a title".
    static let shortFormCues = PromptCues([
        "one word", "one-word", "single word", "a word", "in a word", "title$", "titles$", "name$", "names$",
        "headline",
        "number$",
        "synonym", "antonym", "yes or no", "true or false", "一个词", "一个字", "一词", "标题", "名字", "数字",
        "是或否", "对或错",
    ])

    func inspect(_ sample: Sample, report: inout Findings) {
        // Twice the weight, so that a CJK character weighs 1 and a word 2.
        let limit = 2 * floor
        let turns = sample.turns
        for index in turns.indices where turns.isResponse(index) {
            // Nearly every response has two words or four CJK characters in its first bytes.
            guard turns[index].text.withUTF8Buffer({ Self.quickWeight($0, upTo: limit) }) < limit else { continue }
            let (words, characters, start) = turns[index].text.withUTF8Buffer { Self.weigh($0, upTo: limit) }
            // A blank response is empty-turn's or empty-field's to report.
            guard 2 * words + characters < limit, let start, let prompt = sample.promptIndex(before: index) else {
                continue
            }
            let promptText = turns[prompt].text
            guard let cue = Self.longFormCues.firstMatch(in: promptText),
                Self.shortFormCues.firstMatch(in: promptText) == nil
            else { continue }
            var size: [String] = []
            if words > 0 || characters == 0 { size.append(words == 1 ? "1 word" : "\(words) words") }
            if characters > 0 { size.append(characters == 1 ? "1 character" : "\(characters) characters") }
            report.add(
                Self.self, at: turns[index].location(atTextByte: start),
                "response has \(size.joined(separator: " and ")) but its prompt asks for a long form (\"\(cue)\")",
                related: [RelatedLocation(turns[prompt].location(atTextByte: 0), note: "prompt")])
        }
    }

    /// The weight of ASCII words and CJK ideographs (2 and 1), up to `limit`: a lower bound of `weigh`'s, in
    /// byte comparisons only, so that the common case costs no Unicode lookups and no reference counting.
    static func quickWeight(_ bytes: UnsafeBufferPointer<UInt8>, upTo limit: Int) -> Int {
        var weight = 0
        var inWord = false
        var i = 0
        while i < bytes.count && weight < limit {
            let byte = bytes[i]
            let folded = byte | 0x20
            if (folded >= UInt8(ascii: "a") && folded <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            {
                if !inWord { weight += 2 }
                inWord = true
            } else if byte &- 0xE4 <= 5 {
                weight += 1
                inWord = false
                i += 2
            } else if byte != UInt8(ascii: "'") && byte != UInt8(ascii: "-") && byte < 0x80 {
                inWord = false
            }
            i += 1
        }
        return weight
    }

    /// Words (runs of letters or digits) and CJK characters, counted as `WordCount` does until their weight
    /// (2 a word, 1 a character) reaches `limit`, and the offset of the first one. Responses are long: the count
    /// stops as soon as a response is known not to be short.
    static func weigh(_ bytes: UnsafeBufferPointer<UInt8>, upTo limit: Int) -> (
        words: Int, characters: Int, start: Int?
    ) {
        var words = 0
        var characters = 0
        var start: Int?
        var inWord = false
        var i = 0
        while i < bytes.count && 2 * words + characters < limit {
            let byte = bytes[i]
            if byte < 0x80 {
                let folded = byte | 0x20
                if (folded >= UInt8(ascii: "a") && folded <= UInt8(ascii: "z"))
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                {
                    if !inWord {
                        words += 1
                        start = start ?? i
                    }
                    inWord = true
                } else if byte != UInt8(ascii: "'") && byte != UInt8(ascii: "-") {
                    inWord = false
                }
                i += 1
                continue
            }
            let (value, length) = UTF8Scan.scalar(in: bytes, at: i)
            if let script = Script.ofLetter(value), script.isCJK {
                characters += 1
                start = start ?? i
                inWord = false
            } else if let scalar = Unicode.Scalar(value),
                scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            {
                if !inWord {
                    words += 1
                    start = start ?? i
                }
                inWord = true
            } else if value != 0x2019 {
                inWord = false
            }
            i += length
        }
        if start == nil, let first = bytes.firstIndex(where: { !WhitespaceCheck.isSpace($0) }) { start = first }
        return (words, characters, start)
    }
}
