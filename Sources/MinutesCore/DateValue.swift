/// How precise a date value is.
public enum DateGrain: String, Codable, Hashable, Sendable {
    case day, month, year, time
    case financialYear = "financial-year"
    case quarter, interval, relative
    case municipalYear = "municipal-year"
    case academicYear = "academic-year"
}

/// A calendar reference in the text with its ISO 8601 value where known.
public struct DateValue: Codable, Hashable, Sendable {
    public var text: String
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `HH:MM`, or an interval `A/B`; null when unresolvable.
    public var value: String?
    public var grain: DateGrain
    /// True when part of the value came from context (the meeting date), not the text.
    public var resolved: Bool?
    public var span: Span
    public var rule: String

    public init(text: String, value: String?, grain: DateGrain, resolved: Bool? = nil, span: Span, rule: String) {
        self.text = text
        self.value = value
        self.grain = grain
        self.resolved = resolved
        self.span = span
        self.rule = rule
    }

    private enum CodingKeys: String, CodingKey { case text, value, grain, resolved, span, rule }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(value, forKey: .value)
        try c.encode(grain, forKey: .grain)
        try c.encodeIfPresent(resolved, forKey: .resolved)
        try c.encode(span, forKey: .span)
        try c.encode(rule, forKey: .rule)
    }
}

extension DateValue {
    /// A day's value, `YYYY-MM-DD`, or a month's, `YYYY-MM`, when `day` is nil.
    public static func iso(year: Int, month: Int, day: Int? = nil) -> String {
        "\(year.zeroPadded(4))-\(month.zeroPadded(2))" + (day.map { "-\($0.zeroPadded(2))" } ?? "")
    }
}
