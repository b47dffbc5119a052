/// Flags files that tag one role two ways (`human` and `user`), once per file and role.
struct RoleTagDriftCheck: DatasetCheck {
    static let info = CheckInfo(
        code: "S012",
        name: "role-tag-drift",
        summary: "One file tags the same role in more than one way, such as both \"human\" and \"user\".",
        rationale: """
            A loader configured with one tag set (LLaMA-Factory's user_tag, a template's role map) rejects or \
            mislabels the turns that use the other; a merge of two sources usually left it behind.
            """,
        severity: .warning,
        triggering: [
            Example(
                #"""
                {"conversations": [{"from": "human", "value": "Hi"}, {"from": "gpt", "value": "Hello!"}]}
                {"conversations": [{"from": "human", "value": "Name a colour."}, {"from": "gpt", "value": "Blue."}]}
                ! {"conversations": [{"from": "user", "value": "你好"}, {"from": "gpt", "value": "你好！"}]}
                """#)
        ],
        nonTriggering: [
            Example(
                #"""
                {"conversations": [{"from": "human", "value": "Hi"}, {"from": "gpt", "value": "Hello!"}]}
                {"conversations": [{"from": "human", "value": "你好"}, {"from": "function_call", "value": "{}"}, {"from": "observation", "value": "{}"}, {"from": "gpt", "value": "你好！"}]}
                """#)
        ]
    )

    /// A tool call is its own kind of assistant turn: `function_call` beside `gpt` is not drift.
    struct Key: Hashable {
        var file: Int
        var role: Role
        var isToolCall: Bool
    }

    struct Tags: Sendable {
        var counts: [String: Int] = [:]
        var first: [String: Location] = [:]
        var order: [String] = []
    }

    struct State: Mergeable {
        var roles: [Key: Tags] = [:]

        mutating func merge(_ later: State) {
            for (key, tags) in later.roles {
                var merged = roles[key] ?? Tags()
                for tag in tags.order where merged.counts[tag] == nil {
                    merged.order.append(tag)
                    merged.first[tag] = tags.first[tag]
                }
                merged.counts.merge(tags.counts, uniquingKeysWith: +)
                roles[key] = merged
            }
        }
    }

    func observe(_ sample: Sample, into state: inout State) {
        for turn in sample.turns where turn.isListItem {
            guard let role = turn.role else { continue }
            let key = Key(file: sample.record.file.index, role: role, isToolCall: turn.isToolCall)
            if state.roles[key]?.counts[turn.tag] == nil {
                state.roles[key, default: Tags()].order.append(turn.tag)
                state.roles[key]?.first[turn.tag] = turn.location
            }
            state.roles[key, default: Tags()].counts[turn.tag, default: 0] += 1
        }
    }

    private static func rank(_ key: Key) -> (Int, Int, Int) {
        (key.file, Role.allCases.firstIndex(of: key.role) ?? 0, key.isToolCall ? 1 : 0)
    }

    func conclude(_ state: State, report: inout Findings) {
        let keys = state.roles.keys.sorted { Self.rank($0) < Self.rank($1) }
        for key in keys {
            guard let tags = state.roles[key], tags.order.count > 1 else { continue }
            let counted = tags.order.map { ($0, tags.counts[$0] ?? 0) }
            let ranked = counted.enumerated().sorted { ($0.element.1, -$0.offset) > ($1.element.1, -$1.offset) }
                .map(\.element)
            let (major, minor) = (ranked[0].0, ranked[1].0)
            guard let at = tags.first[minor], let majorAt = tags.first[major] else { continue }
            let counts = ranked.map { "\"\($0.0)\" \($0.1)" }.joined(separator: ", ")
            report.add(
                Self.self, at: at,
                "\(key.isToolCall ? "tool-call" : key.role.rawValue) turns are tagged \(counts); first \"\(minor)\" here",
                related: [RelatedLocation(majorAt, note: "first \"\(major)\"")], describesFile: true)
        }
    }
}
