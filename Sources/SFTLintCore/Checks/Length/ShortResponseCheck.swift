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
            guard turns[index].text.withUTF8Buffer({ WordCount.quickWeight($0, upTo: limit) }) < limit else { continue }
            let (words, characters, first) = turns[index].text.withUTF8Buffer { WordCount.tally($0, upTo: limit) }
            // A blank response is empty-turn's or empty-field's to report.
            let start = first ?? turns[index].text.withUTF8Buffer { $0.firstIndex { !WhitespaceCheck.isSpace($0) } }
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
}
