import MinutesCore
import MinutesRules
import MinutesText

/// Who attended remotely (`yields: remote-attendance`): a note right after a
/// listed name ("Cllr Avon (via Zoom)") marks that attendance entry; a
/// sentence naming people ("Cllrs Avon and Cole joined remotely") marks the
/// entries of the people it names. Runs after the attendance is read.
struct RemoteAttendanceExtractor: Extractor {
    let rules: [Rule]
    let honorifics: Honorifics

    /// At most this many characters (spaces, a closing bracket of a role) between a name and its note.
    static let noteGap = 40

    init(rules: RuleBook) {
        self.rules = rules.rules(for: "attendance").filter { $0.yields == .remoteAttendance }
        honorifics = Honorifics(rules: rules)
    }

    func extract(from page: Page, into document: inout MinutesDocument) {
        guard !document.attendance.isEmpty else { return }
        var diagnostics: [Diagnostic] = []
        let roster = page.shared.roster(of: document.people)
        for rule in rules {
            for m in page.matches(rule, diagnostics: &diagnostics) {
                guard case .success = m.value else { continue }
                let original = page.original(m.range)
                let evidence = Evidence(span: original.span, rule: rule.id)
                if let names = m.groups["names"] {
                    for name in ActionExtractor.split(page.text.text(names)) {
                        guard let id = roster.personID(written: name, document.people, honorifics, noting: page.text) else { continue }
                        for i in document.attendance.indices where document.attendance[i].person == id {
                            mark(&document.attendance[i], evidence)
                        }
                    }
                    continue
                }
                // The listed name the note follows, on the same line.
                let start = original.span.start
                let before = document.attendance.indices.filter { i in
                    let span = document.attendance[i].span
                    if span.start < start, start < span.end { return true }
                    guard span.end <= start, start - span.end <= Self.noteGap else { return false }
                    let between = page.source.text(span.end..<start)
                    return !between.contains("\n") && !between.contains(",") && !between.contains(";")
                }
                if let i = before.max(by: { document.attendance[$0].span.end < document.attendance[$1].span.end }) {
                    mark(&document.attendance[i], evidence)
                }
            }
        }
        document.diagnostics += diagnostics
    }

    private func mark(_ attendance: inout Attendance, _ evidence: Evidence) {
        guard attendance.remote == nil, attendance.status != .apologies, attendance.status != .absent else { return }
        attendance.remote = true
        attendance.remoteEvidence = evidence
    }
}
