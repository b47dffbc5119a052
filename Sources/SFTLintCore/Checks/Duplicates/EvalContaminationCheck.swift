/// Flags training samples whose prompt equals or near-duplicates a prompt of the eval or benchmark files given
/// with `--against`.
struct EvalContaminationCheck: DatasetCheck, ConfigurableCheck {
    static let info = CheckInfo(
        code: "D004",
        name: "eval-contamination",
        summary: "A training prompt equals or near-duplicates a prompt of the eval data given with --against.",
        rationale: """
            A model trained on a benchmark's questions scores well on that benchmark without being any better: \
            the evaluation no longer measures what it claims. Prompts (without the system prompt) are compared \
            after normalisation, exactly and by the similarity near-duplicate uses (--near-dup-threshold), with \
            every prompt of the --against files, whatever their format.
            """,
        severity: .error,
        triggering: [
            Example(
                #"""
                ! {"instruction": "What is the capital of Australia?", "output": "Canberra."}
                {"instruction": "What is the capital of Austria?", "output": "Vienna."}
                ! {"messages": [{"role": "system", "content": "You are a geography tutor."}, {"role": "user", "content": "what is the capital of australia"}, {"role": "assistant", "content": "Canberra."}]}
                ! {"instruction": "中国最长的河流是哪一条", "output": "长江。"}
                """#,
                against: #"""
                    {"messages": [{"role": "user", "content": "What is the capital of Australia?"}, {"role": "assistant", "content": "Canberra"}]}
                    {"instruction": "中国最长的河流是哪一条？", "output": "长江"}
                    """#)
        ],
        nonTriggering: [
            Example(
                #"""
                {"instruction": "What is the capital of Austria?", "output": "Vienna."}
                {"instruction": "Name the longest river in Africa.", "output": "The Nile."}
                {"instruction": "中国最大的湖泊是哪一个？", "output": "鄱阳湖。"}
                """#,
                against: #"""
                    {"messages": [{"role": "user", "content": "What is the capital of Australia?"}, {"role": "assistant", "content": "Canberra"}]}
                    {"instruction": "中国最长的河流是哪一条？", "output": "长江"}
                    """#)
        ],
        activation: "only with --against PATH: eval or benchmark files in any supported format (repeatable)"
    )

    /// The eval prompts; without them the check finds nothing.
    var index: EvalIndex?
    /// The similarity at which a training prompt near-duplicates an eval prompt.
    var threshold = RuleSettings().nearDuplicateThreshold

    func configured(with settings: RuleSettings) -> EvalContaminationCheck {
        var check = self
        check.index = settings.evalIndex ?? index
        check.threshold = settings.nearDuplicateThreshold
        return check
    }

    /// A training sample's match in the eval data.
    struct Hit: Sendable {
        var prompt: Int32
        var similarity: Float
        var isExact: Bool
    }

    struct State: Mergeable {
        /// Only the matches, and their records: each sample is compared with the eval data as it is observed.
        var hits: [Hit] = []
        var samples = RecordList()

        mutating func merge(_ later: State) {
            hits.append(contentsOf: later.hits)
            samples.merge(later.samples)
        }
    }

    func observe(_ sample: Sample, into state: inout State) {
        guard let index, let ref = RecordRef(sample) else { return }
        guard let question = SampleText.of(sample).question,
            let match = index.match(
                key: question.key, sketch: question.sketch, bandKeys: { index.bands.keys(of: question.sketch) },
                threshold: threshold)
        else { return }
        state.hits.append(Hit(prompt: Int32(match.prompt), similarity: Float(match.similarity), isExact: match.isExact))
        state.samples.append(ref, of: sample)
    }

    func conclude(_ state: State, report: inout Findings) {
        guard let index else { return }
        for (record, hit) in state.hits.enumerated() {
            let place = index.place(of: Int(hit.prompt))
            let message =
                hit.isExact
                ? "prompt appears in the eval data at \(place)"
                : "prompt near-identical to an eval prompt at \(place) "
                    + "(similarity \(DuplicateWording.similarity(Double(hit.similarity))))"
            report.add(
                Self.self, at: state.samples.location(record), message,
                related: [RelatedLocation(index.location(of: Int(hit.prompt)), note: "eval prompt")])
        }
    }

    func statistics(_ state: State) -> [String: JSONValue] {
        guard let index else { return [:] }
        return [
            "contamination": .object([
                "evalPrompts": .integer(index.count),
                "samples": .integer(state.hits.count),
                "exact": .integer(state.hits.reduce(0) { $0 + ($1.isExact ? 1 : 0) }),
            ])
        ]
    }
}
