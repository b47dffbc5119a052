#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Flags prompts and responses whose length is far outside the dataset's own typical range.
struct LengthOutlierCheck: DatasetCheck {
    static let info = CheckInfo(
        code: "L003",
        name: "length-outlier",
        summary: "A prompt or response is far longer or shorter than the dataset's typical length.",
        rationale: """
            A 9,000-token answer in a set of 200-token ones is usually a scraping accident (a whole page, a log, \
            a concatenation), and a 2-token answer in a set of essays a truncation; either dominates or distorts \
            the batches it lands in. The bound is the dataset's own: the median of ln(1 + estimated tokens) plus \
            or minus 3.5 / 0.6745 ≈ 5.2 times its median absolute deviation (the Iglewicz–Hoaglin outlier test, \
            in log space since lengths are skewed), with the deviation at least 0.25. Datasets of fewer than 10 \
            samples are left alone.
            """,
        severity: .info,
        triggering: [
            Example(
                #"""
                {"instruction": "Name a primary colour.", "output": "Blue is a primary colour."}
                {"instruction": "Name a large animal.", "output": "The elephant is large."}
                {"instruction": "Name a fast animal.", "output": "The cheetah is very fast."}
                {"instruction": "Name a planet.", "output": "Mars is a planet."}
                {"instruction": "Name a fruit.", "output": "An apple is a fruit."}
                {"instruction": "说一种颜色。", "output": "红色是一种颜色。"}
                {"instruction": "说一种动物。", "output": "大象是一种动物。"}
                {"instruction": "说一个国家。", "output": "中国是一个国家。"}
                {"instruction": "说一种水果。", "output": "苹果是水果。"}
                {"instruction": "说一颗行星。", "output": "火星是行星。"}
                ! {"instruction": "Name a river.", "output": "The Nile is a river. The Nile is a river in Africa, and it is long. It flows north through many countries and ends in the sea. People have farmed its banks for thousands of years, and the river still feeds millions of people today. Its water is used for drinking, for farming and for power, and many cities stand along it. Boats carry goods up and down the river, and the river has a long history of trade, travel and stories that people still tell today."}
                ! {"instruction": "说一条河。", "output": "长江是一条河。长江是中国最长的河流，全长约六千三百公里，流经十一个省份，最后注入东海。长江流域人口众多，农业发达，自古以来就是中国经济和文化的重要地区。沿江有许多重要城市，比如重庆、武汉、南京和上海，航运也十分繁忙。"}
                """#)
        ],
        nonTriggering: [
            Example(
                #"""
                {"instruction": "Name a primary colour.", "output": "Blue."}
                {"instruction": "Name a large animal.", "output": "The elephant is a large animal."}
                {"instruction": "Name a fast animal.", "output": "The cheetah is the fastest land animal on Earth."}
                {"instruction": "Name a planet.", "output": "Mars is the fourth planet from the Sun, and it looks red in the night sky."}
                {"instruction": "Name a fruit.", "output": "An apple."}
                {"instruction": "说一种颜色。", "output": "红色。"}
                {"instruction": "说一种动物。", "output": "大象是陆地上最大的动物。"}
                {"instruction": "说一个国家。", "output": "中国是一个历史悠久的国家，位于亚洲东部。"}
                {"instruction": "说一种水果。", "output": "苹果是一种常见的水果，味道甜美。"}
                {"instruction": "说一颗行星。", "output": "火星。"}
                """#),
            Example(
                #"""
                {"instruction": "Name a colour.", "output": "Blue."}
                {"instruction": "Name a river.", "output": "The Nile is a river. The Nile is a river in Africa, and it is long. It flows north through many countries and ends in the sea. People have farmed its banks for thousands of years."}
                {"instruction": "说一条河。", "output": "长江是一条河。长江是中国最长的河流，全长约六千三百公里，流经十一个省份，最后注入东海。"}
                """#),
        ]
    )

    /// How many MADs from the median a length may be: 3.5 / 0.6745, the Iglewicz–Hoaglin modified z-score.
    static let madMultiple = 3.5 / 0.6745
    /// The smallest MAD of ln(1 + tokens) used: lengths that hardly vary would otherwise flag small differences.
    static let minimumMAD = 0.25
    /// Datasets with fewer samples have no typical length.
    static let minimumSamples = 10

    struct State: Mergeable {
        var prompts = LengthTails()
        var responses = LengthTails()
        var paths = PathTable()

        mutating func merge(_ later: State) {
            prompts.merge(later.prompts)
            responses.merge(later.responses)
            paths.merge(later.paths)
        }
    }

    func observe(_ sample: Sample, into state: inout State) {
        // A pre-templated `text` has no prompt or response to measure (see `SampleProfile`).
        guard sample.format != nil, sample.format != .text, let ref = RecordRef(sample) else { return }
        let profile = SampleProfile.of(sample)
        guard profile.hasPrompt || profile.hasResponse else { return }
        state.paths.note(sample)
        if profile.hasPrompt { state.prompts.add(profile.prompt.tokens, at: ref) }
        if profile.hasResponse { state.responses.add(profile.response.tokens, at: ref) }
    }

    /// The bound of one length: ln(1 + tokens) outside `lower...upper` is an outlier.
    struct Bound {
        var median: Double
        var lower: Double
        var upper: Double

        /// The bound in tokens.
        func tokens(_ logValue: Double) -> Int { Int((exp(logValue) - 1).rounded()) }
    }

    static func bound(of tails: LengthTails) -> Bound? {
        guard tails.count >= minimumSamples, let (median, mad) = tails.logMedianAndMAD else { return nil }
        let spread = madMultiple * max(mad, minimumMAD)
        return Bound(median: median, lower: median - spread, upper: median + spread)
    }

    func conclude(_ state: State, report: inout Findings) {
        for (name, tails) in [("prompt", state.prompts), ("response", state.responses)] {
            var tails = tails
            tails.trim()
            guard let bound = Self.bound(of: tails) else { continue }
            let typical = bound.tokens(bound.median)
            for entry in tails.high where log(1 + Double(entry.tokens)) > bound.upper {
                report.add(
                    Self.self, at: entry.ref.location(in: state.paths),
                    "\(name) has about \(Self.tokens(entry.tokens)), far above this dataset's typical \(typical) "
                        + "(bound \(Self.formatted(bound.upper)))")
            }
            for entry in tails.low where log(1 + Double(entry.tokens)) < bound.lower {
                report.add(
                    Self.self, at: entry.ref.location(in: state.paths),
                    "\(name) has about \(Self.tokens(entry.tokens)), far below this dataset's typical \(typical) "
                        + "(bound \(Self.formatted(bound.lower)))")
            }
        }
    }

    private static func tokens(_ count: Int) -> String { count == 1 ? "1 token" : "\(count) tokens" }

    /// A bound in tokens: two decimals under 10, where rounding would make "1 token, below the bound 1".
    private static func formatted(_ logValue: Double) -> String {
        let tokens = max(0, exp(logValue) - 1)
        guard tokens < 10 else { return String(Int(tokens.rounded())) }
        return DuplicateWording.similarity(tokens)
    }

    func statistics(_ state: State) -> [String: JSONValue] {
        var object: [String: JSONValue] = [:]
        for (name, tails) in [("prompt", state.prompts), ("response", state.responses)] {
            guard let bound = Self.bound(of: tails) else { continue }
            object[name] = .object([
                "median": .integer(bound.tokens(bound.median)),
                "lower": .integer(max(0, bound.tokens(bound.lower))),
                "upper": .integer(bound.tokens(bound.upper)),
            ])
        }
        return object.isEmpty ? [:] : ["lengthBounds": .object(object)]
    }
}
