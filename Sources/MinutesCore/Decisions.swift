/// What kind of formal decision a meeting took.
public enum DecisionKind: String, Codable, Hashable, Sendable, CaseIterable {
    case resolved, agreed, noted, recommended, approved, rejected, deferred
}

/// A formal decision of the meeting ("RESOLVED that …", "It was agreed that …"),
/// with the motion behind it where the minutes say so (each field nil otherwise).
public struct Decision: Codable, Hashable, Sendable {
    /// Id of the `AgendaItem` the decision belongs to, if any.
    public var item: String?
    public var kind: DecisionKind
    public var text: String
    public var rule: String
    public var span: Span
    /// Who proposed (moved) the motion and who seconded it.
    public var proposer: MotionPerson?
    public var seconder: MotionPerson?
    /// The counts of the vote, only those the text gives.
    public var votes: VoteCounts?
    /// True where the minutes say the decision was unanimous ("nem con").
    public var unanimous: Bool?
    /// A named division: how each member voted.
    public var recordedVotes: [RecordedVote]?
    public var outcome: MotionOutcome?
    /// Where each motion field above was read, with the rule that read it.
    public var motionEvidence: [Evidence]?

    public init(item: String?, kind: DecisionKind, text: String, rule: String, span: Span) {
        self.item = item
        self.kind = kind
        self.text = text
        self.rule = rule
        self.span = span
    }

    /// Whether the minutes say anything of a motion behind the decision.
    public var hasMotion: Bool {
        proposer != nil || seconder != nil || votes != nil || unanimous != nil || recordedVotes != nil || outcome != nil
    }

    private enum CodingKeys: String, CodingKey {
        case item, kind, text, rule, span, proposer, seconder, votes, unanimous
        case recordedVotes = "recorded_votes", outcome, motionEvidence = "motion_evidence"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(item, forKey: .item)
        try c.encode(kind, forKey: .kind)
        try c.encode(text, forKey: .text)
        try c.encode(rule, forKey: .rule)
        try c.encode(span, forKey: .span)
        try c.encodeIfPresent(proposer, forKey: .proposer)
        try c.encodeIfPresent(seconder, forKey: .seconder)
        try c.encodeIfPresent(votes, forKey: .votes)
        try c.encodeIfPresent(unanimous, forKey: .unanimous)
        try c.encodeIfPresent(recordedVotes, forKey: .recordedVotes)
        try c.encodeIfPresent(outcome, forKey: .outcome)
        try c.encodeIfPresent(motionEvidence, forKey: .motionEvidence)
    }
}

/// Whoever proposed or seconded a motion: the text as written and, where it
/// names a person of the document, that person, exactly as an action owner.
public typealias MotionPerson = ActionOwner

/// The counts of a vote; a count the minutes do not give is nil.
public struct VoteCounts: Codable, Hashable, Sendable {
    public var inFavour: Int?
    public var against: Int?
    public var abstain: Int?

    public init(inFavour: Int? = nil, against: Int? = nil, abstain: Int? = nil) {
        self.inFavour = inFavour
        self.against = against
        self.abstain = abstain
    }

    public var isEmpty: Bool { inFavour == nil && against == nil && abstain == nil }

    private enum CodingKeys: String, CodingKey { case inFavour = "for", against, abstain }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(inFavour, forKey: .inFavour)
        try c.encodeIfPresent(against, forKey: .against)
        try c.encodeIfPresent(abstain, forKey: .abstain)
    }
}

/// How a member voted in a named division.
public enum VoteChoice: String, Codable, Hashable, Sendable, CaseIterable {
    case inFavour = "for", against, abstain
}

/// One member's vote in a named division.
public struct RecordedVote: Codable, Hashable, Sendable {
    /// Id of a `Person`, where the name is one of the document's people.
    public var person: String?
    public var text: String
    public var vote: VoteChoice

    public init(person: String?, text: String, vote: VoteChoice) {
        self.person = person
        self.text = text
        self.vote = vote
    }

    private enum CodingKeys: String, CodingKey { case person, text, vote }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(person, forKey: .person)
        try c.encode(text, forKey: .text)
        try c.encode(vote, forKey: .vote)
    }
}

/// What became of a motion.
public enum MotionOutcome: String, Codable, Hashable, Sendable, CaseIterable {
    case carried, lost, withdrawn
}

/// Where a value was read and the rule that read it, for values (a vote, a
/// "remote" note) that are a flag or a count rather than text of their own.
public typealias Evidence = Provenance

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
