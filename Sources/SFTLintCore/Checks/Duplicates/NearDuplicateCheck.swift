/// Flags prompts that are near-identical to earlier prompts without being equal, grouping each cluster of
/// near-duplicates so that 50 paraphrases are one group.
struct NearDuplicateCheck: DatasetCheck, ConfigurableCheck {
    static let info = CheckInfo(
        code: "D003",
        name: "near-duplicate",
        summary: "A prompt is near-identical to an earlier prompt without being equal to it.",
        rationale: """
            Paraphrases and template variants of one prompt over-train its answer as copies do, and they slip past \
            exact deduplication. Prompts (without the system prompt) are compared by the Jaccard similarity of \
            their words, or of pairs of CJK characters, ignoring punctuation, case and spacing; prompts at or above \
            --near-dup-threshold (default 0.8) are linked, and linked prompts form one group. Equal prompts are \
            left to D001 and D002, and prompts offered different tools (a top-level `tools`) are not compared. A \
            prompt of several lines must also be as similar in its last line, where templates put the question or \
            the input: one template applied to many questions is a template (V003's concern), not a near-duplicate.
            """,
        severity: .warning,
        triggering: [
            Example(
                #"""
                {"instruction": "Write a short story about a brave knight who saves a village from a dragon.", "output": "Once upon a time..."}
                ! {"instruction": "Write a short story about a brave knight who saves the village from a dragon.", "output": "Sir Roland rode out..."}
                {"instruction": "Translate to French: good morning", "output": "Bonjour"}
                ! {"instruction": "translate to French - Good morning!", "output": "Bonjour !"}
                {"instruction": "请用简单的语言解释光合作用的过程。", "output": "植物利用阳光把水和二氧化碳变成糖和氧气。"}
                ! {"instruction": "请用简单的语言，解释光合作用的过程！", "output": "光合作用就是植物制造养分的过程。"}
                {"instruction": "把这句话翻译成英文", "output": "Translate this sentence into English."}
                ! {"instruction": "把这句话翻译成英文：", "output": "Please translate this sentence into English."}
                """#),
            Example(
                #"""
                {"conversations": [{"from": "human", "value": "Can you please order a pizza for me?"}, {"from": "gpt", "value": "Sorry, I can only create calendar events."}], "tools": "[{\"name\": \"create_calendar_event\"}]"}
                ! {"conversations": [{"from": "human", "value": "Can you please order a pizza for me!"}, {"from": "gpt", "value": "I can't, but I can put lunch in your calendar."}], "tools": "[{\"name\": \"create_calendar_event\"}]"}
                """#),
            Example(
                #"""
                {"instruction": "You can use the weather tool. It returns the current temperature and conditions for a city, given its name.\nWhat is the weather in Paris today?", "output": "weather('Paris')"}
                ! {"instruction": "You can use the weather tool. It returns the current temperature and conditions for a city, given its name.\nWhat is the weather in Paris today", "output": "weather('Paris, France')"}
                {"instruction": "你可以使用天气工具，它根据城市名称返回当前的气温和天气状况。\n北京今天的天气怎么样？", "output": "weather('北京')"}
                ! {"instruction": "你可以使用天气工具，它根据城市名称返回当前的气温和天气状况。\n北京今天的天气怎么样啊？", "output": "weather('北京市')"}
                """#),
        ],
        nonTriggering: [
            Example(
                #"""
                {"instruction": "Write a short story about a dragon.", "output": "Once upon a time..."}
                {"instruction": "Write a poem about a dragon.", "output": "Scales of fire..."}
                {"instruction": "Write a short story about a dragon.", "output": "A dragon slept."}
                {"instruction": "解释光合作用。", "output": "植物利用阳光制造养分。"}
                {"instruction": "解释呼吸作用。", "output": "细胞分解有机物释放能量。"}
                {"instruction": "把这句话翻译成英文", "output": "Translate this sentence into English."}
                {"instruction": "把这句话翻译成法文", "output": "Traduisez cette phrase en français."}
                """#),
            // One template, different questions on its last line (an Alpaca input counts as the last line).
            Example(
                #"""
                {"instruction": "You can use the weather tool. It returns the current temperature and conditions for a city, given its name.\nWhat is the weather in Paris?", "output": "weather('Paris')"}
                {"instruction": "You can use the weather tool. It returns the current temperature and conditions for a city, given its name.\nIs it raining in Tokyo right now?", "output": "weather('Tokyo')"}
                {"instruction": "Classify the sentiment of this product review as positive, negative or neutral, and say why.", "input": "The battery died after two days.", "output": "Negative."}
                {"instruction": "Classify the sentiment of this product review as positive, negative or neutral, and say why.", "input": "Arrived early and works perfectly.", "output": "Positive."}
                {"instruction": "你可以使用天气工具，它根据城市名称返回当前的气温和天气状况。\n北京今天的天气怎么样？", "output": "weather('北京')"}
                {"instruction": "你可以使用天气工具，它根据城市名称返回当前的气温和天气状况。\n上海明天会下雨吗？", "output": "weather('上海')"}
                """#),
            // One request made with other tools at hand: each sample teaches what its tools allow.
            Example(
                #"""
                {"conversations": [{"from": "human", "value": "Can you please order a pizza for me?"}, {"from": "gpt", "value": "Sorry, I can only create calendar events."}], "tools": "[{\"name\": \"create_calendar_event\"}]"}
                {"conversations": [{"from": "human", "value": "Can you please order a pizza for me!"}, {"from": "gpt", "value": "Sorry, I can only compute discounts."}], "tools": "[{\"name\": \"calculate_discount\"}]"}
                {"messages": [{"role": "user", "content": "请帮我订一个披萨。"}, {"role": "assistant", "content": "抱歉，我只能查询天气。"}], "tools": [{"type": "function", "function": {"name": "get_weather"}}]}
                {"messages": [{"role": "user", "content": "请帮我订一个披萨！"}, {"role": "assistant", "content": "抱歉，我只能换算汇率。"}], "tools": [{"type": "function", "function": {"name": "convert_currency"}}]}
                """#),
        ]
    )

    /// The similarity at which two prompts are near-duplicates.
    var threshold = RuleSettings().nearDuplicateThreshold

    /// Threads for the candidate search; 0: one per core.
    var jobs = 0

    func configured(with settings: RuleSettings) -> NearDuplicateCheck {
        var check = self
        check.threshold = settings.nearDuplicateThreshold
        check.jobs = settings.jobs
        return check
    }

    struct State: Mergeable {
        /// Per sample with a prompt, in data order: the prompt's key (system prompt included, for "equal"),
        /// the bottom-k sketch of its shingles (system prompt left out, for "similar"), and where it is.
        var promptKeys: [UInt64] = []
        var sketches = SketchStore()
        /// The hash of each sample's tools (0 for none): a question asked with other tools is another task.
        var toolsKeys: [UInt32] = []
        /// The sketch of the last line of each sample's question when it has several lines (empty otherwise):
        /// the part that varies when many prompts share one template.
        var lastLines = SparseSketchStore()
        var samples = RecordList()
        var cache = AnalysisCache<Analysis>()

        mutating func merge(_ later: State) {
            promptKeys.append(contentsOf: later.promptKeys)
            sketches.append(contentsOf: later.sketches)
            toolsKeys.append(contentsOf: later.toolsKeys)
            lastLines.append(contentsOf: later.lastLines)
            samples.merge(later.samples)
            cache = AnalysisCache()
        }

        /// Bytes held, not counting spare capacity.
        var byteCount: Int {
            promptKeys.count * MemoryLayout<UInt64>.stride + toolsKeys.count * MemoryLayout<UInt32>.stride
                + sketches.byteCount
                + lastLines.byteCount + samples.byteCount
        }
    }

    func observe(_ sample: Sample, into state: inout State) {
        guard let ref = RecordRef(sample) else { return }
        let text = SampleText.of(sample)
        guard let promptKey = text.promptKey else { return }
        state.promptKeys.append(promptKey)
        let question = text.question
        state.sketches.append(question?.sketch ?? [])
        state.toolsKeys.append(UInt32(truncatingIfNeeded: text.toolsKey))
        state.lastLines.append(Self.lastLineSketch(of: sample, questionShingles: question?.shingles ?? 0))
        state.samples.append(ref, of: sample)
    }

    /// The sketch of the last non-blank line of the sample's last user turn, when that turn has more lines (Alpaca
    /// joins instruction and input with a newline, so an input's last line counts) and the line holds at most half
    /// the question's shingles; empty otherwise.
    ///
    /// Only a small last line can differ entirely between two prompts that still reach the threshold: with a
    /// share f of shingles unshared on each side, J = (1 − f) / (1 + f), so at 0.8 the last line must be under
    /// 11% of the prompt. A larger one already weighs in the whole prompt's similarity, and isn't kept.
    static func lastLineSketch(of sample: Sample, questionShingles: Int) -> ArraySlice<UInt32> {
        guard let turn = sample.turns.lastIndex(where: { $0.role == .user }), sample.turns[turn].marks.contains(.newline)
        else { return [] }
        let lines = sample.turns[turn].text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }
        guard lines.count > 1, let last = lines.last else { return [] }
        var bytes: [UInt8] = []
        TextNormalizer.append(String(last), to: &bytes)
        let shingles = Shingler.shingleSet(of: bytes)
        guard 2 * shingles.count <= questionShingles else { return [] }
        return BottomKSketch.sketch(of: shingles)
    }

    // MARK: - Analysis

    /// One later prompt of a group, as reported.
    struct Member: Sendable {
        var record: Int
        var first: Int
        var closest: Int
        var similarity: Double
        var position: Int
        var size: Int
    }

    struct Analysis: Sendable {
        var members: [Member] = []
        var groups = 0
        var largest = 0
    }

    /// Earlier members of a group compared with each later one to find its closest.
    private static let closestWindow = 64

    /// Links distinct prompts by banded MinHash over the whole run, then walks each group in data order.
    func analyse(_ state: State) -> Analysis {
        // Equal prompts are one item: D003 compares distinct prompts, and reports the first record of each.
        let exact = ExactGroups(keys: state.promptKeys)
        let items = exact.first.filter { !state.sketches.isEmpty(Int($0)) }
        var finder = NearDuplicateFinder(threshold: threshold)
        if jobs > 0 { finder.jobs = jobs }
        var links = finder.link(items, in: state.sketches, parts: state.lastLines)
        var analysis = Analysis()
        for linked in links.groups() {
            for records in Self.splitByTools(linked.map { Int(items[$0]) }, state.toolsKeys) where records.count > 1 {
                analysis.groups += 1
                analysis.largest = max(analysis.largest, records.count)
                analysis.members += Self.members(of: records, in: state.sketches)
            }
        }
        return analysis
    }

    /// The records of a linked group split by the tools their samples offer, each part in data order.
    static func splitByTools(_ records: [Int], _ toolsKeys: [UInt32]) -> [[Int]] {
        guard let first = records.first, records.contains(where: { toolsKeys[$0] != toolsKeys[first] }) else {
            return [records]
        }
        var parts: [UInt32: [Int]] = [:]
        for record in records { parts[toolsKeys[record], default: []].append(record) }
        return parts.values.sorted { $0[0] < $1[0] }
    }

    /// The later records of a group, each with its closest earlier record.
    static func members(of records: [Int], in sketches: SketchStore) -> [Member] {
        var members: [Member] = []
        for (position, record) in records.enumerated().dropFirst() {
            var closest = records[0]
            var best = sketches.similarity(record, closest)
            for earlier in records[max(0, position - Self.closestWindow)..<position] {
                let similarity = sketches.similarity(record, earlier)
                if similarity > best { (closest, best) = (earlier, similarity) }
            }
            members.append(
                Member(
                    record: record, first: records[0], closest: closest, similarity: best, position: position + 1,
                    size: records.count))
        }
        return members
    }

    func conclude(_ state: State, report: inout Findings) {
        let analysis = state.cache.value(records: state.promptKeys.count) { analyse(state) }
        let samples = state.samples
        for member in analysis.members {
            let (here, first, closest) = (member.record, member.first, member.closest)
            let position = DuplicateWording.ordinal(member.position)
            let similarity = DuplicateWording.similarity(member.similarity)
            let group =
                closest == first
                ? "\(position) of \(member.size) in its group"
                : "\(position) of \(member.size) in a group first seen at \(samples.place(first, from: here))"
            let hint = member.similarity >= 0.995 ? "; only punctuation, symbols or the system prompt differ" : ""
            var related = [RelatedLocation(samples.location(first), note: "first prompt of the group")]
            if closest != first {
                related.append(RelatedLocation(samples.location(closest), note: "most similar earlier prompt"))
            }
            report.add(
                Self.self, at: samples.location(here),
                "near-duplicate prompt of \(samples.place(closest, from: here)) (similarity \(similarity); \(group))"
                    + hint,
                related: related)
        }
    }

    func statistics(_ state: State) -> [String: JSONValue] {
        let analysis = state.cache.value(records: state.promptKeys.count) { analyse(state) }
        return [
            "nearDuplicates": .object([
                "groups": .integer(analysis.groups),
                "largestGroup": .integer(analysis.largest),
                "samples": .integer(analysis.members.count),
            ])
        ]
    }
}
