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
}
