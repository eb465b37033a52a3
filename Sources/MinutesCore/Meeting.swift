/// The meeting header: which body met, when and where.
public struct Meeting: Codable, Hashable, Sendable {
    /// Names of the header fields, as used in `fields`.
    public enum Field: String, CaseIterable, Sendable {
        case title, organisation, date, start, end, venue
    }

    public var title: String?
    public var organisation: String?
    /// `YYYY-MM-DD`.
    public var date: String?
    /// `HH:MM`, 24-hour clock.
    public var start: String?
    public var end: String?
    public var venue: String?
    /// The stretch of the header the values were read from.
    public var span: Span?
    /// Provenance of each value found in the text, keyed by field name.
    public var fields: [String: Provenance]

    public init(
        title: String? = nil, organisation: String? = nil, date: String? = nil,
        start: String? = nil, end: String? = nil, venue: String? = nil,
        span: Span? = nil, fields: [String: Provenance] = [:]
    ) {
        self.title = title
        self.organisation = organisation
        self.date = date
        self.start = start
        self.end = end
        self.venue = venue
        self.span = span
        self.fields = fields
    }

    public subscript(field: Field) -> String? {
        get {
            switch field {
            case .title: title
            case .organisation: organisation
            case .date: date
            case .start: start
            case .end: end
            case .venue: venue
            }
        }
        set {
            switch field {
            case .title: title = newValue
            case .organisation: organisation = newValue
            case .date: date = newValue
            case .start: start = newValue
            case .end: end = newValue
            case .venue: venue = newValue
            }
        }
    }

    private enum CodingKeys: String, CodingKey {
        case title, organisation, date, start, end, venue, span, fields
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title)
        try c.encode(organisation, forKey: .organisation)
        try c.encode(date, forKey: .date)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(venue, forKey: .venue)
        try c.encode(span, forKey: .span)
        try c.encode(fields, forKey: .fields)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        organisation = try c.decodeIfPresent(String.self, forKey: .organisation)
        date = try c.decodeIfPresent(String.self, forKey: .date)
        start = try c.decodeIfPresent(String.self, forKey: .start)
        end = try c.decodeIfPresent(String.self, forKey: .end)
        venue = try c.decodeIfPresent(String.self, forKey: .venue)
        span = try c.decodeIfPresent(Span.self, forKey: .span)
        fields = try c.decodeIfPresent([String: Provenance].self, forKey: .fields) ?? [:]
    }
}
