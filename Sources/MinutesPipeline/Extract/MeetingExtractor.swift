import MinutesCore
import MinutesRules
import MinutesText

/// The meeting header: body, date, start/end time and venue. For each field
/// the highest-priority rule that matches in the header wins, at its first
/// match; the context fills what the header does not say.
struct MeetingExtractor: Extractor {
    let rules: [Rule]

    /// Whether a body's name is its kind alone (`meeting.generic-body`).
    func isGeneric(_ body: String, _ page: Page) -> Bool {
        rules.contains { rule in
            rule.id.hasSuffix(".generic-body") && !rule.matches(in: body, noting: page.text).isEmpty
        }
    }

    func extract(from page: Page, into document: inout MinutesDocument) {
        var meeting = Meeting()
        let header = page.headerRange
        // What the header does not say may stand in the lead of the page, inside its first item.
        let lead = header.upperBound..<max(header.upperBound, page.leadRange.upperBound)
        for yields in [Yield.meetingTitle, .meetingDate, .meetingTime, .meetingVenue] {
            guard let (rule, match, value) = first(yields, page, header, &document.diagnostics)
                ?? (lead.isEmpty ? nil : first(yields, page, lead, &document.diagnostics))
            else { continue }
            let found = page.original(match.range)
            let provenance = Provenance(span: found.span, rule: rule.id)
            switch value {
            case .title(let body, let organisation):
                meeting.title = body
                meeting.fields[Meeting.Field.title.rawValue] = provenance
                if let organisation, let range = match.groups["organisation"] {
                    meeting.organisation = organisation
                    meeting.fields[Meeting.Field.organisation.rawValue] = Provenance(span: page.original(range).span, rule: rule.id)
                }
                if let range = match.groups["body"] {
                    meeting.fields[Meeting.Field.title.rawValue] = Provenance(span: page.original(range).span, rule: rule.id)
                }
                // "Ambervale Community Health NHS Trust" over "Board of Directors": a body named by
                // its kind alone is the organisation's meeting, and the organisation names it.
                if let organisation, let range = match.groups["organisation"], isGeneric(body, page) {
                    meeting.title = organisation
                    meeting.fields[Meeting.Field.title.rawValue] = Provenance(span: page.original(range).span, rule: rule.id)
                }
            case .date:
                meeting.date = value.fields["value"]
                meeting.fields[Meeting.Field.date.rawValue] = provenance
            case .time(let start, let end):
                meeting.start = start
                meeting.end = end
                meeting.fields[Meeting.Field.start.rawValue] = provenance
                if end != nil { meeting.fields[Meeting.Field.end.rawValue] = provenance }
            case .venue(let venue):
                meeting.venue = venue
                let range = match.groups["venue"] ?? match.range
                meeting.fields[Meeting.Field.venue.rawValue] = Provenance(span: page.original(range).span, rule: rule.id)
            default:
                break
            }
        }
        // "… MINUTES of the Ordinary Meeting of the Council held on …" under "Bredcombe Parish
        // Council": a body named by its kind alone is the fuller body the header names of that kind.
        // (The first body named by a title rule, not by its kind alone, whose last word
        // is a word of the kind: "Bredcombe Parish Council" for "Council", "Eskmead
        // Hospitals NHS Trust" for "TRUST BOARD".)
        if let title = meeting.title, isGeneric(title, page) {
            let kinds = Set(Text.words(title).map { $0.lowercased() })
            let fuller: (RuleValue) -> Bool = { value in
                guard case .title(let body, _) = value, !isGeneric(body, page), let last = Text.words(body).last else { return false }
                return kinds.contains(last.lowercased())
            }
            if let (rule, match, value) = first(.meetingTitle, page, header, &document.diagnostics, where: fuller)
                ?? (lead.isEmpty ? nil : first(.meetingTitle, page, lead, &document.diagnostics, where: fuller)),
               case .title(let body, _) = value {
                meeting.title = body
                meeting.fields[Meeting.Field.title.rawValue] = Provenance(span: page.original(match.groups["body"] ?? match.range).span, rule: rule.id)
            }
        }
        if meeting.title == nil, let body = page.context.body {
            meeting.title = body
        }
        // "HALL COMMITTEE" in a header, "Upper Sedgecombe Village Hall Management Committee"
        // given with --body: the body the user names is the fuller name of the same body.
        if let title = meeting.title, let body = page.context.body, title != body {
            let bodyWords = Set(Text.words(body))
            let words = Text.words(title)
            if !words.isEmpty, words.allSatisfy(bodyWords.contains) {
                // (Given, not read: like a title from the context alone, it has no span.)
                meeting.title = body
                meeting.fields[Meeting.Field.title.rawValue] = nil
            }
        }
        let spans = meeting.fields.values.map(\.span)
        if let lo = spans.map(\.start).min(), let hi = spans.map(\.end).max() {
            meeting.span = page.source.span(lo..<hi)
        }
        if meeting.date == nil, let date = page.context.meetingDate {
            meeting.date = date
        }
        if meeting.title == nil {
            document.diagnostics.append(Diagnostic(
                code: .meetingTitleMissing, severity: .warning,
                message: "the header names no meeting body; pass it with --body if you know it"))
        }
        if meeting.date == nil {
            document.diagnostics.append(Diagnostic(
                code: .meetingDateMissing, severity: .warning,
                message: "the header gives no meeting date; pass it with --meeting-date YYYY-MM-DD so relative dates can be resolved"))
        }
        document.meeting = meeting
    }

    /// The first match in the header of the best rule that yields `yields` and builds
    /// a value (one `accept` takes).
    private func first(_ yields: Yield, _ page: Page, _ header: Range<Int>, _ diagnostics: inout [Diagnostic],
                       where accept: (RuleValue) -> Bool = { _ in true }) -> (Rule, RuleMatch, RuleValue)?
    {
        for rule in rules where rule.yields == yields {
            for match in page.matches(rule, in: header, diagnostics: &diagnostics) {
                switch match.value {
                case .success(let value):
                    if accept(value) { return (rule, match, value) }
                case .failure(let failure) where yields == .meetingDate:
                    let found = page.original(match.range)
                    diagnostics.append(Diagnostic(
                        code: .invalidDate, severity: .error,
                        message: "'\(found.text)' in the header is not a calendar date (\(failure.reason)); check the minutes",
                        span: found.span, rule: rule.id))
                case .failure:
                    continue
                }
            }
        }
        return nil
    }
}
