/// Number formats shared by the reporters, independent of the user's locale so that outputs are reproducible.
enum NumberFormatting {
    /// `48210` as `48,210`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = value < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }

    /// `value` with exactly `places` decimals (`93.8`, `100.0`), rounded half away from zero; nil when the value
    /// isn't finite or is too large to print that way.
    static func fixed(_ value: Double, places: Int) -> String? {
        guard value.isFinite, places >= 0, places <= 9 else { return nil }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (value.magnitude * scale).rounded()
        guard scaled < 9e15 else { return nil }
        let units = Int(scaled)
        let divisor = Int(scale)
        var text = units == 0 || value > 0 ? "" : "-"
        text += String(units / divisor)
        if places > 0 {
            let fraction = String(units % divisor)
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return text
    }

    /// A score as printed everywhere: one decimal.
    static func score(_ value: Double) -> String {
        fixed(value, places: 1) ?? String(value)
    }

    /// A measured amount, short enough for a table column: `7`, `412`, `4,096`, `12.3k`, `1.2M`; rounded to a
    /// whole number below ten thousand.
    static func compact(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        let magnitude = value.magnitude
        if magnitude < 10_000 { return grouped(Int(value.rounded())) }
        if magnitude < 999_950 { return (fixed(value / 1_000, places: 1) ?? "") + "k" }
        if magnitude < 999_950_000 { return (fixed(value / 1_000_000, places: 1) ?? "") + "M" }
        return (fixed(value / 1_000_000_000, places: 1) ?? "") + "G"
    }

    /// A share from 0 to 1 as a percentage with one decimal: `0.125` as `12.5%`.
    static func percent(_ share: Double) -> String {
        (fixed(share * 100, places: 1) ?? "–") + "%"
    }
}
