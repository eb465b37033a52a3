/// How serious a finding is. `error` makes `validate` exit non-zero.
public enum Severity: String, Codable, Hashable, Sendable, Comparable {
    case note, warning, error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// The catalogue of findings the pipeline reports. Codes are stable: tools match on them.
public enum DiagnosticCode: String, Codable, Hashable, Sendable, CaseIterable {
    /// The input had no text at all.
    case emptyInput = "empty-input"
    /// The bytes were not valid UTF-8 and were read as Windows-1252.
    case legacyEncoding = "legacy-encoding"
    /// A pattern hit PCRE2's match or depth limit on this text; its matches there are lost.
    case patternLimit = "pattern-limit"
    /// No meeting date in the header and none given as context.
    case meetingDateMissing = "meeting-date-missing"
    /// No meeting body found in the header and none given as context.
    case meetingTitleMissing = "meeting-title-missing"
    /// The header named a date that is not a calendar date (e.g. 31 February).
    case invalidDate = "invalid-date"
    /// An amount whose number could not be read (e.g. `£1,2,3`).
    case invalidAmount = "invalid-amount"
    /// A name or initials that fit more than one person of the document; left unresolved.
    case personAmbiguous = "person-ambiguous"
    case actionMissingOwner = "action-missing-owner"
    case actionMissingDueDate = "action-missing-due-date"
    case actionOwnerUnknown = "action-owner-unknown"
    case dueDateBeforeMeeting = "due-date-before-meeting"
    case decisionWithoutItem = "decision-without-item"
    /// A motion (a decision with a proposer or a vote) whose outcome the minutes do not say.
    case decisionVoteUnclear = "decision-vote-unclear"
}

/// One finding about a document, with where it is.
public struct Diagnostic: Codable, Hashable, Sendable {
    public var code: DiagnosticCode
    public var severity: Severity
    public var message: String
    public var span: Span?
    public var rule: String?

    public init(code: DiagnosticCode, severity: Severity, message: String, span: Span? = nil, rule: String? = nil) {
        self.code = code
        self.severity = severity
        self.message = message
        self.span = span
        self.rule = rule
    }
}
