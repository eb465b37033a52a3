import Foundation
import MinutesCore

/// What came back empty or doubtful from one document, without gold: the
/// report a user points at their own archive to see where the tool is blind
/// (`minutes evaluate --coverage`).
public struct CoverageFinding: Codable, Hashable, Sendable {
    /// A stable code: `no-title`, `no-date`, `no-register`, `single-name-register`,
    /// `no-items`, `item-numbers-skip`, `no-decisions`, `date-far-from-meeting`.
    public var code: String
    public var message: String
    /// 1-based line where the finding has a place in the text.
    public var line: Int?

    public init(code: String, message: String, line: Int? = nil) {
        self.code = code
        self.message = message
        self.line = line
    }
}

/// The coverage of one document: its findings and what was found, counted.
public struct DocumentCoverage: Codable, Hashable, Sendable {
    public var path: String
    public var findings: [CoverageFinding]
    /// How many values of each kind were found: attendance, items, decisions, actions, amounts, dates.
    public var counts: [String: Int]
    /// Diagnostics of the extraction, counted by code.
    public var diagnostics: [String: Int]

    /// The checks, in the order they are printed.
    public static let codes = ["no-title", "no-date", "no-register", "single-name-register", "no-items",
                               "item-numbers-skip", "no-decisions", "date-far-from-meeting"]

    /// A day more than this far from the meeting (in days) is doubtful: minutes
    /// refer back to last year's budget and forward to next year's plan, rarely further.
    static let farDays = 3 * 366

    public init(_ document: MinutesDocument) {
        path = document.source.path
        var found: [CoverageFinding] = []
        let meeting = document.meeting
        if meeting.title?.isEmpty ?? true {
            found.append(.init(code: "no-title", message: "no meeting title: the body's name was not found in the header (give it with --body)"))
        }
        if meeting.date == nil {
            found.append(.init(code: "no-date", message: "no meeting date: none was found in the header (give it with --meeting-date)"))
        }
        let attending = document.attendance.filter { $0.status == .present || $0.status == .inAttendance || $0.status == .substitute }
        if document.attendance.isEmpty {
            found.append(.init(code: "no-register", message: "no register: nobody was found present, in attendance or sending apologies"))
        } else if attending.count == 1 {
            found.append(.init(code: "single-name-register", message: "a register of one name: the rest of the list was probably not read",
                               line: attending[0].span.line))
        }
        if document.items.isEmpty {
            found.append(.init(code: "no-items", message: "no agenda items were found"))
        } else if let skip = DocumentCoverage.numberingSkip(document.items) {
            found.append(skip)
        }
        if document.decisions.isEmpty {
            found.append(.init(code: "no-decisions", message: "no decisions were found"))
        }
        if let date = meeting.date.flatMap(CivilDay.init) {
            for value in document.dates where value.grain == .day {
                guard let day = value.value.flatMap(CivilDay.init), abs(day.serial - date.serial) > DocumentCoverage.farDays else { continue }
                found.append(.init(code: "date-far-from-meeting",
                                   message: "'\(value.text)' (\(value.value ?? "")) is more than three years from the meeting date \(meeting.date ?? "")",
                                   line: value.span.line))
            }
        }
        findings = found
        counts = ["attendance": document.attendance.count, "items": document.items.count, "decisions": document.decisions.count,
                  "actions": document.actions.count, "amounts": document.amounts.count, "dates": document.dates.count]
        diagnostics = document.diagnostics.reduce(into: [:]) { $0[$1.code.rawValue, default: 0] += 1 }
    }

    /// Items numbered 1, 2, 4: where a whole-number sequence (or the running
    /// part of `23/165`-style references) jumps by more than one, an item
    /// between was probably not read.
    static func numberingSkip(_ items: [AgendaItem]) -> CoverageFinding? {
        var previous: (Int, AgendaItem)?
        var gaps: [String] = []
        var firstLine: Int?
        for item in items {
            guard let n = runningNumber(item.number) else { previous = nil; continue }
            if let (p, before) = previous, n > p + 1, n - p <= 20 {
                gaps.append("\(before.number) → \(item.number)")
                firstLine = firstLine ?? item.span.line
            }
            previous = (n, item)
        }
        guard !gaps.isEmpty else { return nil }
        return CoverageFinding(code: "item-numbers-skip", message: "item numbers skip: " + gaps.prefix(5).joined(separator: ", ")
                                + (gaps.count > 5 ? " and \(gaps.count - 5) more" : ""), line: firstLine)
    }

    /// The number that runs from item to item: `7` of "7", "7.", "07"; `165` of "23/165"; nil for "3.2".
    static func runningNumber(_ number: String) -> Int? {
        let parts = number.split(whereSeparator: { $0 == "/" || $0 == "." })
        if parts.count == 1 { return Int(parts[0].filter(\.isNumber)) }
        if number.contains("/"), parts.count == 2, let a = Int(parts[0]), Int(parts[1]) != nil { return a }
        return nil
    }
}

/// A whole folder's coverage: each document and the totals.
public struct CoverageReport: Codable, Hashable, Sendable {
    public var documents: [DocumentCoverage]
    /// Per finding code, how many documents have it.
    public var totals: [String: Int]
    public var diagnostics: [String: Int]

    public init(_ documents: [DocumentCoverage]) {
        self.documents = documents
        totals = documents.reduce(into: [:]) { sum, d in
            for code in Set(d.findings.map(\.code)) { sum[code, default: 0] += 1 }
        }
        diagnostics = documents.reduce(into: [:]) { sum, d in
            for (code, n) in d.diagnostics { sum[code, default: 0] += n }
        }
    }

    /// The report as text: a line per finding (`path:line: code: message`), then totals.
    public func text() -> String {
        var out = ""
        for d in documents {
            let counts = ["attendance", "items", "decisions", "actions", "amounts", "dates"]
                .map { "\($0) \(d.counts[$0] ?? 0)" }.joined(separator: ", ")
            out += "\(d.path): \(counts)\n"
            for f in d.findings {
                out += "  \(d.path)\(f.line.map { ":\($0)" } ?? ""): \(f.code): \(f.message)\n"
            }
        }
        out += "\n\(documents.count) documents\n"
        for code in DocumentCoverage.codes {
            out += "  " + code.padding(toLength: 24, withPad: " ", startingAt: 0) + "\(totals[code] ?? 0)\n"
        }
        if !diagnostics.isEmpty {
            out += "diagnostics by code\n"
            for (code, n) in diagnostics.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
                out += "  " + code.padding(toLength: 32, withPad: " ", startingAt: 0) + "\(n)\n"
            }
        }
        return out
    }
}

/// A calendar day as a count of days, for distances between dates.
struct CivilDay {
    let serial: Int

    /// From `YYYY-MM-DD`; nil for anything else.
    init?(_ iso: String) {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d), (1...9999).contains(y) else { return nil }
        // Days from civil (proleptic Gregorian), after Howard Hinnant's algorithm.
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        serial = era * 146_097 + doe
    }
}
