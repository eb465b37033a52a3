import MinutesCore
import MinutesRules
import MinutesText

/// Every calendar reference (SPEC §2), with its value from the calendar: the
/// longest match wins where rules overlap; a match inside a document's name
/// ("Localism Act 2011") is not a date. The year of a date written without
/// one follows the tense of its sentence.
struct DateExtractor: Extractor {
    let calendarRules: [Rule]
    let notDateRules: [Rule]
    let tenseRules: [Rule]
    let nextMeetingRules: [Rule]
    let previousMeetingRules: [Rule]

    init(rules: RuleBook) {
        let dates = rules.rules(for: "dates")
        calendarRules = dates.filter { $0.yields == .calendar }
        notDateRules = dates.filter { $0.yields == .notDate }
        tenseRules = dates.filter { $0.yields == .tense }
        nextMeetingRules = rules.rules(for: "meeting").filter { $0.yields == .nextMeeting }
        previousMeetingRules = rules.rules(for: "meeting").filter { $0.yields == .previousMeeting }
    }

    func extract(from page: Page, into document: inout MinutesDocument) {
        var diagnostics: [Diagnostic] = []
        let calendar = Calendar(meetingDate: document.meeting.date,
                                nextMeeting: DateExtractor.meetingDate(nextMeetingRules, page, document.meeting.date, after: true, &diagnostics),
                                previousMeeting: DateExtractor.meetingDate(previousMeetingRules, page, document.meeting.date, after: false, &diagnostics))
        let vetoes = RangeIndex(notDateRules.flatMap { page.matches($0, diagnostics: &diagnostics) }.map(\.range))
        // Only a candidate's rule, range and fields are read from here on: a long
        // document has many candidates, and a whole match holds its groups too.
        var found: [Candidate] = []
        for rule in calendarRules where rule.settings["relative"] != "asap" && rule.settings["relative"] != "ongoing" {
            for m in page.matches(rule, diagnostics: &diagnostics) {
                guard case .success(let value) = m.value, !vetoes.overlaps(m.range) else { continue }
                found.append(Candidate(rule: rule, range: m.range, fields: value.fields))
            }
        }
        let longest = page.longestFirst(found, range: \.range, priority: \.rule.priority)
        // "Date of next meeting" as a heading, and "the next meeting on 10 November
        // 2017" where the date itself follows, are not references of their own.
        let headings = RangeIndex(page.tree.children.compactMap { $0.kind == .item ? $0.heading?.range : nil })
        let kept = longest.filter { f in
            guard f.rule.settings["relative"] == "next-meeting" else { return true }
            if headings.overlaps(f.range) { return false }
            let sentence = page.sentence(around: f.range)
            // `longest` is in document order: the dates that start within 40 characters after.
            let from = longest.partitionPoint { $0.range.lowerBound >= f.range.upperBound }
            let to = longest.partitionPoint { $0.range.lowerBound > f.range.upperBound + 40 }
            return !longest[from..<max(from, to)].contains { other in
                other.rule.settings["relative"] == nil && other.range.lowerBound >= f.range.upperBound
                    && other.range.lowerBound - f.range.upperBound <= 40 && sentence.contains(other.range.lowerBound)
                    && other.fields["day"] != nil
            }
        }
        for c in kept {
            let v = calendar.value(of: c.fields, tense: tense(around: c.range, page, &diagnostics))
            let original = page.original(c.range)
            document.dates.append(DateValue(text: original.text, value: v.value, grain: DateGrain(rawValue: v.grain) ?? .day,
                                            resolved: v.resolved ? true : nil, span: original.span, rule: c.rule.id))
        }
        document.diagnostics += diagnostics
    }

    /// A calendar rule's match as the extractor keeps it.
    struct Candidate {
        let rule: Rule
        let range: Range<Int>
        let fields: [String: String]
    }

    /// Past or future, by the words of the sentence around a date.
    func tense(around range: Range<Int>, _ page: Page, _ diagnostics: inout [Diagnostic]) -> Calendar.Tense {
        let sentence = page.sentence(around: range)
        var past = false, future = false
        for rule in tenseRules {
            for m in page.matches(rule, in: sentence, diagnostics: &diagnostics) where !m.range.overlaps(range) {
                if rule.settings["tense"] == "future" { future = true } else { past = true }
            }
        }
        return future == past ? .unknown : future ? .future : .past
    }

    /// The next (or previous) meeting's date as the document gives it.
    /// Worked out once per document: the action and date extractors both ask,
    /// with the same rules and meeting date, and a rule's diagnostics are given once.
    static func meetingDate(_ rules: [Rule], _ page: Page, _ meetingDate: String?, after: Bool, _ diagnostics: inout [Diagnostic]) -> String? {
        page.shared.meetingDate(after: after) {
            findMeetingDate(rules, page, meetingDate, after: after, &diagnostics)
        }
    }

    private static func findMeetingDate(_ rules: [Rule], _ page: Page, _ meetingDate: String?, after: Bool, _ diagnostics: inout [Diagnostic]) -> String? {
        let calendar = Calendar(meetingDate: meetingDate, nextMeeting: nil)
        for rule in rules {
            for m in page.matches(rule, diagnostics: &diagnostics) {
                guard case .success(let value) = m.value,
                      let date = calendar.value(of: value.fields, tense: after ? .future : .past).value, date.count == 10 else { continue }
                if let meetingDate, after ? date <= meetingDate : date >= meetingDate { continue }
                return date
            }
        }
        return nil
    }
}
