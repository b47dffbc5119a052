import Foundation

/// A length histogram as inline SVG: one bar a log-spaced bin, axis labels at a few bin edges, and, when a
/// budget is given, a dashed cut-off line with the part beyond it shaded.
///
/// Colours come from the page's CSS classes (`bar`, `axis`, `cut`, `over`), so the chart follows light and dark
/// mode and prints. Each bar has a `<title>` with its range and count, which browsers show on hover without any
/// script.
struct SVGHistogram {
    var width = 480.0
    var height = 170.0
    private let left = 48.0, right = 16.0, top = 18.0, bottom = 30.0

    /// `unit` names the values (`tokens`); `budget` draws the cut-off at that value.
    func render(_ distribution: StatsView.Distribution, unit: String, label: String, budget: Int? = nil) -> String {
        let bins = distribution.histogram
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let highest = max(1, bins.map(\.count).max() ?? 0)
        let step = plotWidth / Double(max(bins.count, 1))
        var out =
            "<svg class=\"histogram\" viewBox=\"0 0 \(c(width)) \(c(height))\" width=\"\(c(width))\""
            + " height=\"\(c(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\">\n"
        if let budget, let x = position(of: Double(budget), in: bins, step: step) {
            out +=
                "<rect class=\"over\" x=\"\(c(x))\" y=\"\(c(top))\" width=\"\(c(left + plotWidth - x))\""
                + " height=\"\(c(plotHeight))\"/>\n"
        }
        for (index, bin) in bins.enumerated() {
            // A non-empty bin is at least a pixel high, so that a few outliers stay visible.
            let barHeight = bin.count > 0 ? max(1, Double(bin.count) / Double(highest) * plotHeight) : 0
            let x = left + Double(index) * step
            out +=
                "<rect class=\"bar\" x=\"\(c(x + 0.5))\" y=\"\(c(top + plotHeight - barHeight))\""
                + " width=\"\(c(max(step - 1, 0.5)))\" height=\"\(c(barHeight))\"><title>"
                + "\(NumberFormatting.compact(bin.lower))–\(NumberFormatting.compact(bin.upper)) \(unit): "
                + "\(NumberFormatting.grouped(bin.count))</title></rect>\n"
        }
        let baseline = top + plotHeight
        out +=
            "<line class=\"axis\" x1=\"\(c(left))\" y1=\"\(c(baseline))\" x2=\"\(c(left + plotWidth))\""
            + " y2=\"\(c(baseline))\"/>\n"
        out += text(NumberFormatting.grouped(highest), x: left - 6, y: top + 4, anchor: "end")
        out += text("0", x: left - 6, y: baseline, anchor: "end")
        for edge in labelledEdges(bins.count) {
            let value = edge < bins.count ? bins[edge].lower : bins[bins.count - 1].upper
            // The last label ends at the chart's edge rather than running past it.
            let anchor = edge == bins.count ? "end" : "middle"
            out += text(
                NumberFormatting.compact(value), x: left + Double(edge) * step, y: baseline + 16, anchor: anchor)
        }
        if let budget, let x = position(of: Double(budget), in: bins, step: step) {
            out += "<line class=\"cut\" x1=\"\(c(x))\" y1=\"\(c(top - 4))\" x2=\"\(c(x))\" y2=\"\(c(baseline))\"/>\n"
            let anchor = x > left + plotWidth * 0.8 ? "end" : "start"
            out += text(
                "max \(NumberFormatting.grouped(budget))", x: x + (anchor == "end" ? -4 : 4), y: top + 6,
                anchor: anchor, cssClass: "cut-label")
        }
        return out + "</svg>"
    }

    /// The x of `value` on the chart: inside its bin, log-interpolated (the bins are log-spaced); at an edge when
    /// it is outside every bin. Nil without bins.
    func position(of value: Double, in bins: [StatsView.Distribution.Bin], step: Double) -> Double? {
        guard let first = bins.first, let last = bins.last else { return nil }
        if value <= first.lower { return left }
        if value >= last.upper { return left + Double(bins.count) * step }
        let index = bins.firstIndex { value < $0.upper } ?? bins.count - 1
        let bin = bins[index]
        let fraction =
            bin.lower > 0 && bin.upper > bin.lower
            ? log(value / bin.lower) / log(bin.upper / bin.lower)
            : (value - bin.lower) / max(bin.upper - bin.lower, 1e-9)
        return left + (Double(index) + min(max(fraction, 0), 1)) * step
    }

    /// Bin edges to label: the first, the last, and evenly spaced ones between, at most seven in all.
    private func labelledEdges(_ bins: Int) -> [Int] {
        guard bins > 0 else { return [] }
        let stride = max(1, Int((Double(bins) / 6).rounded(.up)))
        var edges = Array(Swift.stride(from: 0, to: bins, by: stride))
        if bins - (edges.last ?? 0) < stride / 2 + 1, edges.count > 1 { edges.removeLast() }
        return edges + [bins]
    }

    private func text(_ content: String, x: Double, y: Double, anchor: String, cssClass: String = "tick") -> String {
        "<text class=\"\(cssClass)\" x=\"\(c(x))\" y=\"\(c(y))\" text-anchor=\"\(anchor)\">"
            + HTMLText.escape(content) + "</text>\n"
    }

    private func c(_ value: Double) -> String { HTMLText.coordinate(value) }
}
