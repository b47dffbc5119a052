/// Flags files whose records come in more than one format, once per file.
struct MixedFormatsCheck: DatasetCheck {
    static let info = CheckInfo(
        code: "S006",
        name: "mixed-formats",
        summary: "One file mixes records of different formats.",
        rationale: """
            Loaders infer one schema per file: datasets' JSON builder fails with "column names don't match" or \
            fills the other format's fields with nulls, and a trainer configured for one format drops the rest.
            """,
        severity: .warning,
        triggering: [
            Example(
                #"""
                {"instruction": "Name a colour.", "output": "Blue."}
                {"instruction": "Name a fruit.", "output": "Apple."}
                ! {"conversations": [{"from": "human", "value": "你好"}, {"from": "gpt", "value": "你好！"}]}
                {"conversations": [{"from": "human", "value": "Hi"}, {"from": "gpt", "value": "Hello!"}]}
                {"instruction": "写一首诗。", "output": "床前明月光。"}
                """#)
        ],
        nonTriggering: [
            Example(
                #"""
                {"instruction": "Name a colour.", "output": "Blue."}
                {"instruction": "写一首诗。", "input": "", "output": "床前明月光。"}
                {"instruction": "Name a fruit.", "output": "Apple.", "history": [["Hi", "Hello!"]]}
                """#)
        ]
    )

    struct FileFormats: Sendable {
        /// Records and first record of each format, indexed like `SampleFormat.allCases`: arrays, since hashing a
        /// format (by its raw string) for every record cost more than the rest of the rule.
        var counts = [Int](repeating: 0, count: SampleFormat.allCases.count)
        var first = [Location?](repeating: nil, count: SampleFormat.allCases.count)

        mutating func observe(_ format: SampleFormat, of sample: Sample) {
            counts[format.index] += 1
            if counts[format.index] == 1 { first[format.index] = sample.location }
        }

        mutating func merge(_ later: FileFormats) {
            for index in counts.indices {
                counts[index] += later.counts[index]
                if first[index] == nil { first[index] = later.first[index] }
            }
        }
    }

    struct State: Mergeable {
        var files: [Int: FileFormats] = [:]

        mutating func merge(_ later: State) {
            for (file, formats) in later.files {
                files[file, default: FileFormats()].merge(formats)
            }
        }
    }

    func observe(_ sample: Sample, into state: inout State) {
        guard let format = sample.format, sample.isRecord else { return }
        state.files[sample.record.file.index, default: FileFormats()].observe(format, of: sample)
    }

    func conclude(_ state: State, report: inout Findings) {
        for file in state.files.keys.sorted() {
            guard let formats = state.files[file], formats.counts.count(where: { $0 > 0 }) > 1 else { continue }
            // Most records first; ties in the formats' declared order.
            let counted = SampleFormat.allCases.compactMap { format in
                formats.counts[format.index] > 0 ? (format, formats.counts[format.index]) : nil
            }
            let ranked = counted.enumerated().sorted { ($0.element.1, -$0.offset) > ($1.element.1, -$1.offset) }
                .map(\.element)
            let (majority, minority) = (ranked[0].0, ranked[1].0)
            guard let at = formats.first[minority.index], let majorityAt = formats.first[majority.index] else {
                continue
            }
            let counts = ranked.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", ")
            report.add(
                Self.self, at: at, "file mixes formats (\(counts)); first \(minority.rawValue) record here",
                related: [RelatedLocation(majorityAt, note: "first \(majority.rawValue) record")], describesFile: true)
        }
    }
}
