/// A numbered agenda item or minute, e.g. `77. Apologies for Absence`.
public struct AgendaItem: Codable, Hashable, Sendable {
    /// Stable id within the document, `I` + the number's letters and digits.
    public var id: String
    /// The number as written, without a trailing full stop (`77`, `39/20`, `C048/23`).
    public var number: String
    public var title: String
    /// Covers the heading (number and title) in the original input.
    public var span: Span
    public var rule: String

    public init(id: String, number: String, title: String, span: Span, rule: String) {
        self.id = id
        self.number = number
        self.title = title
        self.span = span
        self.rule = rule
    }
}
