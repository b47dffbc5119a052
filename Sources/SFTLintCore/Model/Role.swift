/// The normalised speaker of a turn, whatever tag the dataset used.
public enum Role: String, Sendable, Hashable, CaseIterable {
    case system
    case user
    case assistant
    /// A tool's result fed back to the model (ShareGPT `observation`, OpenAI `tool`).
    case tool
}
