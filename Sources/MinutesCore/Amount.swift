/// A sum of money named in the text: one value, or a range.
public struct Amount: Codable, Hashable, Sendable {
    /// Exactly the original text, e.g. `£885k`.
    public var text: String
    /// In major units (pounds), for a single sum.
    public var value: Double?
    /// Bounds, for a range such as `£100-£3000`.
    public var min: Double?
    public var max: Double?
    /// ISO 4217 code.
    public var currency: String
    /// `year`, `month`, `week`, `day` where the text gives one (`£24 per annum`).
    public var period: String?
    public var span: Span
    public var rule: String

    public init(
        text: String, value: Double? = nil, min: Double? = nil, max: Double? = nil,
        currency: String, period: String? = nil, span: Span, rule: String
    ) {
        self.text = text
        self.value = value
        self.min = min
        self.max = max
        self.currency = currency
        self.period = period
        self.span = span
        self.rule = rule
    }
}
