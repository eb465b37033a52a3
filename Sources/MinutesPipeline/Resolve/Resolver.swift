import MinutesCore
import MinutesText

/// Stage 5: ties values together once every extractor has run, and checks
/// what a clerk would want fixed before publishing (SPEC §3). Severities:
/// - error: something in the minutes is wrong (an action owner's initials
///   match no one; a date that is not a calendar date);
/// - warning: something is missing or doubtful (an action with no owner or
///   due date, a due date before the meeting, a decision outside any item, a
///   motion with no outcome, no meeting date, an ambiguous name);
/// - note: how the file was read (a legacy encoding).
enum Resolver {
    static func resolve(_ document: inout MinutesDocument, context: Context) {
        check(&document)
        document.diagnostics.sort { ($0.span?.start ?? -1, $0.code.rawValue) < ($1.span?.start ?? -1, $1.code.rawValue) }
    }

    static func check(_ document: inout MinutesDocument) {
        var found: [Diagnostic] = []
        for action in document.actions {
            let what = excerpt(action.text)
            if action.owners.isEmpty {
                found.append(Diagnostic(code: .actionMissingOwner, severity: .warning,
                                        message: "action '\(what)' has no owner", span: action.span, rule: action.rule))
            }
            if action.due == nil {
                found.append(Diagnostic(code: .actionMissingDueDate, severity: .warning,
                                        message: "action '\(what)' has no due date", span: action.span, rule: action.rule))
            }
            if let due = action.due?.date, due.count == 10, let meeting = document.meeting.date, due < meeting,
               action.status == nil || action.status == .open {
                found.append(Diagnostic(code: .dueDateBeforeMeeting, severity: .warning,
                                        message: "action '\(what)' is due on \(due), before the meeting on \(meeting)",
                                        span: action.span, rule: action.rule))
            }
        }
        if !document.items.isEmpty {
            for decision in document.decisions where decision.item == nil {
                found.append(Diagnostic(code: .decisionWithoutItem, severity: .warning,
                                        message: "decision '\(excerpt(decision.text))' stands outside any agenda item",
                                        span: decision.span, rule: decision.rule))
            }
        }
        for decision in document.decisions where (decision.proposer != nil || decision.votes != nil) && decision.outcome == nil {
            found.append(Diagnostic(code: .decisionVoteUnclear, severity: .warning,
                                    message: "motion '\(excerpt(decision.text))' was proposed or voted on, but the minutes do not say whether it was carried, lost or withdrawn",
                                    span: decision.span, rule: decision.rule))
        }
        document.diagnostics += found
    }

    /// The first words of a text, on one line.
    static func excerpt(_ text: String, limit: Int = 60) -> String {
        let oneLine = text.collapsingSpaces
        return oneLine.count <= limit ? oneLine : String(oneLine.prefix(limit - 1)) + "…"
    }
}
