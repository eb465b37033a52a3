/// What kind of formal decision a meeting took.
public enum DecisionKind: String, Codable, Hashable, Sendable, CaseIterable {
    case resolved, agreed, noted, recommended, approved, rejected, deferred
}

/// A formal decision of the meeting ("RESOLVED that …", "It was agreed that …").
public struct Decision: Codable, Hashable, Sendable {
    /// Id of the `AgendaItem` the decision belongs to, if any.
    public var item: String?
    public var kind: DecisionKind
    public var text: String
    public var rule: String
    public var span: Span

    public init(item: String?, kind: DecisionKind, text: String, rule: String, span: Span) {
        self.item = item
        self.kind = kind
        self.text = text
        self.rule = rule
        self.span = span
    }

    private enum CodingKeys: String, CodingKey { case item, kind, text, rule, span }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(item, forKey: .item)
        try c.encode(kind, forKey: .kind)
        try c.encode(text, forKey: .text)
        try c.encode(rule, forKey: .rule)
        try c.encode(span, forKey: .span)
    }
}

/// The state an action log gives an action.
public enum ActionStatus: String, Codable, Hashable, Sendable {
    case open, complete, closed
    case carriedForward = "carried-forward"
}

/// Who must carry out an action: the text as written and, where it names a person of the document, that person.
public struct ActionOwner: Codable, Hashable, Sendable {
    public var text: String
    public var person: String?

    public init(text: String, person: String?) {
        self.text = text
        self.person = person
    }

    private enum CodingKeys: String, CodingKey { case text, person }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(person, forKey: .person)
    }
}

/// When an action is due: the text as written and its date where resolvable.
public struct DueDate: Codable, Hashable, Sendable {
    public var text: String
    public var date: String?
    /// True where the date was worked out from context: a year taken from the
    /// meeting, "the next meeting" whose date the minutes give.
    public var resolved: Bool?

    public init(text: String, date: String?, resolved: Bool? = nil) {
        self.text = text
        self.date = date
        self.resolved = resolved
    }

    private enum CodingKeys: String, CodingKey { case text, date, resolved }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(date, forKey: .date)
        try c.encodeIfPresent(resolved, forKey: .resolved)
    }
}

/// A task someone must do after the meeting.
public struct ActionItem: Codable, Hashable, Sendable {
    /// The action's reference in a log (`106/16`), if it has one.
    public var ref: String?
    public var item: String?
    public var text: String
    public var owners: [ActionOwner]
    public var due: DueDate?
    public var status: ActionStatus?
    public var rule: String
    public var span: Span

    public init(
        ref: String?, item: String?, text: String, owners: [ActionOwner], due: DueDate?,
        status: ActionStatus? = nil, rule: String, span: Span
    ) {
        self.ref = ref
        self.item = item
        self.text = text
        self.owners = owners
        self.due = due
        self.status = status
        self.rule = rule
        self.span = span
    }

    private enum CodingKeys: String, CodingKey { case ref, item, text, owners, due, status, rule, span }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ref, forKey: .ref)
        try c.encode(item, forKey: .item)
        try c.encode(text, forKey: .text)
        try c.encode(owners, forKey: .owners)
        try c.encode(due, forKey: .due)
        try c.encodeIfPresent(status, forKey: .status)
        try c.encode(rule, forKey: .rule)
        try c.encode(span, forKey: .span)
    }
}
