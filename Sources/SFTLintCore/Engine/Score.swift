import Foundation

/// The 0–100 quality score, overall and per category.
///
/// `score = 100 · exp(−10 · d)`, where the defect density `d = (errors + 0.25 · warnings + 0.02 · infos) / records`.
/// More findings never raise it; the same defect rate gives the same score at any dataset size; an error weighs
/// four warnings or fifty infos. One error per hundred records scores 90.5, one per ten 36.8. A category's score
/// applies the same formula to its own findings. A run with no records counts as one record.
public struct Score: Sendable, Hashable {
    /// Counts and score of one category.
    public struct Part: Sendable, Hashable {
        public var errors: Int
        public var warnings: Int
        public var infos: Int
        public var value: Double

        public init(errors: Int, warnings: Int, infos: Int, value: Double) {
            self.errors = errors
            self.warnings = warnings
            self.infos = infos
            self.value = value
        }
    }

    public static let errorWeight = 1.0
    public static let warningWeight = 0.25
    public static let infoWeight = 0.02
    /// How steeply the score falls with density.
    public static let steepness = 10.0

    /// Rounded to one decimal, as printed.
    public var overall: Double
    /// Every category that has a rule in the run, found or not.
    public var categories: [Category: Part]

    public init(overall: Double, categories: [Category: Part]) {
        self.overall = overall
        self.categories = categories
    }

    /// Scores `findings` over `records` records, with a part for each of `categories`.
    public init(findings: [Finding], records: Int, categories: Set<Category>) {
        self.init(
            tallies: findings.map { (code: $0.code, severity: $0.severity, count: 1) }, records: records,
            categories: categories)
    }

    /// Scores findings counted per rule and severity, so that findings a run didn't keep still count.
    public init(tallies: [(code: String, severity: Severity, count: Int)], records: Int, categories: Set<Category>) {
        var parts: [Category: (e: Int, w: Int, i: Int)] = [:]
        for category in categories { parts[category] = (0, 0, 0) }
        var e = 0, w = 0, i = 0
        for tally in tallies {
            let category = Category(code: tally.code)
            switch tally.severity {
            case .error: e += tally.count; if let c = category { parts[c, default: (0, 0, 0)].e += tally.count }
            case .warning: w += tally.count; if let c = category { parts[c, default: (0, 0, 0)].w += tally.count }
            case .info: i += tally.count; if let c = category { parts[c, default: (0, 0, 0)].i += tally.count }
            }
        }
        self.overall = Score.value(errors: e, warnings: w, infos: i, records: records)
        self.categories = parts.mapValues {
            Part(
                errors: $0.e, warnings: $0.w, infos: $0.i,
                value: Score.value(errors: $0.e, warnings: $0.w, infos: $0.i, records: records))
        }
    }

    /// The formula, rounded to one decimal.
    public static func value(errors: Int, warnings: Int, infos: Int, records: Int) -> Double {
        let weighted = Double(errors) * errorWeight + Double(warnings) * warningWeight + Double(infos) * infoWeight
        let density = weighted / Double(max(records, 1))
        return (100 * exp(-steepness * density) * 10).rounded() / 10
    }
}
