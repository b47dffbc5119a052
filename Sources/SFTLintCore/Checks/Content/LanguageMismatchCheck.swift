/// Flags responses written in another script than their prompt (a Chinese question, an English answer), and
/// counts the samples of each script for the report's statistics.
///
/// A dataset check only so that it can publish the language mix: its findings are about single samples, kept in
/// the state in data order until the run concludes.
struct LanguageMismatchCheck: DatasetCheck {
    static let info = CheckInfo(
        code: "C008",
        name: "language-mismatch",
        summary: "A response is mostly in another script than its prompt, and the prompt asks for no translation.",
        rationale: """
            A model trained on Chinese questions with English answers learns to switch language, the complaint \
            "it answers Chinese questions in English". It comes from machine-translated datasets where one side \
            stayed untranslated. Scripts are weighed by words (a CJK character is one), code and links are left \
            out, and prompts that ask for a translation, name a language or quote the text to work on are skipped.
            """,
        severity: .warning,
        triggering: [
            Example(
                #"""
                ! {"instruction": "输出一段代码，显示提示用户输入姓名的消息。", "output": "Here is a simple program that asks the user for their name and greets them:\n\n```python\nname = input(\"Name: \")\nprint(\"Hello, \" + name)\n```"}
                ! {"instruction": "列出四张披头士专辑。", "output": "Here is a list of four albums by The Beatles: Abbey Road, Revolver, Help and Let It Be."}
                ! {"instruction": "Describe the weather in spring in two sentences.", "output": "春天的天气温暖湿润，经常下小雨。花开了，草也绿了。"}
                ! {"conversations": [{"from": "human", "value": "你好，请问今天北京的天气怎么样？"}, {"from": "gpt", "value": "The weather in Beijing today is sunny with a light breeze."}]}
                """#)
        ],
        nonTriggering: [
            Example(
                #"""
                {"instruction": "把这句话翻译成英文：我爱你。", "output": "I love you, and I always will, every single day."}
                {"instruction": "Translate into Chinese: Good morning, everyone.", "output": "大家早上好，祝你们今天愉快。"}
                {"instruction": "请用英文回答：你叫什么名字？", "output": "My name is Assistant, and I am happy to help you."}
                {"instruction": "```python\nprint('hello world from the code')\n```", "output": "这段代码在终端上打印一行问候语。"}
                {"instruction": "2 + 2 = ?", "output": "等于四，这是一个简单的加法运算。"}
                {"instruction": "写一个Python函数，返回两个数的和。", "output": "```python\ndef add(a, b):\n    return a + b\n```"}
                {"instruction": "怎样把“Charles loves to ride his bike”变成问句？", "output": "Does Charles love to ride his bike every day?"}
                {"instruction": "用 Python 的 list comprehension 写一个平方列表。", "output": "可以这样写：squares = [x * x for x in range(10)]，它会生成前十个平方数。"}
                {"conversations": [{"from": "human", "value": "请用简单的话介绍一下你自己。"}, {"from": "gpt", "value": "我是一个乐于助人的人工智能助手。"}, {"from": "human", "value": "Spaghetti or penne with tomato sauce?"}, {"from": "gpt", "value": "我推荐意大利面配番茄酱，味道很好。"}]}
                {"instruction": "Say hi.", "output": "Hi!"}
                {"text": "<s>[INST] 你好 [/INST] Hello there, how are you doing today, my friend?</s>"}
                """#)
        ]
    )

    /// A response needs this many words, and its prompt this many, before their scripts are compared: "OK" or a
    /// name says nothing about the language of a conversation.
    static let minimumResponseWords = 8
    static let minimumPromptWords = 5
    /// The share of words the main script needs for a text to count as written in it, rather than mixed.
    static let mainShare = 0.75

    /// Prompts that ask for another language: a translation, or a language by name.
    static let languageCues = PromptCues([
        "translat", "transliterat", "romaniz", "english", "chinese", "mandarin", "cantonese", "japanese", "korean",
        "french", "spanish", "german", "russian", "italian", "portuguese", "arabic", "hindi", "pinyin", "翻译", "译成",
        "译为", "翻成", "英文", "英语", "中文", "汉语", "普通话", "日语", "日文", "韩语", "法语", "德语", "俄语",
        "西班牙语", "拼音",
    ])

    struct State: Mergeable {
        /// Samples per main script, indexed by `Script.index`; the last slot counts samples without words.
        var samples = [Int](repeating: 0, count: Script.allCases.count + 1)
        var findings = Findings()

        mutating func merge(_ later: State) {
            for i in samples.indices { samples[i] += later.samples[i] }
            findings.append(contentsOf: later.findings)
        }
    }

    func observe(_ sample: Sample, into state: inout State) {
        guard sample.isRecord, sample.format != nil else { return }
        let turns = sample.turns
        // Most samples are plain ASCII: one script, nothing to compare.
        var isASCII = true
        var hasLetters = false
        for i in turns.indices where turns.isConversation(i) {
            if turns[i].marks.contains(.nonASCII) {
                isASCII = false
                break
            }
            hasLetters = hasLetters || ScriptWords.hasASCIILetter(turns[i].text)
        }
        if isASCII {
            state.samples[hasLetters ? Script.latin.index : Script.allCases.count] += 1
            return
        }
        TurnWords.with(turns) { words in
            var total = ScriptWords()
            for i in turns.indices where turns.isConversation(i) { total = total + words.raw(i) }
            if let main = total.main, main.share < Self.mainShare {
                // A mixed sample may only look mixed because of its code.
                total = ScriptWords()
                for i in turns.indices where turns.isConversation(i) { total = total + words.prose(i) }
            }
            state.samples[total.main?.script.index ?? Script.allCases.count] += 1
            for i in turns.indices where turns.isResponse(i) {
                guard let prompt = sample.promptIndex(before: i) else { continue }
                inspect(response: i, prompt: prompt, in: turns, words: &words, report: &state.findings)
            }
        }
    }

    /// Compares a response with its prompt; `words` caches each turn's counts.
    private func inspect(
        response r: Int, prompt p: Int, in turns: [Turn], words: inout TurnWords,
        report: inout Findings
    ) {
        if let response = words.raw(r).main, response.share >= Self.mainShare, let prompt = words.raw(p).main,
            response.script == prompt.script, prompt.share >= Self.mainShare
        {
            return
        }
        let responseWords = words.prose(r)
        let promptWords = words.prose(p)
        guard let response = responseWords.main, let prompt = promptWords.main, response.script != prompt.script,
            responseWords.total >= Self.minimumResponseWords, response.share >= Self.mainShare,
            promptWords.total >= Self.minimumPromptWords, prompt.share >= Self.mainShare
        else { return }
        // An earlier question in the response's script makes it the language of the conversation.
        for i in 0..<r where turns[i].role == .user && i != p {
            let earlier = words.prose(i)
            if earlier.main?.script == response.script && earlier.total >= Self.minimumPromptWords { return }
        }
        for i in 0..<r where (turns[i].role == .user || turns[i].role == .system) && turns.holdsProse(i) {
            if Self.languageCues.firstMatch(in: turns[i].text) != nil { return }
        }
        if Self.quotes(turns[p].text, script: response.script) { return }
        report.add(
            Self.self, at: turns[r].location(atTextByte: 0),
            "response is \(Self.percent(response.share)) \(response.script.displayName) but its prompt is "
                + "\(Self.percent(prompt.share)) \(prompt.script.displayName); no translation was asked for",
            related: [RelatedLocation(turns[p].location(atTextByte: 0), note: "prompt")])
    }

    func conclude(_ state: State, report: inout Findings) {
        report.append(contentsOf: state.findings)
    }

    /// `scripts`: samples by the main script of their user and assistant turns (`none` without words).
    func statistics(_ state: State) -> [String: JSONValue] {
        var scripts: [String: JSONValue] = [:]
        for script in Script.allCases where state.samples[script.index] > 0 {
            scripts[script.rawValue] = .integer(state.samples[script.index])
        }
        if state.samples[Script.allCases.count] > 0 { scripts["none"] = .integer(state.samples[Script.allCases.count]) }
        return ["scripts": .object(scripts)]
    }

    static func percent(_ share: Double) -> String {
        "\(Int((share * 100).rounded()))%"
    }

    /// Whether `text` quotes something in `script`: "怎样把“Charles loves to ride”变成问句" asks about English
    /// text, and may be answered in English.
    static func quotes(_ text: String, script: Script) -> Bool {
        let pairs: [Unicode.Scalar: Unicode.Scalar] = ["“": "”", "‘": "’", "「": "」", "『": "』", "«": "»", "\"": "\""]
        var closing: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if let close = closing {
                if scalar == close {
                    closing = nil
                } else if let found = Script(scalar), found == script || (script == .kana && found == .han) {
                    return true
                }
            } else {
                closing = pairs[scalar]
            }
        }
        return false
    }
}

/// Word counts of a sample's turns, each computed once: raw (the whole text, cheap) and prose (without code).
/// The counts live in a buffer on the stack for the length of one sample.
struct TurnWords {
    private let turns: [Turn]
    private let rawCounts: UnsafeMutableBufferPointer<ScriptWords?>
    private let proseCounts: UnsafeMutableBufferPointer<ScriptWords?>

    /// Calls `body` with empty counts for `turns`.
    static func with<R>(_ turns: [Turn], _ body: (inout TurnWords) -> R) -> R {
        let count = turns.count
        return withUnsafeTemporaryAllocation(of: ScriptWords?.self, capacity: 2 * count) { buffer in
            buffer.initialize(repeating: nil)
            var words = TurnWords(
                turns: turns, rawCounts: UnsafeMutableBufferPointer(rebasing: buffer[0..<count]),
                proseCounts: UnsafeMutableBufferPointer(rebasing: buffer[count..<2 * count]))
            return body(&words)
        }
    }

    mutating func raw(_ i: Int) -> ScriptWords {
        if let counted = rawCounts[i] { return counted }
        let counted = ScriptWords(turns[i].text)
        rawCounts[i] = counted
        return counted
    }

    mutating func prose(_ i: Int) -> ScriptWords {
        if let counted = proseCounts[i] { return counted }
        let text = turns[i].text
        let regions = CodeRegions(text)
        let counted =
            regions.ranges.isEmpty
            ? raw(i)
            : text.withUTF8Buffer { bytes in
                regions.proseRanges(in: text).reduce(into: ScriptWords()) { $0.add(bytes, in: $1) }
            }
        proseCounts[i] = counted
        return counted
    }
}

extension ScriptWords {
    /// Whether an ASCII text has a letter: a text of digits and symbols ("2 + 2") has no script.
    static func hasASCIILetter(_ text: String) -> Bool {
        text.utf8.contains { ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }
    }
}

extension Script {
    /// The script in messages, with the language it usually means for the CJK scripts.
    var displayName: String {
        switch self {
        case .han: "han (chinese)"
        case .kana: "kana (japanese)"
        case .hangul: "hangul (korean)"
        default: rawValue
        }
    }
}
