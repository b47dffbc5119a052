/// Flags fields whose presence or kind varies between records of one file, once per file and field.
struct InconsistentFieldsCheck: DatasetCheck {
    static let info = CheckInfo(
        code: "S007",
        name: "inconsistent-fields",
        summary: "A field most records of a file have is absent from some, or a field changes kind between records.",
        rationale: """
            Arrow infers one schema per file: a field that is a string in one record and a list in another fails \
            the whole load ("Column changed from string to array"), and code that indexes a field present in most \
            records raises KeyError on the rest.
            """,
        severity: .warning,
        triggering: [
            Example(
                #"""
                {"instruction": "Name a colour.", "input": "", "output": "Blue."}
                ! {"instruction": "Name a fruit.", "output": "Apple."}
                {"instruction": "写一首诗。", "input": "", "output": "床前明月光。"}
                """#),
            Example(
                #"""
                {"instruction": "继续。", "output": "好的。", "tags": ["chat"]}
                {"instruction": "Go on.", "output": "Sure.", "tags": ["chat", "short"]}
                ! {"instruction": "Again.", "output": "Fine.", "tags": "chat"}
                """#),
        ],
        nonTriggering: [
            Example(
                #"""
                {"instruction": "Name a colour.", "input": "", "output": "Blue."}
                {"instruction": "写一首诗。", "input": null, "output": "床前明月光。"}
                {"conversations": [{"from": "human", "value": "Hi"}, {"from": "gpt", "value": "Hello!"}]}
                {"instruction": "Name a fruit.", "input": "", "output": "Apple.", "history": [["Hi", "Hello!"]]}
                {"instruction": "Name a tree.", "input": "", "output": "Oak.", "source": "handwritten"}
                """#)
        ]
    )

    /// Fields each format requires: their absence is missing-field's, per record.
    static let required: [SampleFormat: Set<String>] = [
        .alpaca: ["instruction", "output"], .sharegpt: ["conversations"], .openai: ["messages"], .text: ["text"],
        .promptCompletion: ["prompt", "completion"],
    ]

    struct GroupKey: Hashable {
        var file: Int
        var format: SampleFormat

        /// The format by position: its default hash, of its raw string, was most of a record's look-up.
        func hash(into hasher: inout Hasher) {
            hasher.combine(file)
            hasher.combine(format.index)
        }
    }

    struct FieldStats: Sendable {
        var name: String
        var present = 0
        /// Records per kind and the first place of each, indexed by `JSONKind.rawValue`: updated on every record,
        /// so arrays rather than dictionaries that would hash each field's kind twice.
        var kindCounts = [Int](repeating: 0, count: 6)
        var kindFirst = [Location?](repeating: nil, count: 6)

        /// Records per kind present, for the conclusion.
        var kinds: [JSONKind: Int] {
            var out: [JSONKind: Int] = [:]
            for (raw, count) in kindCounts.enumerated() where count > 0 {
                if let kind = JSONKind(rawValue: UInt8(raw)) { out[kind] = count }
            }
            return out
        }

        /// The first place of each kind present, for the conclusion.
        var firstOfKind: [JSONKind: Location] {
            var out: [JSONKind: Location] = [:]
            for (raw, location) in kindFirst.enumerated() {
                if let location, let kind = JSONKind(rawValue: UInt8(raw)) { out[kind] = location }
            }
            return out
        }
        /// The first record of the group without the field.
        var firstMissing: Location?
    }

    /// The records of one format in one file. Fields live in a small array in first-seen order: records have a
    /// handful of fields, and a linear scan beats hashing each name on every record.
    struct Group: Sendable {
        var records = 0
        var firstRecord: Location?
        var fields: [FieldStats] = []

        func index(of name: String) -> Int? { fields.firstIndex { $0.name == name } }

        mutating func observe(_ sample: Sample) {
            if records == 0 { firstRecord = sample.location }
            for (j, field) in sample.fields.enumerated() {
                // A repeated key (duplicate-key's finding) counts once.
                if sample.fields[..<j].contains(where: { $0.name == field.name }) { continue }
                let i: Int
                if let known = index(of: field.name) {
                    i = known
                } else {
                    // Every earlier record lacked the new field.
                    fields.append(FieldStats(name: field.name, firstMissing: records > 0 ? firstRecord : nil))
                    i = fields.count - 1
                }
                fields[i].present += 1
                let kind = Int(field.kind.rawValue)
                fields[i].kindCounts[kind] += 1
                // A kind has a first location exactly when it has a count (here and in `merge`): testing the count
                // spares copying a `Location?` out for every field of every record.
                if fields[i].kindCounts[kind] == 1 {
                    fields[i].kindFirst[kind] = sample.location(
                        atOffset: field.offset, pointer: JSONPointer.appending("", field.name))
                }
            }
            // Absence first: it is rare, and the test of `firstMissing` copies a `Location?` out.
            for i in fields.indices where !sample.fields.contains(where: { $0.name == fields[i].name }) {
                if fields[i].firstMissing == nil {
                    fields[i].firstMissing = sample.location
                }
            }
            records += 1
        }

        /// `self` followed by `later`: a field one side lacks is missing from all of that side's records.
        mutating func merge(_ later: Group) {
            for i in fields.indices where later.index(of: fields[i].name) == nil && later.records > 0 {
                if fields[i].firstMissing == nil { fields[i].firstMissing = later.firstRecord }
            }
            for theirs in later.fields {
                guard let i = index(of: theirs.name) else {
                    var adopted = theirs
                    if records > 0 { adopted.firstMissing = firstRecord }
                    fields.append(adopted)
                    continue
                }
                fields[i].present += theirs.present
                for kind in 0..<6 {
                    fields[i].kindCounts[kind] += theirs.kindCounts[kind]
                    if fields[i].kindFirst[kind] == nil { fields[i].kindFirst[kind] = theirs.kindFirst[kind] }
                }
                if fields[i].firstMissing == nil { fields[i].firstMissing = theirs.firstMissing }
            }
            records += later.records
            firstRecord = firstRecord ?? later.firstRecord
        }
    }

    struct State: Mergeable {
        var groups: [GroupKey: Group] = [:]

        mutating func merge(_ later: State) {
            for (key, group) in later.groups {
                groups[key, default: Group()].merge(group)
            }
        }
    }

    func observe(_ sample: Sample, into state: inout State) {
        guard let format = sample.format, sample.isRecord else { return }
        state.groups[GroupKey(file: sample.record.file.index, format: format), default: Group()].observe(sample)
    }

    func conclude(_ state: State, report: inout Findings) {
        let keys = state.groups.keys.sorted {
            ($0.file, SampleFormat.allCases.firstIndex(of: $0.format)!)
                < ($1.file, SampleFormat.allCases.firstIndex(of: $1.format)!)
        }
        for key in keys {
            guard let group = state.groups[key] else { continue }
            let defined = FieldNames.of(key.format)
            for stats in group.fields {
                let name = stats.name
                // The format's own fields are type-checked per record by wrong-type.
                if !defined.contains(name) { reportKinds(name, stats, report: &report) }
                // Unknown fields are unknown-field's; required ones missing-field's, per record.
                let isKnown = defined.contains(name) || FieldNames.metadata.contains(name)
                if isKnown, !(Self.required[key.format]?.contains(name) ?? false) {
                    reportPresence(name, stats, group: group, format: key.format, report: &report)
                }
            }
        }
    }

    /// A field of two kinds (null aside, which loaders read as absent).
    private func reportKinds(_ name: String, _ stats: FieldStats, report: inout Findings) {
        let kinds = stats.kinds.filter { $0.key != .null }.sorted { ($0.value, $1.key.rawValue) > ($1.value, $0.key.rawValue) }
        guard kinds.count > 1, let at = stats.firstOfKind[kinds[1].key], let majorityAt = stats.firstOfKind[kinds[0].key]
        else { return }
        let counts = kinds.map { "\($0.key.phrase) in \(Self.records($0.value))" }.joined(separator: ", ")
        report.add(
            Self.self, at: at, "\"\(name)\" is \(counts); first \(kinds[1].key.name) here",
            related: [RelatedLocation(majorityAt, note: "first \(kinds[0].key.name)")], describesFile: true)
    }

    private func reportPresence(
        _ name: String, _ stats: FieldStats, group: Group, format: SampleFormat, report: inout Findings
    ) {
        let missing = group.records - stats.present
        // A field in a few records is optional; one that most records have and a few lack is an inconsistency.
        guard missing > 0, stats.present * 2 > group.records, let at = stats.firstMissing, let presentAt = stats.firstOfKind.values.min(by: {
            ($0.line, $0.column) < ($1.line, $1.column)
        }) else { return }
        report.add(
            Self.self, at: at,
            "\"\(name)\" is missing from \(missing) of \(group.records) \(format.rawValue) records; first here",
            related: [RelatedLocation(presentAt, note: "first record with \"\(name)\"")], describesFile: true)
    }

    private static func records(_ count: Int) -> String { count == 1 ? "1 record" : "\(count) records" }
}
