/// One person of the document, deduplicated across mentions.
public struct Person: Codable, Hashable, Sendable {
    /// `P1`, `P2`, … in order of first mention.
    public var id: String
    /// Name without honorific.
    public var name: String
    public var honorific: String?
    public var initials: String?
    public var role: String?
    public var organisation: String?
    public var span: Span
    public var rule: String?

    public init(
        id: String, name: String, honorific: String? = nil, initials: String? = nil,
        role: String? = nil, organisation: String? = nil, span: Span, rule: String? = nil
    ) {
        self.id = id
        self.name = name
        self.honorific = honorific
        self.initials = initials
        self.role = role
        self.organisation = organisation
        self.span = span
        self.rule = rule
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, honorific, initials, role, organisation, span, rule
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(honorific, forKey: .honorific)
        try c.encode(initials, forKey: .initials)
        try c.encode(role, forKey: .role)
        try c.encode(organisation, forKey: .organisation)
        try c.encode(span, forKey: .span)
        try c.encodeIfPresent(rule, forKey: .rule)
    }
}

/// How a person took part in the meeting.
public enum AttendanceStatus: String, Codable, Hashable, Sendable, CaseIterable {
    case present
    case inAttendance = "in-attendance"
    case substitute
    case apologies
    case absent
}

/// One attendance record: a person and their status, from an attendance block or sentence.
public struct Attendance: Codable, Hashable, Sendable {
    /// Id of a `Person`.
    public var person: String
    public var status: AttendanceStatus
    /// The heading of the block the person was listed under (`Core Attendees`).
    public var group: String?
    /// For a substitute: the person stood in for, where named.
    public var substituteFor: String?
    /// `HH:MM` of a late arrival or an early departure, where the minutes give one.
    public var arrived: String?
    public var left: String?
    public var span: Span
    public var rule: String?
    /// True where the minutes say the person attended remotely (by video, "via Zoom").
    public var remote: Bool?
    /// Where the minutes say so, with the rule that read it.
    public var remoteEvidence: Evidence?

    public init(
        person: String, status: AttendanceStatus, group: String? = nil,
        substituteFor: String? = nil, arrived: String? = nil, left: String? = nil, span: Span, rule: String? = nil
    ) {
        self.person = person
        self.status = status
        self.group = group
        self.substituteFor = substituteFor
        self.arrived = arrived
        self.left = left
        self.span = span
        self.rule = rule
    }

    private enum CodingKeys: String, CodingKey {
        case person, status, group, substituteFor = "substitute_for", arrived, left, span, rule, remote
        case remoteEvidence = "remote_evidence"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(person, forKey: .person)
        try c.encode(status, forKey: .status)
        try c.encode(group, forKey: .group)
        try c.encodeIfPresent(substituteFor, forKey: .substituteFor)
        try c.encodeIfPresent(arrived, forKey: .arrived)
        try c.encodeIfPresent(left, forKey: .left)
        try c.encode(span, forKey: .span)
        try c.encodeIfPresent(rule, forKey: .rule)
        try c.encodeIfPresent(remote, forKey: .remote)
        try c.encodeIfPresent(remoteEvidence, forKey: .remoteEvidence)
    }
}
