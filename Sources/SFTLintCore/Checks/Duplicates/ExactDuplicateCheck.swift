/// Flags samples identical to an earlier sample after normalisation, across all input files and formats.
struct ExactDuplicateCheck: DatasetCheck {
    static let info = CheckInfo(
        code: "D001",
        name: "exact-duplicate",
        summary: "A sample is identical to an earlier one after Unicode, case and whitespace normalisation.",
        rationale: """
            A sample trained on twice weighs twice: the model memorises it at the expense of the rest, and a copy \
            that lands in the held-out split inflates the evaluation. Samples are compared turn by turn, roles \
            included, after Unicode NFKC, case folding and whitespace collapsing, across every input file and \
            format; each later copy is reported once and points at the first.
            """,
        severity: .warning,
        triggering: [
            Example(
                #"""
                {"instruction": "Name a primary colour.", "output": "Blue."}
                {"instruction": "写一首关于春天的诗。", "output": "春眠不觉晓，处处闻啼鸟。"}
                ! {"instruction": "name a  primary colour.", "output": "BLUE."}
                ! {"conversations": [{"from": "human", "value": "写一首关于春天的诗。"}, {"from": "gpt", "value": "春眠不觉晓,处处闻啼鸟。"}]}
                ! {"instruction": "Name a primary colour.", "input": "", "output": "Blue."}
                """#)
        ],
        nonTriggering: [
            Example(
                #"""
                {"instruction": "Name a primary colour.", "output": "Blue."}
                {"instruction": "Name a primary colour.", "output": "Red."}
                {"instruction": "Name a primary colour.", "output": "Blue.", "system": "Answer in one word."}
                {"instruction": "写一首关于春天的诗。", "output": "春眠不觉晓，处处闻啼鸟。"}
                {"instruction": "写一首关于春天的诗。", "input": "五言绝句", "output": "春眠不觉晓，处处闻啼鸟。"}
                """#)
        ]
    )

    struct State: Mergeable {
        /// Per sample with text, in data order: its key and its record.
        var keys: [UInt64] = []
        var samples = RecordList()
        /// Every record seen, with text or not: the denominator of the duplicate rate.
        var records = 0
        var cache = AnalysisCache<ExactGroups>()

        mutating func merge(_ later: State) {
            keys.append(contentsOf: later.keys)
            samples.merge(later.samples)
            records += later.records
            cache = AnalysisCache()
        }

        /// Bytes held, not counting spare capacity.
        var byteCount: Int { keys.count * MemoryLayout<UInt64>.stride + samples.byteCount }

        var groups: ExactGroups { cache.value(records: keys.count) { ExactGroups(keys: keys) } }
    }

    func observe(_ sample: Sample, into state: inout State) {
        guard let ref = RecordRef(sample) else { return }
        state.records += 1
        guard let key = SampleText.of(sample).sampleKey else { return }
        state.keys.append(key)
        state.samples.append(ref, of: sample)
    }

    func conclude(_ state: State, report: inout Findings) {
        let groups = state.groups
        let samples = state.samples
        for record in state.keys.indices where groups.position[record] > 1 {
            let first = groups.first(of: record)
            let position = DuplicateWording.ordinal(Int(groups.position[record]))
            report.add(
                Self.self, at: samples.location(record),
                "duplicate of \(samples.place(first, from: record)): \(position) of \(groups.size(of: record)) "
                    + "identical samples",
                related: [RelatedLocation(samples.location(first), note: "first copy")])
        }
    }

    func statistics(_ state: State) -> [String: JSONValue] {
        let groups = state.groups
        let copies = state.keys.count - groups.first.count
        let rate = state.records == 0 ? 0 : Double(copies) / Double(state.records)
        return [
            "duplicates": .object([
                "copies": .integer(copies),
                "groups": .integer(groups.size.reduce(0) { $0 + ($1 > 1 ? 1 : 0) }),
                "rate": .decimal(rate, places: 4),
            ])
        ]
    }
}
