import Foundation

/// A sum of money named in the text: one value, or a range. Values are exact
/// decimals (never binary floating point), written to JSON as the shortest
/// number with that value: £0.10 is 0.1, £1,500.00 is 1500.
public struct Amount: Codable, Hashable, Sendable {
    /// Exactly the original text, e.g. `£885k`.
    public var text: String
    /// In major units (pounds), for a single sum.
    public var value: Decimal?
    /// Bounds, for a range such as `£100-£3000`.
    public var min: Decimal?
    public var max: Decimal?
    /// ISO 4217 code.
    public var currency: String
    /// `year`, `month`, `week`, `day` where the text gives one (`£24 per annum`).
    public var period: String?
    /// `max` for "up to £500", `min` for "at least £500" / "over £1m": the value is a bound.
    public var bound: String?
    public var span: Span
    public var rule: String

    public init(
        text: String, value: Decimal? = nil, min: Decimal? = nil, max: Decimal? = nil,
        currency: String, period: String? = nil, bound: String? = nil, span: Span, rule: String
    ) {
        self.text = text
        self.value = value
        self.min = min
        self.max = max
        self.currency = currency
        self.period = period
        self.bound = bound
        self.span = span
        self.rule = rule
    }
}
