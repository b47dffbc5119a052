/// The statistics as short phrases, worded once for every presentation: `13.8% multi-turn`, `512 tokens`.
extension StatsView.Samples {
    /// `218 samples`, `13.8% multi-turn`, `22.9% with a system prompt`, `turns 2–14, median 2` (or `2 turns each`).
    var phrases: [String] {
        var items = [
            TextReporter.counted(count, "sample"),
            "\(NumberFormatting.percent(multiTurnShare)) multi-turn",
            "\(NumberFormatting.percent(systemPromptShare)) with a system prompt",
        ]
        if let turns {
            let (low, high) = (NumberFormatting.compact(turns.min), NumberFormatting.compact(turns.max))
            let median = NumberFormatting.compact(turns.p50)
            items.append(low == high ? "\(low) turns each" : "turns \(low)–\(high), median \(median)")
        }
        return items
    }
}

extension StatsView.Budget {
    /// `512 tokens`, `14 samples over (6.4%)`, `23,456 tokens cut`, `padding waste 41.3%`, `packs into 61
    /// sequences`.
    var phrases: [String] {
        [
            "\(NumberFormatting.grouped(maxTokens)) tokens",
            "\(TextReporter.counted(over, "sample")) over (\(NumberFormatting.percent(overShare)))",
            "\(NumberFormatting.grouped(droppedTokens)) tokens cut",
            "padding waste \(NumberFormatting.percent(paddingWaste))",
            "packs into \(TextReporter.counted(packedSequences, "sequence"))",
        ]
    }
}

extension StatsView.Lengths {
    /// The unit the length tables show, tokens or (when no token counts were published) characters, and the
    /// distributions of that unit by part.
    var shown: (unit: String, parts: [(name: String, distribution: StatsView.Distribution)]) {
        let hasTokens = parts.contains { $0.measures.tokens != nil }
        let picked = parts.compactMap { part in
            (hasTokens ? part.measures.tokens : part.measures.chars).map { (part.name, $0) }
        }
        return (hasTokens ? "tokens" : "chars", picked)
    }

    /// `tokens estimated by script-aware-v1; percentiles from a sketch`, or nil when there is nothing to say.
    var note: String? {
        let (unit, shown) = self.shown
        var notes: [String] = []
        if unit == "tokens", let estimator { notes.append("tokens estimated by \(estimator)") }
        if shown.contains(where: { !$0.distribution.isExact }) { notes.append("percentiles from a sketch") }
        return notes.isEmpty ? nil : notes.joined(separator: "; ")
    }
}

extension StatsView.Count {
    /// This count's share of `counts`' total.
    func share(of counts: [StatsView.Count]) -> Double {
        Double(count) / Double(max(1, counts.reduce(0) { $0 + $1.count }))
    }
}

extension Score {
    /// The categories that ran with their parts, in category order.
    var orderedCategories: [(category: Category, part: Part)] {
        Category.allCases.compactMap { category in categories[category].map { (category, $0) } }
    }
}
