/// Flags samples that repeat an earlier sample's prompt with a materially different final response.
struct ConflictingResponseCheck: DatasetCheck {
    static let info = CheckInfo(
        code: "D002",
        name: "conflicting-response",
        summary: "A sample repeats an earlier prompt with a materially different response.",
        rationale: """
            Two different answers to one question teach the model that either will do: it hedges, averages them, \
            or picks one at random, and a factual answer paired with a wrong one undoes what the right one taught. \
            The prompt is the system prompt, the tools offered and every turn before the final answer, normalised; \
            responses whose words (or CJK character pairs) overlap by at least half are the same answer said twice, \
            not a conflict.
            """,
        severity: .warning,
        triggering: [
            Example(
                #"""
                {"instruction": "Is the Earth flat?", "output": "No, the Earth is an oblate spheroid."}
                ! {"instruction": "is the earth flat?", "output": "Yes."}
                {"instruction": "水的沸点是多少？", "output": "在标准大气压下，水的沸点是100摄氏度。"}
                ! {"conversations": [{"from": "human", "value": "水的沸点是多少?"}, {"from": "gpt", "value": "水在50度时沸腾。"}]}
                ! {"instruction": "Is the Earth flat?", "output": "Of course it is, look outside."}
                """#),
            Example(
                #"""
                {"conversations": [{"from": "human", "value": "Can you order a pizza for me?"}, {"from": "gpt", "value": "Sorry, I can only create calendar events."}], "tools": "[{\"name\": \"create_calendar_event\"}]"}
                ! {"conversations": [{"from": "human", "value": "Can you order a pizza for me?"}, {"from": "gpt", "value": "Yes, a large pepperoni is on its way to you."}], "tools": "[{\"name\": \"create_calendar_event\"}]"}
                """#),
        ],
        nonTriggering: [
            Example(
                #"""
                {"instruction": "Is the Earth flat?", "output": "No, the Earth is an oblate spheroid."}
                {"instruction": "Is the Earth flat?", "output": "No - the Earth is an oblate spheroid!"}
                {"instruction": "Is the Earth flat?", "output": "No, the Earth is an oblate spheroid."}
                {"instruction": "Is the Moon flat?", "output": "Yes."}
                {"instruction": "Is the Earth flat?", "system": "Answer as a pirate.", "output": "Arr, no."}
                {"instruction": "水的沸点是多少？", "output": "在标准大气压下，水的沸点是100摄氏度。"}
                {"instruction": "水的沸点是多少？", "output": "在标准大气压下，水的沸点是100摄氏度"}
                """#),
            // One question asked with two toolboxes: each answer fits the tools it was given.
            Example(
                #"""
                {"conversations": [{"from": "human", "value": "Can you order a pizza for me?"}, {"from": "gpt", "value": "Sorry, I can only create calendar events."}], "tools": "[{\"name\": \"create_calendar_event\"}]"}
                {"conversations": [{"from": "human", "value": "Can you order a pizza for me?"}, {"from": "gpt", "value": "I'm unable to do that: my one tool computes discounts."}], "tools": "[{\"name\": \"calculate_discount\"}]"}
                {"messages": [{"role": "user", "content": "帮我订一个披萨。"}, {"role": "assistant", "content": "抱歉，我只能查询天气。"}], "tools": [{"type": "function", "function": {"name": "get_weather"}}]}
                {"messages": [{"role": "user", "content": "帮我订一个披萨。"}, {"role": "assistant", "content": "抱歉，我只能换算汇率。"}], "tools": [{"type": "function", "function": {"name": "convert_currency"}}]}
                """#),
        ]
    )

    /// Responses at least this similar (Jaccard of their shingles) are one answer said twice.
    var sameResponseSimilarity = 0.5

    struct State: Mergeable {
        /// Per sample with a prompt and a response, in data order.
        var promptKeys: [UInt64] = []
        var responses: [ResponseSketch] = []
        var samples = RecordList()
        var cache = AnalysisCache<ExactGroups>()

        mutating func merge(_ later: State) {
            promptKeys.append(contentsOf: later.promptKeys)
            responses.append(contentsOf: later.responses)
            samples.merge(later.samples)
            cache = AnalysisCache()
        }

        /// Bytes held, not counting spare capacity.
        var byteCount: Int {
            promptKeys.count * (MemoryLayout<UInt64>.stride + MemoryLayout<ResponseSketch>.stride) + samples.byteCount
        }

        var groups: ExactGroups { cache.value(records: promptKeys.count) { ExactGroups(keys: promptKeys) } }
    }

    func observe(_ sample: Sample, into state: inout State) {
        guard let ref = RecordRef(sample) else { return }
        let text = SampleText.of(sample)
        // An empty answer is S004's or S011's finding, not a conflict.
        guard text.hasResponse, let response = text.response, let promptKey = text.promptKey else { return }
        state.promptKeys.append(promptKey)
        state.responses.append(response)
        state.samples.append(ref, of: sample)
    }

    /// Each later sample of a prompt whose response differs from the first sample's, with the similarity.
    private func conflicts(_ state: State) -> [(record: Int, similarity: Double)] {
        let groups = state.groups
        return state.promptKeys.indices.compactMap { record in
            guard groups.position[record] > 1 else { return nil }
            let similarity = state.responses[record].similarity(state.responses[groups.first(of: record)])
            return similarity < sameResponseSimilarity ? (record, similarity) : nil
        }
    }

    func conclude(_ state: State, report: inout Findings) {
        let groups = state.groups
        let samples = state.samples
        for (record, similarity) in conflicts(state) {
            let first = groups.first(of: record)
            let position = DuplicateWording.ordinal(Int(groups.position[record]))
            report.add(
                Self.self, at: samples.location(record),
                "same prompt as \(samples.place(first, from: record)), different response (similarity "
                    + "\(DuplicateWording.similarity(similarity)); \(position) of \(groups.size(of: record)) "
                    + "samples with this prompt)",
                related: [RelatedLocation(samples.location(first), note: "first sample with this prompt")])
        }
    }

    func statistics(_ state: State) -> [String: JSONValue] {
        let found = conflicts(state)
        let prompts = Set(found.map { state.groups.group[$0.record] }).count
        return ["conflicts": .object(["samples": .integer(found.count), "prompts": .integer(prompts)])]
    }
}
