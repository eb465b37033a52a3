import Foundation
import MinutesText
import MinutesCore

/// What a rule's match becomes. Each kind names the pattern groups it reads.
public enum Yield: String, CaseIterable, Sendable {
    /// An agenda item heading: groups `number`, `title` (optional when the title is elsewhere).
    case item
    /// The header row of a table whose rows are agenda items ("Item | Action | Owner");
    /// a table without one is a log whose numbered rows are not items.
    case itemTableHeader = "item-table-header"
    /// An attendance block heading; `set: {status: …}` gives the status its names have.
    case attendanceHeading = "attendance-heading"
    /// A "Resolved"/"Action" marker opening a block; `set: {block: resolution|action|reasons}`
    /// (reasons: "Reasons for the decision:", which ends a resolution and decides nothing).
    case blockMarker = "block-marker"
    /// Money: `num` with optional `mult` (k, m, bn, million, …), or a range `min`/`max`
    /// (each with optional `minmult`/`maxmult`), optional `period`.
    case money
    /// A named piece of pattern other rules call as `(?&name)` (the id's last part,
    /// `-` as `_`): word lists such as honorifics live once, as data.
    case fragment
    /// A person named with an honorific or at the start of a list entry: group `name`,
    /// optional `honorific`.
    case person
    /// A sentence listing people of one status ("Apologies were received from …"):
    /// group `names`; `set: {status: …}`.
    case attendanceList = "attendance-list"
    /// A sentence saying a list is empty ("No apologies were received").
    case attendanceNone = "attendance-none"
    /// A label inside a register naming a group or a post, not a person ("Directors:",
    /// "Clerk:"): group `label`; optional `set: {status: …}` for the names after it.
    case attendanceLabel = "attendance-label"
    /// The legend of marks before the names of a register ("P: Present"): group `mark`;
    /// `set: {status: …}`.
    case attendanceLegend = "attendance-legend"
    /// One person standing in for another: groups `person` and `for`; without
    /// `person`, a note beside a listed name, who is the person.
    case substitution
    /// A late arrival or early departure: `set: {event: arrived|left}`, groups `hour`,
    /// optional `minute`, `ampm`.
    case attendanceTime = "attendance-time"
    /// Text after a name that is a body, not a role ("North Vale District Council").
    case organisation
    /// A calendar reference: groups `day`, `month`, `year` (each optional), or
    /// `set: {relative: next-meeting|end-of-month|asap|ongoing}`.
    case calendar
    /// Text that looks like a date but is not one; date matches overlapping it are dropped.
    case notDate = "not-date"
    /// Words that say a sentence speaks of the past or the future: `set: {tense: past|future}`.
    case tense
    /// The date of the next meeting: groups `day`, `month`, optional `year`.
    case nextMeeting = "next-meeting"
    /// The date of the previous meeting, whose minutes are confirmed: groups `day`, `month`, `year`.
    case previousMeeting = "previous-meeting"
    /// The header cell of an action log column: `set: {column: ref|action|owner|due|status}`.
    case actionColumn = "action-column"
    /// An action's reference before its text in a cell or paragraph: group `ref`.
    case actionRef = "action-ref"
    /// An action log status cell: `set: {status: open|complete|closed|carried-forward}`.
    case actionStatus = "action-status"
    /// A task in a sentence: group `owner` (optional; who must act), `set: {text: sentence|before}`
    /// (`before`: the marker names the owner of the sentence before it).
    case action
    /// A decision said in a sentence; `set: {kind: …}`; optional groups `agreed`
    /// or `noted` name the kind where one pattern finds both.
    case decision
    /// The motion behind a decision, or part of it: optional groups `proposer`,
    /// `seconder`, `motion` (what was proposed), `for`, `against`, `abstain`
    /// (counts in figures or words), `names` with `vote` (a named division:
    /// who voted which way); `set: {outcome: …, unanimous: "true", kind: …}`.
    case motion
    /// A note that someone attended remotely ("(via Zoom)", "joined remotely"):
    /// group `names` where the sentence names them; without it, the note
    /// belongs to the listed name before it.
    case remoteAttendance = "remote-attendance"
    /// The meeting body: group `body`, optional `organisation`.
    case meetingTitle = "meeting-title"
    /// A calendar date: `day`, `month` (name or number), `year` (2 or 4 digits).
    case meetingDate = "meeting-date"
    /// Start (and optional end) time: `hour`, `minute`, `ampm`; `endhour`, `endminute`, `endampm`.
    case meetingTime = "meeting-time"
    /// The venue: group `venue`.
    case meetingVenue = "meeting-venue"

    /// Groups the pattern must define for this yield to build a value.
    var requiredGroups: [[String]] {
        switch self {
        case .item: [["number"]]
        case .attendanceHeading, .blockMarker, .itemTableHeader, .fragment, .attendanceNone, .organisation, .decision: []
        case .motion, .remoteAttendance: []
        case .person: [["name"]]
        case .calendar, .actionColumn, .actionStatus, .action, .notDate, .tense: []
        case .actionRef: [["ref"]]
        case .nextMeeting, .previousMeeting: [["day", "month"]]
        case .attendanceList: [["names"]]
        case .attendanceLabel: [["label"]]
        case .attendanceLegend: [["mark"]]
        case .substitution: [["for"]]
        case .attendanceTime: [["hour"]]
        case .money: [["num"], ["min", "max"]]
        case .meetingTitle: [["body"]]
        case .meetingDate: [["day", "month", "year"]]
        case .meetingTime: [["hour"]]
        case .meetingVenue: [["venue"]]
        }
    }

    /// Keys `set:` may give, with the values allowed (empty: any string).
    var settable: [String: Set<String>] {
        switch self {
        case .attendanceHeading, .attendanceNone, .attendanceLabel, .attendanceLegend:
            ["status": ["present", "in-attendance", "substitute", "apologies", "absent"]]
        // zone header: the list counts only before the first item, in minutes with no other register.
        case .attendanceList:
            ["status": ["present", "in-attendance", "substitute", "apologies", "absent"], "zone": ["header"]]
        case .attendanceTime: ["event": ["arrived", "left"]]
        // context list: the name counts only inside a list of people (an attendance block).
        case .person: ["context": ["list"]]
        case .blockMarker: ["block": ["resolution", "action", "reasons"], "kind": Yield.decisionKinds]
        // text after: the decision is what follows the match in its sentence ("Decision: That …");
        // before: the sentence before with the match's ("… seconded by Cllr Shah. This was agreed.").
        // match: the decision is the match alone ("… rear extension. No objection.").
        case .decision: ["kind": Yield.decisionKinds, "text": ["after", "before", "match"]]
        case .motion: ["outcome": ["carried", "lost", "withdrawn"], "unanimous": ["true"], "kind": Yield.decisionKinds,
                       "vote": ["for", "against", "abstain"], "decision": ["unless-resolved"],
                       // text sentence: a proposal that is a decision of its own is its whole sentence,
                       // where what was proposed stands between the proposer and the seconder.
                       "text": ["sentence"]]
        case .calendar: ["relative": ["next-meeting", "previous-meeting", "month-meeting", "end-of-month", "municipal-year", "academic-year", "asap", "ongoing"]]
        case .actionColumn: ["column": ["ref", "action", "owner", "due", "status"]]
        case .tense: ["tense": ["past", "future"]]
        case .actionStatus: ["status": ["open", "complete", "closed", "carried-forward"]]
        // owner registered: only an owner who is someone of the minutes' register counts.
        // task request: a request ("Members asked for …") that an owned task in the
        // sentence after it answers, when that task speaks of the same thing.
        // text clause: the task runs from the match to its sentence's end.
        case .action: ["text": ["sentence", "before", "clause"], "owner": ["registered"], "task": ["request"]]
        // scope document: the heading names the one item a whole page or report is
        // about; numbered headings under it are its sections, not items. gap: taken
        // only between headings of the chosen style; fallback: only where no
        // other style finds a heading (see Heading).
        case .item: ["scope": [Heading.documentScope, Heading.gapScope, Heading.fallbackScope]]
        case .money: ["currency": [], "period": ["year", "month", "week", "day", "hour"], "unit": ["pence"]]
        default: [:]
        }
    }

    static let decisionKinds: Set<String> = ["resolved", "agreed", "noted", "recommended", "approved", "rejected", "deferred"]

    var requiredSettings: [String] {
        switch self {
        case .attendanceHeading, .attendanceList, .attendanceLegend: ["status"]
        case .blockMarker: ["block"]
        case .decision: ["kind"]
        case .actionColumn: ["column"]
        case .actionStatus: ["status"]
        case .tense: ["tense"]
        case .attendanceTime: ["event"]
        default: []
        }
    }
}

/// The value a rule built from one match, before it is placed in a document.
public enum RuleValue: Equatable, Sendable {
    case item(number: String, title: String?)
    case heading(setting: String)
    case money(value: Decimal?, min: Decimal?, max: Decimal?, currency: String, period: String?, bound: String? = nil)
    case title(body: String, organisation: String?)
    case date(year: Int, month: Int, day: Int)
    case time(start: String, end: String?)
    case venue(String)
    /// Cleaned group texts and settings, for yields whose value is their parts
    /// (people, attendance sentences, fragments).
    case parts([String: String])

    /// The value as flat fields, as rule examples state them.
    public var fields: [String: String] {
        switch self {
        case .item(let number, let title):
            ["number": number, "title": title ?? ""]
        case .heading(let setting):
            ["value": setting]
        case .money(let value, let min, let max, let currency, let period, let bound):
            ["value": value.map { "\($0)" } ?? "", "min": min.map { "\($0)" } ?? "",
             "max": max.map { "\($0)" } ?? "", "currency": currency, "period": period ?? "", "bound": bound ?? ""]
        case .title(let body, let organisation):
            ["body": body, "organisation": organisation ?? ""]
        case .date(let y, let m, let d):
            ["value": DateValue.iso(year: y, month: m, day: d)]
        case .time(let start, let end):
            ["value": start, "end": end ?? ""]
        case .venue(let venue):
            ["value": venue]
        case .parts(let parts):
            parts
        }
    }
}

/// Why a match could not become a value (e.g. 31 February); reported as a diagnostic.
public struct BuildFailure: Error, Equatable, Sendable {
    public var reason: String
}
