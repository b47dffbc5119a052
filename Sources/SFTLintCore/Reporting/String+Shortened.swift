extension String {
    /// At most `limit` characters of the string, ending in `…` when cut, so that one huge message or opening can't
    /// swell a report meant for a person.
    func shortened(to limit: Int) -> String {
        count <= limit ? self : String(prefix(Swift.max(limit - 1, 0))) + "…"
    }
}
