/// Flags fields no format defines, once per file and field, naming the field probably meant.
struct UnknownFieldCheck: DatasetCheck {
    static let info = CheckInfo(
        code: "S005",
        name: "unknown-field",
        summary: "A field that no supported format defines, usually a misspelt one.",
        rationale: """
            Trainers ignore fields they don't know: a misspelt "instrution" or "respone" silently trains without \
            that text. Common metadata fields (id, source, category, …) are not reported.
            """,
        severity: .info,
        triggering: [
            Example(
                #"""
                ! {"instrution": "Name a colour.", "output": "Blue."}
                {"instrution": "Name a fruit.", "output": "Apple."}
                ! {"instruction": "你好", "output": "你好！", "reference": "greeting"}
                ! {"conversations": [{"from": "human", "valeu": "Hi"}, {"from": "gpt", "value": "Hello!"}]}
                """#)
        ],
        nonTriggering: [
            Example(
                #"""
                {"id": 7, "source": "dolly", "instruction": "Name a colour.", "input": "", "output": "Blue."}
                {"messages": [{"role": "user", "content": "你好", "loss_weight": 0.0}, {"role": "assistant", "content": "你好！", "loss_weight": 1.0}]}
                """#)
        ]
    )

    struct Key: Hashable {
        var file: Int
        /// The field's pointer with array indices generalised: `/conversations/*/valeu`.
        var pattern: String
    }

    struct Entry: Sendable {
        var name: String
        var suggestion: String?
        var records: Int
        var first: Location
        var lastRecord: Int?
    }

    struct State: Mergeable {
        var entries: [Key: Entry] = [:]
        /// First-seen order, for deterministic output independent of hashing.
        var order: [Key] = []

        mutating func merge(_ later: State) {
            for key in later.order {
                guard let entry = later.entries[key] else { continue }
                if entries[key] == nil {
                    entries[key] = entry
                    order.append(key)
                } else {
                    // A record never spans two states, so the counts simply add.
                    entries[key]?.records += entry.records
                }
            }
        }
    }

    func observe(_ sample: Sample, into state: inout State) {
        for case .unknownField(let name, let pointer, let offset, let suggestion) in sample.defects {
            let key = Key(file: sample.record.file.index, pattern: Self.pattern(pointer))
            if var entry = state.entries[key] {
                if entry.lastRecord != sample.record.index {
                    entry.records += 1
                    entry.lastRecord = sample.record.index
                }
                state.entries[key] = entry
            } else {
                state.entries[key] = Entry(
                    name: name, suggestion: suggestion, records: 1,
                    first: sample.location(atOffset: offset, pointer: pointer), lastRecord: sample.record.index)
                state.order.append(key)
            }
        }
    }

    func conclude(_ state: State, report: inout Findings) {
        for key in state.order {
            guard let entry = state.entries[key] else { continue }
            let place = JSONPointer.display(key.pattern)
            let count = entry.records == 1 ? "1 record" : "\(entry.records) records"
            let hint = entry.suggestion.map { "; did you mean \"\($0)\"?" } ?? ""
            report.add(
                Self.self, at: entry.first, "unknown field \"\(place)\" in \(count)\(hint)", describesFile: true)
        }
    }

    /// `/conversations/3/valeu` → `/conversations/*/valeu`, so every turn's misspelling is one entry.
    static func pattern(_ pointer: String) -> String {
        pointer.split(separator: "/", omittingEmptySubsequences: false)
            .map { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitCharacter) ? "*" : String($0) }
            .joined(separator: "/")
    }
}
