import Foundation
import MinutesCore
import MinutesRules
import MinutesText

/// People and attendance. Attendance comes from what the document says about
/// it: attendance blocks found by the segmenter ("Present:", "Core Attendees"),
/// an "Apologies" item's first sentence, and sentences such as "Apologies were
/// received from …" or "X substituted for Y". Every person named with an
/// honorific anywhere is a person of the document, attending or not. People are
/// merged across mentions by surname and first initial; a mention that fits
/// two people is reported, not guessed.
struct AttendanceExtractor: Extractor {
    /// Names with an honorific, counted anywhere.
    let mentionRules: [Rule]
    /// Names that count only where a list entry starts.
    let listNameRules: [Rule]
    let organisationRules: [Rule]
    /// Words that make a bracketed note a role ("(Chairman)").
    let roleWordRules: [Rule]
    /// The last words of posts ("Town Clerk and …"): `people.post-word`.
    let postWords: Lexicon
    /// The titles of a register of paired names: `people.register-title`.
    let registerTitles: Lexicon
    let listRules: [Rule]
    let noneRules: [Rule]
    let substitutionRules: [Rule]
    let timeRules: [Rule]
    /// Attendance headings, also tried on item titles ("Apologies for Absence").
    let headingRules: [Rule]
    /// Group and post labels inside a register ("Directors:", "Clerk:").
    let labelRules: [Rule]
    /// The legend of a register's marks ("P: Present", "A: Apologies").
    let legendRules: [Rule]
    /// Header cells of a register table: its names column and its attendance column.
    let nameColumnRules: [Rule]
    let statusColumnRules: [Rule]

    init(rules: RuleBook) {
        let people = rules.rules(for: "people"), attendance = rules.rules(for: "attendance")
        mentionRules = people.filter { $0.yields == .person && $0.settings["context"] == nil }
        listNameRules = people.filter { $0.yields == .person && $0.settings["context"] == "list" }
        organisationRules = people.filter { $0.yields == .organisation }
        roleWordRules = people.filter { $0.yields == .fragment && $0.id.hasSuffix(".role-word") }
        postWords = Lexicon(people, named: "post-word")
        registerTitles = Lexicon(people, named: "register-title")
        listRules = attendance.filter { $0.yields == .attendanceList }
        noneRules = attendance.filter { $0.yields == .attendanceNone }
        substitutionRules = attendance.filter { $0.yields == .substitution }
        timeRules = attendance.filter { $0.yields == .attendanceTime }
        headingRules = attendance.filter { $0.yields == .attendanceHeading }
        labelRules = attendance.filter { $0.yields == .attendanceLabel }
        legendRules = attendance.filter { $0.yields == .attendanceLegend }
        nameColumnRules = attendance.filter { $0.yields == .fragment && $0.id.hasSuffix(".column-name") }
        statusColumnRules = attendance.filter { $0.yields == .fragment && $0.id.hasSuffix(".column-status") }
    }

    /// An attendance heading on the heading's line, a run of spaces after it
    /// ("Present:<spaces>Apologies:"): its status and the column it starts at.
    private func besideHeading(_ heading: Range<Int>, _ page: Page) -> (status: AttendanceStatus, rule: String, column: Int)? {
        let s = page.text.scalars
        let lineStart = AttendanceExtractor.lineStart(heading.lowerBound, page)
        var lineEnd = heading.upperBound
        while lineEnd < s.count, s[lineEnd] != "\n" { lineEnd += 1 }
        var k = heading.upperBound
        while k < lineEnd, s[k] == " " { k += 1 }
        guard k - heading.upperBound >= 2, k < lineEnd else { return nil }
        let rest = page.text.text(k..<lineEnd).trimmingSpaces()
        guard let (rule, status) = headingStatus(rest, page) else { return nil }
        return (status, rule.id, k - lineStart)
    }

    /// Where the line holding `k` starts.
    private static func lineStart(_ k: Int, _ page: Page) -> Int {
        var start = k
        while start > 0, page.text.scalars[start - 1] != "\n" { start -= 1 }
        return start
    }

    /// Where a line of two registers side by side divides: at `column` (or a
    /// place or two either side), after a run of two or more spaces.
    private func columnCut(_ line: Range<Int>, at column: Int, _ page: Page) -> Int? {
        let s = page.text.scalars
        let lineStart = AttendanceExtractor.lineStart(line.lowerBound, page)
        for k in stride(from: lineStart + column - 2, through: lineStart + column + 2, by: 1)
        where k - 2 >= line.lowerBound && k < line.upperBound && s[k] != " " && s[k - 1] == " " && s[k - 2] == " " {
            return k
        }
        return nil
    }

    /// What of `word` a role-word rule (`people.role-word`) matches, if any does: "Officer" in "Officer".
    func roleWord(in word: String, _ page: Page) -> String? {
        for rule in roleWordRules {
            if let m = rule.matches(in: word, noting: page.text).first, !m.text.isEmpty { return m.text }
        }
        return nil
    }

    /// A register table's rows: the name cell of each, with the status its
    /// attendance cell gives ("Present (from 6.25pm)", "Apologies – consented").
    private func registerTableRows(_ table: Block, _ page: Page, _ diagnostics: inout [Diagnostic]) -> [ListSegment] {
        guard let header = table.children.first else { return [] }
        func column(_ rules: [Rule]) -> Int? {
            header.children.firstIndex { cell in
                rules.contains { rule in
                    page.matches(rule, in: cell.range, diagnostics: &diagnostics).contains { $0.range.lowerBound == cell.range.lowerBound && !$0.range.isEmpty }
                }
            }
        }
        guard let names = column(nameColumnRules), let statuses = column(statusColumnRules), names != statuses else {
            // "| Members present | Role | Initials |" over "| Yvonne Castellano (Chair) | Non-Executive Member | YC |":
            // a table headed by an attendance heading lists people of that status, one a row.
            // A later row so headed ("| Apologies | Role |") starts the next status.
            func heading(_ row: Block) -> (Rule, AttendanceStatus)? {
                row.children.first.flatMap { headingStatus(page.text.text($0.range).trimmingSpaces(), page) }
            }
            guard var current = heading(header) else { return [] }
            var out: [ListSegment] = []
            for row in table.children.dropFirst() {
                if let next = heading(row) { current = next; continue }
                guard let name = row.children.first, !name.range.isEmpty else { continue }
                out.append(ListSegment(range: name.range, status: current.1, group: nil, rule: current.0.id))
            }
            return out
        }
        var out: [ListSegment] = []
        for row in table.children.dropFirst() where row.children.count > max(names, statuses) {
            let said = page.text.text(row.children[statuses].range)
            let word = said.prefix { !"(–-,;".contains($0) }.trimmingCharacters(in: .whitespaces)
            guard let (rule, status) = headingStatus(word, page) else { continue }
            out.append(ListSegment(range: row.children[names].range, status: status, group: nil, rule: rule.id))
        }
        return out
    }

    /// A stretch of text that lists people of one status.
    struct ListSegment {
        var range: Range<Int>
        var status: AttendanceStatus
        var group: String?
        var rule: String
    }

    /// One person's attendance as it is being built.
    struct Record {
        var person: Int
        var status: AttendanceStatus
        var group: String?
        var substituteFor: Int?
        var arrived: String?
        var left: String?
        var span: Span
        var rule: String
    }

    func extract(from page: Page, into document: inout MinutesDocument) {
        var state = State(page: page, extractor: self)
        let segments = listSegments(page, &state)
        for segment in segments {
            state.read(segment)
        }
        state.readSubstitutions()
        state.readTimes()
        state.readMentions()
        state.finish(into: &document)
    }

    // MARK: Where people are listed

    private func listSegments(_ page: Page, _ state: inout State) -> [ListSegment] {
        var segments: [ListSegment] = []
        var sentences = RangeIndex()
        for rule in listRules where rule.settings["zone"] == nil {
            for m in page.matches(rule, diagnostics: &state.diagnostics) {
                guard case .success(let value) = m.value, let names = m.groups["names"],
                      let status = AttendanceStatus(rawValue: value.fields["status"] ?? "") else { continue }
                segments.append(ListSegment(range: names, status: status, group: nil, rule: rule.id))
                sentences.insert(m.range)
            }
        }
        for rule in noneRules {
            for m in page.matches(rule, diagnostics: &state.diagnostics) { sentences.insert(m.range) }
        }
        let legend = legendMarks(page, &state)
        page.tree.walk { block in
            if block.kind == .table { segments += registerTableRows(block, page, &state.diagnostics) }
            if block.kind == .attendance, let heading = block.heading,
               let status = AttendanceStatus(rawValue: heading.value ?? "") {
                let group = Clean.group(page.original(heading.title ?? heading.range).text)
                // A sentence that makes up a line ("Apologies were received from …") is read as a
                // sentence; one that opens a list and stops short of its end ("Cllr Dale (in the
                // chair), Cllr Ross, Cllr Shah") leaves the rest of the line to the register.
                let lines = entryLines(block.children, page, &state).filter { line in
                    !sentences.overlaps(line, where: { $0.lowerBound <= line.lowerBound + 3 && !Self.listGoesOn(after: $0.upperBound, in: line, page) })
                }
                // In a membership list whose marks say who was present, an unmarked member was not.
                let marked = lines.compactMap { markedEntry($0, legend, page) }
                let unmarkedAbsent = marked.contains { $0.1 == .present } && legend.keys.contains { $0.first.map { !$0.isLetter } ?? false }
                // "Present:          Apologies:" — a second register laid out beside the first.
                let beside = besideHeading(heading.range, page)
                for var line in lines {
                    if let beside, let cut = columnCut(line, at: beside.column, page) {
                        let right = cut..<line.upperBound
                        if !page.text.text(right).trimmingSpaces().isEmpty {
                            segments.append(ListSegment(range: right, status: beside.status, group: nil, rule: beside.rule))
                        }
                        line = line.lowerBound..<cut
                        if page.text.text(line).trimmingSpaces().isEmpty { continue }
                    }
                    if let (rest, markStatus) = markedEntry(line, legend, page) {
                        segments.append(ListSegment(range: rest, status: markStatus, group: group, rule: heading.rule))
                    } else if !unmarkedAbsent {
                        segments.append(ListSegment(range: line, status: status, group: group, rule: heading.rule))
                    }
                }
            }
            // An item titled "Apologies for absence" lists them in its first sentence.
            if block.kind == .item, let title = block.heading?.fields["title"], let (rule, status) = headingStatus(title, page),
               let first = block.children.first(where: { $0.kind == .paragraph || $0.kind == .list }) {
                var sentence = firstSentence(first.range, page)
                // "… & Mr J Foulkes (Clerk). Also: County Cllr Mr A Wyn": a label carries the list on.
                while sentence.upperBound < first.range.upperBound {
                    var k = sentence.upperBound + 1
                    while k < first.range.upperBound, Segmenter.isSpace(page.text.scalars[k]) { k += 1 }
                    let next = firstSentence(k..<first.range.upperBound, page)
                    guard !next.isEmpty, labelRules.contains(where: { rule in
                        page.matches(rule, in: next, diagnostics: &state.diagnostics).first.map { $0.range.lowerBound <= next.lowerBound + 1 } ?? false
                    }) else { break }
                    sentence = sentence.lowerBound..<next.upperBound
                }
                if !sentences.overlaps(sentence), startsWithName(sentence, page, &state) {
                    segments.append(ListSegment(range: sentence, status: status, group: nil, rule: rule.id))
                }
            }
        }
        // Minutes with no register of who was there may list them under the title, unlabelled.
        if !segments.contains(where: { $0.status == .present }) {
            var firstItem = page.text.count
            page.tree.walk { block in
                if block.kind == .item { firstItem = min(firstItem, block.range.lowerBound) }
            }
            for rule in listRules where rule.settings["zone"] == "header" {
                for m in page.matches(rule, in: 0..<firstItem, diagnostics: &state.diagnostics) {
                    guard case .success(let value) = m.value, let names = m.groups["names"],
                          let status = AttendanceStatus(rawValue: value.fields["status"] ?? ""),
                          !sentences.overlaps(names) else { continue }
                    // One entry a line: a name does not run on to the next line's.
                    var start = names.lowerBound
                    for k in names where page.text.scalars[k] == "\n" || page.text.scalars[k] == "\u{2029}" {
                        if k > start { segments.append(ListSegment(range: start..<k, status: status, group: nil, rule: rule.id)) }
                        start = k + 1
                    }
                    if names.upperBound > start {
                        segments.append(ListSegment(range: start..<names.upperBound, status: status, group: nil, rule: rule.id))
                    }
                }
            }
        }
        return segments.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The marks a register's legend explains ("P: Present", "A: Apologies"), with their status.
    private func legendMarks(_ page: Page, _ state: inout State) -> [String: AttendanceStatus] {
        var marks: [String: AttendanceStatus] = [:]
        for rule in legendRules {
            for m in page.matches(rule, diagnostics: &state.diagnostics) {
                guard case .success(let value) = m.value, let mark = value.fields["mark"], !mark.isEmpty,
                      let status = AttendanceStatus(rawValue: value.fields["status"] ?? "") else { continue }
                marks[mark] = marks[mark] ?? status
            }
        }
        return marks
    }

    /// A register line that starts with a mark its legend explains ("A  Reyna Knight"):
    /// the rest of the line and the mark's status.
    private func markedEntry(_ line: Range<Int>, _ legend: [String: AttendanceStatus], _ page: Page) -> (Range<Int>, AttendanceStatus)? {
        guard !legend.isEmpty else { return nil }
        let s = page.text.scalars
        var k = line.lowerBound
        while k < line.upperBound, s[k] == " " || s[k] == "\t" { k += 1 }
        let markStart = k
        while k < line.upperBound, s[k] != " " && s[k] != "\t" { k += 1 }
        let markEnd = k
        while k < line.upperBound, s[k] == " " || s[k] == "\t" { k += 1 }
        guard markEnd > markStart, k > markEnd, k < line.upperBound,
              let status = legend[page.text.text(markStart..<markEnd)] else { return nil }
        return (k..<line.upperBound, status)
    }

    /// Words in lower case outside brackets, all and those other than the small
    /// words a register joins names and posts with: a line with four that does
    /// not start with a name is prose ("Proposed by Cllr Hale, seconded by …"),
    /// and so is one with eight words that are not small ("Mrs Dee proposed and
    /// Mr Oakes seconded that the minutes be accepted as a true record").
    private static let joiners: Set<Substring> = ["and", "of", "the", "for", "to", "in", "at", "on", "with", "from", "by", "an"]

    private static func lowerCaseWords(_ text: String) -> (all: Int, content: Int) {
        var depth = 0
        var outside = ""
        for c in text {
            if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) } else if depth == 0 { outside.append(c) }
        }
        let lower = outside.split(whereSeparator: { $0 == " " || $0 == "\t" }).filter { word in
            word.count >= 2 && word.first?.isLowercase == true
        }
        return (lower.count, lower.filter { !joiners.contains(Substring(String($0).trimmingCharacters(in: .punctuationCharacters))) }.count)
    }

    /// Whether a list separator and more of the list follow `k` in `line`:
    /// ", Cllr Ross" after "Cllr Dale (in the chair)".
    static func listGoesOn(after k: Int, in line: Range<Int>, _ page: Page) -> Bool {
        let s = page.text.scalars
        var i = max(k, line.lowerBound)
        while i < line.upperBound, Segmenter.isSpace(s[i]) { i += 1 }
        guard i < line.upperBound, s[i] == "," || s[i] == ";" else { return false }
        return s[(i + 1)..<line.upperBound].contains { $0.properties.isAlphabetic }
    }

    /// The end of one sentence and the start of the next, inside a line.
    /// A title written short ("Cllr. Emma Knox", "Revd. Ann Lee") ends no sentence.
    private static let sentenceEnd = try! Pattern(#"[a-z]{2}(?<!\bCllr|\bcllr|\bCllrs|\bMrs|\bMr|\bMs|\bDr|\bRev|\bRevd|\bProf|\bCty|\bSt|\bMessrs|\bHon)\. +\p{Lu}\p{Ll}"#)

    /// One range per list entry line: list items, table rows, and each line of a
    /// paragraph; up to the first line of prose (two sentences, a lead-in
    /// ending in a colon, or four words in lower case not after a name) or an
    /// item number alone on its line, where the register has ended.
    private func entryLines(_ blocks: [Block], _ page: Page, _ state: inout State) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for line in allEntryLines(blocks, page) {
            let text = page.text.text(line).trimmingSpaces(lineEnds: false)
            if text.hasSuffix(":-") { break }
            let lower = AttendanceExtractor.lowerCaseWords(text)
            if lower.all >= 4, !startsWithName(line, page, &state) { break }
            if lower.content >= 8 { break }
            if !text.isEmpty, text.allSatisfy({ $0.isNumber || $0 == "." || $0 == ")" }) { break }
            let utf8 = Array(text.utf8)
            // (sentenceEnd is built in, not a rule, and has no nested repeat: it cannot reach a limit.)
            if let first = try? AttendanceExtractor.sentenceEnd.matches(in: utf8).first, first.range.lowerBound > 0 {
                // "Cllr A Dale, Cllr B Ross. Apologies: Cllr C Shah.": the names before the
                // sentence's end are entries; what follows is read on its own.
                if startsWithName(line, page, &state), first.range.lowerBound + 3 <= utf8.count {
                    let lead = page.text.scalars[line].prefix { $0.isSpace(includingLineEnds: false) }.count
                    let kept = String(decoding: utf8[..<(first.range.lowerBound + 3)], as: UTF8.self).unicodeScalars.count
                    out.append(line.lowerBound..<min(line.upperBound, line.lowerBound + lead + kept))
                }
                break
            }
            out.append(line)
        }
        return out
    }

    private func allEntryLines(_ blocks: [Block], _ page: Page) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for block in blocks {
            switch block.kind {
            case .listItem, .row:
                out.append(block.range)
            case .paragraph:
                // A line indented deep under an entry that is not goes on with that entry
                // (registers laid out in columns of spaces).
                var lines: [Range<Int>] = []
                var start = block.range.lowerBound
                func add(_ line: Range<Int>) {
                    guard !line.isEmpty else { return }
                    let indent = page.text.scalars[line].prefix { $0 == " " }.count
                    // "… Mr R Khatri (School" / "Business Manager, for item 6)": a bracket left open goes on.
                    let open = lines.last.map { last in
                        page.text.scalars[last].filter { $0 == "(" }.count > page.text.scalars[last].filter { $0 == ")" }.count
                    } ?? false
                    if open, let last = lines.last {
                        lines[lines.count - 1] = last.lowerBound..<line.upperBound
                    } else if indent >= 4, let last = lines.last, page.text.scalars[last.lowerBound] != " " {
                        lines[lines.count - 1] = last.lowerBound..<line.upperBound
                    } else {
                        lines.append(line)
                    }
                }
                for k in block.range where page.text.scalars[k] == "\n" {
                    add(start..<k)
                    start = k + 1
                }
                add(start..<block.range.upperBound)
                out += lines
            default:
                out += allEntryLines(block.children, page)
            }
        }
        return out
    }

    /// What an item's title says its first sentence lists; a bilingual title is
    /// read by its first language ("Apologies for Absence/Ymddiheuriadau am absenoldeb").
    func headingStatus(_ title: String, _ page: Page) -> (Rule, AttendanceStatus)? {
        var titles = [title]
        if let slash = title.firstIndex(of: "/") {
            let first = title[..<slash].trimmingCharacters(in: .whitespaces)
            if !first.isEmpty { titles.append(first) }
        }
        for title in titles {
            for rule in headingRules {
                guard let found = rule.matches(in: title, noting: page.text).first,
                      found.text.count >= title.count - 1 else { continue }
                if let status = AttendanceStatus(rawValue: rule.settings["status"] ?? "") { return (rule, status) }
            }
        }
        return nil
    }

    /// Up to the first full stop that does not follow an initial.
    private func firstSentence(_ range: Range<Int>, _ page: Page) -> Range<Int> {
        let s = page.text.scalars
        var k = range.lowerBound
        while k < range.upperBound {
            if s[k] == ".", k + 1 == range.upperBound || s[k + 1] == " " || s[k + 1] == "\n",
               !(k >= 1 && s[k - 1].properties.isUppercase && (k < 2 || s[k - 2] == " ")) {
                return range.lowerBound..<k
            }
            k += 1
        }
        return range
    }

    private func startsWithName(_ range: Range<Int>, _ page: Page, _ state: inout State) -> Bool {
        var lead = page.text.scalars[range].prefix { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "•" || $0 == "*" || $0 == "-" }.count
        // "Councillors, Mr Tim Owen (Chair), …": a group's label opens the list.
        for rule in labelRules {
            if let m = page.matches(rule, in: range, diagnostics: &state.diagnostics).first,
               m.range.lowerBound <= range.lowerBound + lead, m.range.upperBound < range.upperBound {
                lead = m.range.upperBound - range.lowerBound
                while range.lowerBound + lead < range.upperBound, Segmenter.isSpace(page.text.scalars[range.lowerBound + lead]) { lead += 1 }
                break
            }
        }
        for rule in mentionRules + listNameRules {
            if let m = page.matches(rule, in: range, diagnostics: &state.diagnostics).first,
               m.range.lowerBound <= range.lowerBound + lead + 2 { return true }
        }
        return false
    }
}

/// The work of one document.
private struct State {
    let page: Page
    let extractor: AttendanceExtractor
    var roster = Roster()
    var records: [Int: AttendanceExtractor.Record] = [:]
    var diagnostics: [Diagnostic] = []
    /// Ranges already read as lists, substitutions or times, so mentions there are not read twice.
    var consumed = RangeIndex()
    /// Substitutes whose absent member is given by initials: (person, initials, where).
    var pendingSubstitutions: [(person: Int, initials: String, span: Span, rule: String)] = []

    init(page: Page, extractor: AttendanceExtractor) {
        self.page = page
        self.extractor = extractor
    }

    struct Mention {
        var range: Range<Int>
        var name: Range<Int>
        var honorific: String?
        var rule: String
    }

    /// Names in `range`: with an honorific, or (in a list) where an entry starts.
    mutating func mentions(in range: Range<Int>, list: Bool) -> [Mention] {
        var found: [Mention] = []
        for rule in extractor.mentionRules + (list ? extractor.listNameRules : []) {
            // An empty match is no mention; inside another, it would end that one's tail before it starts.
            for m in page.matches(rule, in: range, diagnostics: &diagnostics) where !m.range.isEmpty {
                guard case .success(let value) = m.value, let name = m.groups["name"] ?? m.groups["name2"] else { continue }
                let honorific = value.fields["honorific"].flatMap { $0.isEmpty ? nil : $0 }
                found.append(Mention(range: m.range, name: name, honorific: honorific, rule: rule.id))
            }
        }
        found.sort { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) }
        var kept: [Mention] = []
        var keptAt = RangeIndex()
        for m in found where !keptAt.overlaps(m.range) {
            kept.append(m)
            keptAt.insert(m.range)
        }
        return kept
    }

    // MARK: Lists

    mutating func read(_ segment: AttendanceExtractor.ListSegment) {
        consumed.insert(segment.range)
        let all = pairedNames(segment.range) ?? mentions(in: segment.range, list: true)
        let depth = bracketDepths(segment.range)
        // Names inside brackets qualify the entry before them ("(substitute for Cllr Ray)").
        // In a table row the name is in the first cell; the other cells say who they are.
        let scalars = page.text.scalars
        let content = scalars[segment.range].firstIndex { !" \t\u{2029}•*-–".unicodeScalars.contains($0) } ?? segment.range.upperBound
        let firstCellEnd = scalars[content..<segment.range.upperBound].firstIndex(of: "\t") ?? segment.range.upperBound
        // Who a listed person stands in for is named in their entry, not an entry of its own.
        // In a list of apologies, "on behalf of" names the one who sent them, not a stand-in.
        var standIns: [Range<Int>] = []
        for rule in extractor.substitutionRules where segment.status != .apologies {
            for m in page.matches(rule, in: segment.range, diagnostics: &diagnostics) where m.groups["person"] == nil {
                if let target = m.groups["for"] { standIns.append(target) }
            }
        }
        let labels = registerLabels(segment.range)
        var entries: [Mention] = []
        // "Chief Fire Officer (N Halstead)": a post with its holder's name in brackets;
        // any post where the name has its honorific ("Men's Captain (Mr Jack Pilling)").
        func postHolder(_ m: Mention) -> Bool {
            let k = m.range.lowerBound
            guard k - 2 >= segment.range.lowerBound, m.range.upperBound < scalars.count,
                  scalars[k - 1] == "(", scalars[k - 2] == " " || scalars[k - 2] == "\n", scalars[m.range.upperBound] == ")" else { return false }
            if m.honorific != nil, k - 3 >= segment.range.lowerBound, scalars[k - 3].properties.isAlphabetic { return true }
            let before = page.text.text(max(segment.range.lowerBound, k - 40)..<(k - 2))
            return extractor.roleWord(in: String(before.split(separator: " ").last ?? ""), page) != nil
        }
        // The post before its holder ("Men's Captain (Mr Jack Pilling)") is no name of its own.
        // (The next mention after it is the holder, with no "," or ";" between.)
        let ordered = all.sorted { $0.range.lowerBound < $1.range.lowerBound }
        var nextAfter: [Int: Mention] = [:]
        for (a, b) in zip(ordered, ordered.dropFirst()) where b.range.lowerBound > a.range.upperBound { nextAfter[a.range.lowerBound] = b }
        func post(_ m: Mention) -> Bool {
            guard m.honorific == nil, let h = nextAfter[m.range.lowerBound], h.honorific != nil, postHolder(h) else { return false }
            return !scalars[m.range.upperBound..<h.range.lowerBound].contains { $0 == "," || $0 == ";" }
        }
        for m in all where (depth[m.range.lowerBound - segment.range.lowerBound] == 0 || postHolder(m)) && m.range.lowerBound < firstCellEnd && !post(m)
            && !standIns.contains(where: { $0.overlaps(m.range) }) && !labels.contains(where: { $0.range.overlaps(m.range) }) {
            // A bare full name after a comma starts an entry only where the entry
            // before ends at its name ("Ann Grey and Tom Hale"), not in its role
            // ("Chief Executive, Healthwatch Quarrybank").
            if m.honorific == nil, let previous = entries.last, !startsLine(m.range.lowerBound, segment.range),
               let first = page.text.text(m.name).split(separator: " ").first, !PersonName.isInitial(String(first)) {
                let gap = outsideBrackets(min(previous.name.upperBound, m.range.lowerBound)..<m.range.lowerBound)
                let after = page.text.text(m.range.upperBound..<min(m.range.upperBound + 3, segment.range.upperBound))
                let between = previous.name.upperBound..<m.range.lowerBound
                let entryShaped = gap.hasSuffix("; ") || gap.hasSuffix(";") || after.hasPrefix(" –") || after.hasPrefix(" -")
                    || after.hasPrefix(" (") || labels.contains(where: { between.contains($0.range.lowerBound) })
                    || closesWithInitials(between) || endsWithPost(gap) || namedAfterPost(gap) || postBefore(between) != nil
                // Initials after a name without brackets ("Sue Morison SM, Gillian Miller GM") close its entry.
                let rest = Clean.entryTail(gap)
                if !entryShaped, rest.contains(where: { $0.isLetter }), !PersonName.isInitials(Substring(rest)) { continue }
            }
            entries.append(m)
        }
        var pluralHonorific: String?
        // A post written before a name after a separator ("…, Town Clerk M. Dale") is that name's role.
        var postsBefore: [Int: (start: Int, post: String)] = [:]
        for n in entries.indices {
            let gapStart = n > 0 ? max(entries[n - 1].range.upperBound, segment.range.lowerBound) : segment.range.lowerBound
            if let post = postBefore(gapStart..<entries[n].range.lowerBound) { postsBefore[n] = post }
        }
        for (n, mention) in entries.enumerated() {
            var tailEnd = n + 1 < entries.count ? entries[n + 1].range.lowerBound : segment.range.upperBound
            // A label after the name starts the next entry; it is no role of this one.
            if let next = labels.first(where: { $0.range.lowerBound >= mention.range.upperBound && $0.range.lowerBound < tailEnd }) {
                tailEnd = next.range.lowerBound
            }
            if let post = postsBefore[n + 1] { tailEnd = min(tailEnd, post.start) }
            var tail = mention.range.upperBound..<tailEnd
            var nameRange = mention.name
            var status = segment.status
            var labelRole: String?
            if let label = labels.last(where: { $0.range.upperBound <= mention.range.lowerBound }) {
                if let s = label.status, segment.status == .present || segment.status == .inAttendance { status = s }
                let previousEnd = n > 0 ? entries[n - 1].range.upperBound : segment.range.lowerBound
                if label.range.lowerBound >= previousEnd { labelRole = label.role }
            }
            var entry = Entry(status: status)
            entry.role = labelRole ?? postsBefore[n]?.post
            readTail(&tail, &nameRange, &entry, insideRefs: all.filter { depth[$0.range.lowerBound - segment.range.lowerBound] > 0 && tail.contains($0.range.lowerBound) })
            if segment.status == .apologies {
                entry.status = .apologies
                entry.substituteFor = nil
                entry.substituteInitials = nil
            }
            var honorific = mention.honorific
            if let h = honorific, let singular = Clean.singularHonorific(h) {
                pluralHonorific = singular
                honorific = pluralHonorific
            } else if honorific == nil {
                honorific = pluralHonorific
            }
            guard let name = PersonName(page.text.text(nameRange)) else { continue }
            let span = page.original(mention.range.lowerBound..<max(nameRange.upperBound, tail.upperBound)).span
            let lookup = roster.add(Roster.Entry(name: name, honorific: honorific, initials: entry.initials, role: entry.role,
                                                 organisation: entry.organisation, span: span, rule: mention.rule))
            guard case .person(let person) = ambiguityChecked(lookup, mention) else { continue }
            var substituteFor: Int?
            if let ref = entry.substituteFor, let refName = PersonName(page.text.text(ref.name)) {
                let r = roster.add(Roster.Entry(name: refName, honorific: ref.honorific, span: page.original(ref.range).span, rule: ref.rule))
                if case .person(let i) = ambiguityChecked(r, ref) { substituteFor = i }
            }
            if let initials = entry.substituteInitials {
                pendingSubstitutions.append((person, initials, span, segment.rule))
            }
            record(AttendanceExtractor.Record(person: person, status: entry.status, group: segment.group, substituteFor: substituteFor,
                                              arrived: entry.arrived, left: entry.left, span: span, rule: segment.rule))
        }
    }

    struct Label {
        var range: Range<Int>
        /// The status of the names after a group label ("Officers:"), if it gives one.
        var status: AttendanceStatus?
        /// A post ("Clerk:") is the role of the one person named after it.
        var role: String?
    }

    /// Group and post labels inside a register: "Directors:", "Invited Guests:", "Clerk:".
    mutating func registerLabels(_ range: Range<Int>) -> [Label] {
        var labels: [Label] = []
        for rule in extractor.labelRules {
            for m in page.matches(rule, in: range, diagnostics: &diagnostics) {
                guard case .success(let value) = m.value, let label = m.groups["label"],
                      !labels.contains(where: { $0.range.overlaps(m.range) }) else { continue }
                let text = Clean.entryTail(page.text.text(label))
                let isPost = !text.hasSuffix("s")
                    && extractor.roleWordRules.contains { !$0.matches(in: text, noting: page.text).isEmpty }
                labels.append(Label(range: m.range, status: AttendanceStatus(rawValue: value.fields["status"] ?? ""),
                                    role: isPost ? text : nil))
            }
        }
        return labels.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Whether an entry closes with its initials in brackets before `range` ends
    /// ("Pete Campbell, Chair (PC), Marcus Munro"): the next name starts an entry.
    func closesWithInitials(_ range: Range<Int>) -> Bool {
        let text = page.text.text(range)
        guard let open = text.lastIndex(of: "("), let close = text.lastIndex(of: ")"), open < close else { return false }
        let inside = text[text.index(after: open)..<close]
        let after = text[text.index(after: close)...].trimmingCharacters(in: .whitespaces)
        return PersonName.isInitials(inside) && (after.isEmpty || after == "," || after == ";")
    }

    /// A post of one to three capitalised words right before the next name, after
    /// a separator: ", Town Clerk " in "S Finch, Town Clerk M. Dale". Its start and text.
    func postBefore(_ gap: Range<Int>) -> (start: Int, post: String)? {
        let s = page.text.scalars
        var end = gap.upperBound
        while end > gap.lowerBound, s[end - 1] == " " { end -= 1 }
        var start = end
        var words = 0
        while start > gap.lowerBound, words < 3 {
            var w = start
            while w > gap.lowerBound, s[w - 1].properties.isAlphabetic || s[w - 1] == "-" || s[w - 1] == "." { w -= 1 }
            guard w < start, s[w].properties.isUppercase else { break }
            start = w
            words += 1
            guard start > gap.lowerBound, s[start - 1] == " " else { break }
            if start - 1 > gap.lowerBound, ",;:".unicodeScalars.contains(s[start - 2]) { start -= 1; break }
            start -= 1
        }
        while start < end, s[start] == " " { start += 1 }
        let separated = start == gap.lowerBound || ",;:".unicodeScalars.contains(s[start - 1])
            || s[start - 1] == " " && (start - 1 == gap.lowerBound || ",;:".unicodeScalars.contains(s[start - 2]))
        guard words > 0, separated else { return nil }
        let post = page.text.text(start..<end)
        guard let last = post.split(separator: " ").last, extractor.postWords.contains(last.trimmingCharacters(in: CharacterSet(charactersIn: ".")), noting: page.text) else { return nil }
        return (start, post)
    }

    /// "… and the Clerk - Adrian Hale", "…, Clerk: Ann Bell": a post, a dash (which
    /// normalised text writes "-") or colon, then the name that holds it. (After a
    /// comma a post is more often followed by its organisation: "Housing Officer,
    /// Tillbrook Homes".)
    func namedAfterPost(_ gap: String) -> Bool {
        if let last = gap.split(separator: " ").last, last.count > 1, last.hasSuffix(":") {
            return extractor.postWords.contains(last.dropLast(), noting: page.text)
        }
        return endsWithPost(gap, then: ["-"])
    }

    /// Whether the text between two names ends with a post and "and" ("Town Clerk and"):
    /// the name after it is a new entry, not part of a body's name.
    func endsWithPost(_ gap: String) -> Bool {
        endsWithPost(gap, then: ["and", "&"])
    }

    /// Whether `gap`'s last word is one of `joiners` and the word before it a post.
    private func endsWithPost(_ gap: String, then joiners: Set<Substring>) -> Bool {
        var words = gap.split(separator: " ")
        guard let last = words.popLast(), joiners.contains(last), let post = words.last else { return false }
        return extractor.postWords.contains(post, noting: page.text)
    }

    /// A register flattened from a column of full names has no separators
    /// left ("Ann Bell Tom Hale Dr Sue Carr Ian Webb"): when a list is only
    /// capitalised words, titles and single spaces, it is read as names of
    /// two words each, a title going with the name after it. Nil for any
    /// other list.
    ///
    /// The names may be followed by their posts, flattened the same way ("Chris Ash
    /// Gethin Hughes Anna Williams Interim Chair Interim Chief Executive …"): the
    /// names end at the first word that starts a post (`people.role-word`).
    mutating func pairedNames(_ range: Range<Int>) -> [Mention]? {
        let scalars = page.text.scalars
        var words: [Range<Int>] = []
        var start: Int?
        var rolesFollow = false
        func isRoleWord(_ word: Range<Int>) -> Bool {
            let text = page.text.text(word)
            return extractor.roleWord(in: text, page) == text
        }
        scan: for k in range {
            let c = scalars[k]
            if c == " " {
                // (A column gap is a layout of spaces, not a flattened list.)
                if start == nil, k > range.lowerBound, scalars[k - 1] == " " { return nil }
                if let s = start {
                    if isRoleWord(s..<k) {
                        guard words.count >= 6 else { return nil }
                        rolesFollow = true
                        break scan
                    }
                    words.append(s..<k); start = nil
                }
            } else if c.properties.isAlphabetic || c == "-" || c == "'" || c == "’" || c == "." {
                if start == nil { start = k }
            } else {
                return nil
            }
        }
        if !rolesFollow, let s = start { words.append(s..<range.upperBound) }
        guard words.count >= 6, !rolesFollow || words.count % 2 == 0 else { return nil }
        // Every word a capitalised name or a title: anything else is not such a register.
        for word in words {
            let text = page.text.text(word)
            guard let first = text.unicodeScalars.first, first.properties.isUppercase,
                  text.unicodeScalars.contains(where: { $0.properties.isLowercase }) else { return nil }
        }
        var out: [Mention] = []
        var w = 0
        while w < words.count {
            let word = page.text.text(words[w])
            var honorific: String?
            var from = w
            if extractor.registerTitles.contains(word.trimmingCharacters(in: CharacterSet(charactersIn: ".")), noting: page.text) {
                honorific = word
                from = w + 1
            }
            guard from + 1 < words.count else { return nil }
            for part in [words[from], words[from + 1]] {
                let text = page.text.text(part)
                guard !PersonName.isInitial(text), !extractor.registerTitles.contains(text, noting: page.text) else { return nil }
            }
            let name = words[from].lowerBound..<words[from + 1].upperBound
            out.append(Mention(range: words[w].lowerBound..<name.upperBound, name: name, honorific: honorific,
                               rule: extractor.listNameRules.first?.id ?? "people.listed-name"))
            w = from + 2
        }
        return out.count >= 3 ? out : nil
    }

    struct Entry {
        var status: AttendanceStatus
        var initials: String?
        var role: String?
        var organisation: String?
        var substituteFor: Mention?
        var substituteInitials: String?
        var arrived: String?
        var left: String?
    }

    /// Reads what follows a name up to the next entry: bracketed notes (role,
    /// initials, substitute, arrival), then a role or body after a separator.
    /// Shrinks `tail` to what belongs to the entry.
    mutating func readTail(_ tail: inout Range<Int>, _ name: inout Range<Int>, _ entry: inout Entry, insideRefs: [Mention]) {
        let s = page.text.scalars
        var outside = ""
        var depth = 0
        var noteStart = 0
        var lastMeaningful = tail.lowerBound
        for k in tail {
            let c = s[k]
            if c == "(" {
                if depth == 0 { noteStart = k + 1 }
                depth += 1
            } else if c == ")", depth > 0 {
                depth -= 1
                if depth == 0 {
                    readNote(noteStart..<k, &entry, insideRefs)
                    lastMeaningful = k + 1
                }
            } else if depth == 0 {
                outside.unicodeScalars.append(c)
                if !" \t\n,;.&\u{2029}".unicodeScalars.contains(c) { lastMeaningful = k + 1 }
            }
        }
        readSubstituteNote(tail, &entry)
        // Table rows: a cell of initials, a cell naming the status, then role and body.
        var cells: [String] = []
        for cell in outside.split(separator: "\t").map({ Clean.entryTail(String($0)) }) where !cell.isEmpty {
            if PersonName.isInitials(Substring(cell)) {
                entry.initials = entry.initials ?? cell
            } else if let (_, status) = extractor.headingStatus(cell, page) {
                entry.status = status
            } else {
                cells.append(cell)
            }
        }
        var text = cells.first ?? ""
        if cells.count > 1 {
            for cell in cells.dropFirst() {
                if isOrganisation(cell) { entry.organisation = entry.organisation ?? cell } else { entry.role = entry.role ?? cell }
            }
        }
        // "Cllr R Henry Stevenage Borough Council": a body's first word read as a surname.
        let nameWords = page.text.text(name).split(separator: " ")
        // One space, not a column gap, between the name and the body.
        let direct = outside.hasPrefix(" ") && !outside.hasPrefix("  ") && outside.dropFirst().first?.isLetter == true
        if direct, !text.isEmpty, isOrganisation(text),
           nameWords.filter({ !PersonName.isInitial(String($0)) }).count >= 2,
           let lastSpace = page.text.scalars[name].lastIndex(of: " ") {
            let cut = name.lowerBound + page.text.scalars[name].distance(from: page.text.scalars[name].startIndex, to: lastSpace)
            text = page.text.text(cut + 1..<name.upperBound) + " " + text
            name = name.lowerBound..<cut
        }
        if PersonName.isInitials(Substring(text)) {
            // "Sue Morison SM (Community Governor)": initials written after the name.
            entry.initials = entry.initials ?? text
        } else if !text.isEmpty, text.count <= 100, text.first?.isUppercase == true {
            if isOrganisation(text) { entry.organisation = text } else { entry.role = entry.role ?? text }
        }
        if text.count > 100 || (text.first.map { !$0.isLetter } ?? false) {
            // Prose after the entry is not part of it.
            tail = tail.lowerBound..<min(lastMeaningful, tail.lowerBound)
        } else {
            tail = tail.lowerBound..<lastMeaningful
        }
    }

    mutating func readNote(_ range: Range<Int>, _ entry: inout Entry, _ refs: [Mention]) {
        let note = Clean.entryTail(page.text.text(range))
        guard !note.isEmpty else { return }
        if PersonName.isInitials(Substring(note)) {
            entry.initials = note
            return
        }
        // "(for RS)", "(for Cllr Ray)": standing in for someone; "(for items 1 to 5)" is not.
        let lower = note.lowercased()
        let ref = refs.first { range.contains($0.range.lowerBound) }
        let words = note.split(separator: " ")
        let initials = words.count == 2 && PersonName.isInitials(words[1])
        if lower.contains("substitut") || (lower.hasPrefix("for ") && (ref != nil || initials)) {
            entry.status = .substitute
            entry.substituteFor = ref
            if ref == nil, let last = words.last, PersonName.isInitials(last) { entry.substituteInitials = String(last) }
            return
        }
        // "(Apologies)", "(absent)" beside a name in a list of members.
        if let (_, status) = extractor.headingStatus(note, page), status == .apologies || status == .absent {
            entry.status = status
            return
        }
        for rule in extractor.timeRules {
            if let m = page.matches(rule, in: range, diagnostics: &diagnostics).first, case .success(let v) = m.value {
                if v.fields["event"] == "left" { entry.left = v.fields["time"] } else { entry.arrived = v.fields["time"] }
                return
            }
        }
        if entry.role == nil, extractor.roleWordRules.contains(where: { !$0.matches(in: note, noting: page.text).isEmpty }) {
            entry.role = note
        }
    }

    /// Whether only white space or a bullet stands between the start of its line (or segment) and `k`.
    func startsLine(_ k: Int, _ segment: Range<Int>) -> Bool {
        var j = k - 1
        while j >= segment.lowerBound {
            let c = page.text.scalars[j]
            if c == "\n" || c == "\t" || c == "\u{2029}" { return true }
            if !(c == " " || c == "-" || c == "•" || c == "*") { return false }
            j -= 1
        }
        return true
    }

    /// The text of `range` without what stands in brackets.
    func outsideBrackets(_ range: Range<Int>) -> String {
        var out = ""
        var depth = 0
        for c in page.text.scalars[range] {
            if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) } else if depth == 0 { out.unicodeScalars.append(c) }
        }
        return out
    }

    /// "– deputising for GL", "Deputising for Beth Carrow": who a listed person stands in for.
    mutating func readSubstituteNote(_ tail: Range<Int>, _ entry: inout Entry) {
        for rule in extractor.substitutionRules {
            for m in page.matches(rule, in: tail, diagnostics: &diagnostics) where m.groups["person"] == nil {
                guard let target = m.groups["for"] else { continue }
                entry.status = .substitute
                let text = page.text.text(target)
                if PersonName.isInitials(Substring(text)) {
                    entry.substituteInitials = text
                } else {
                    entry.substituteFor = mentions(in: target, list: true).first
                        ?? Mention(range: target, name: target, honorific: nil, rule: rule.id)
                }
                return
            }
        }
    }

    func isOrganisation(_ text: String) -> Bool {
        extractor.organisationRules.contains { !$0.matches(in: text, noting: page.text).isEmpty }
    }

    /// Parenthesis depth before each scalar of `range`.
    func bracketDepths(_ range: Range<Int>) -> [Int] {
        var depth = 0
        var out: [Int] = []
        out.reserveCapacity(range.count + 1)
        for k in range {
            out.append(depth)
            if page.text.scalars[k] == "(" { depth += 1 } else if page.text.scalars[k] == ")", depth > 0 { depth -= 1 }
        }
        out.append(depth)
        return out
    }

    // MARK: Sentences

    mutating func readSubstitutions() {
        for rule in extractor.substitutionRules {
            for m in page.matches(rule, diagnostics: &diagnostics) {
                guard let who = m.groups["person"], let whom = m.groups["for"],
                      let sub = person(in: who), let absent = person(in: whom) else { continue }
                consumed.insert(m.range)
                let span = page.original(m.range).span
                var record = records[sub] ?? AttendanceExtractor.Record(person: sub, status: .substitute, span: span, rule: rule.id)
                if record.status != .apologies && record.status != .absent { record.status = .substitute }
                record.substituteFor = absent
                if record.rule != rule.id, record.span.start > span.start { (record.span, record.rule) = (span, rule.id) }
                records[sub] = record
            }
        }
    }

    /// The person named in `range` (with or without honorific), added to the roster.
    mutating func person(in range: Range<Int>) -> Int? {
        let mention = mentions(in: range, list: true).first
            ?? Mention(range: range, name: range, honorific: nil, rule: extractor.listNameRules.first?.id ?? "")
        guard let name = PersonName(page.text.text(mention.name)) else { return nil }
        let lookup = roster.add(Roster.Entry(name: name, honorific: mention.honorific, span: page.original(mention.range).span, rule: mention.rule))
        if case .person(let i) = ambiguityChecked(lookup, mention) { return i }
        return nil
    }

    mutating func readTimes() {
        for rule in extractor.timeRules {
            for m in page.matches(rule, diagnostics: &diagnostics) {
                guard !consumed.contains(m.range.lowerBound), case .success(let v) = m.value else { continue }
                // The person is the nearest name before, on the same line, at most 120 characters back.
                let reach = max(0, m.range.lowerBound - 120)
                let from = page.text.scalars[reach..<m.range.lowerBound].lastIndex(of: "\n").map { $0 + 1 } ?? reach
                guard let mention = mentions(in: from..<m.range.lowerBound, list: false).last,
                      let name = PersonName(page.text.text(mention.name)) else { continue }
                // Arriving or leaving says the person was there.
                let span = page.original(mention.range.lowerBound..<m.range.upperBound).span
                let lookup = roster.add(Roster.Entry(name: name, honorific: mention.honorific, span: page.original(mention.range).span, rule: mention.rule))
                guard case .person(let i) = ambiguityChecked(lookup, mention) else { continue }
                consumed.insert(mention.range)
                var record = records[i] ?? AttendanceExtractor.Record(person: i, status: .present, span: span, rule: rule.id)
                if v.fields["event"] == "left" { record.left = v.fields["time"] } else { record.arrived = v.fields["time"] }
                records[i] = record
            }
        }
    }

    /// Everyone named with an honorific elsewhere is a person of the document.
    mutating func readMentions() {
        for mention in mentions(in: 0..<page.text.count, list: false)
        where !consumed.overlaps(mention.range) {
            guard let name = PersonName(page.text.text(mention.name)) else { continue }
            _ = ambiguityChecked(roster.add(Roster.Entry(name: name, honorific: mention.honorific,
                                                         span: page.original(mention.range).span, rule: mention.rule)), mention)
        }
    }

    // MARK: Records

    /// One record a person: apologies and absence win over being listed, a
    /// substitute over a plain member.
    mutating func record(_ new: AttendanceExtractor.Record) {
        guard var old = records[new.person] else {
            records[new.person] = new
            return
        }
        func rank(_ s: AttendanceStatus) -> Int {
            switch s {
            case .apologies: 4
            case .absent: 3
            case .substitute: 2
            case .present, .inAttendance: 1
            }
        }
        if rank(new.status) > rank(old.status) {
            var replaced = new
            replaced.substituteFor = new.substituteFor ?? old.substituteFor
            replaced.arrived = new.arrived ?? old.arrived
            replaced.left = new.left ?? old.left
            records[new.person] = replaced
        } else {
            old.substituteFor = old.substituteFor ?? new.substituteFor
            old.arrived = old.arrived ?? new.arrived
            old.left = old.left ?? new.left
            records[new.person] = old
        }
    }

    mutating func ambiguityChecked(_ lookup: Roster.Lookup, _ mention: Mention) -> Roster.Lookup {
        if case .ambiguous(let fits) = lookup {
            let written = page.original(mention.range)
            diagnostics.append(roster.ambiguity(written.text, fits, span: written.span, rule: mention.rule))
        }
        return lookup
    }

    mutating func finish(into document: inout MinutesDocument) {
        for pending in pendingSubstitutions {
            switch roster.resolve(initials: pending.initials) {
            case .person(let absent):
                if var record = records[pending.person], record.substituteFor == nil {
                    record.substituteFor = absent
                    records[pending.person] = record
                }
            case .ambiguous(let fits):
                diagnostics.append(roster.ambiguity(pending.initials, fits, span: pending.span, rule: pending.rule))
            case .unknown:
                break
            }
        }
        let (people, ids) = roster.people()
        document.people = people
        document.attendance = records.values.sorted { ($0.span.start, $0.person) < ($1.span.start, $1.person) }.compactMap { r in
            guard let id = ids[r.person] else { return nil }
            return Attendance(person: id, status: r.status, group: r.group, substituteFor: r.substituteFor.flatMap { ids[$0] },
                              arrived: r.arrived, left: r.left, span: r.span, rule: r.rule)
        }
        document.diagnostics += diagnostics
    }
}

enum Clean {
    /// "Councillors" → "Councillor", "Messrs" → "Mr": a plural title written once for a list.
    static func singularHonorific(_ h: String) -> String? {
        let lower = h.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        if lower.hasPrefix("messrs") { return "Mr" }
        guard lower.hasSuffix("s"), lower.hasSuffix("councillors") || lower.hasSuffix("cllrs") || lower == "trustees" else { return nil }
        return String(h.trimmingCharacters(in: CharacterSet(charactersIn: ".")).dropLast())
    }

    /// "Core Attendees:" → "Core Attendees".
    static func group(_ raw: String) -> String {
        var s = raw.collapsingSpaces
        while let last = s.last, last == ":" || last == "-" || last == " " { s.removeLast() }
        return s
    }

    private static let joiners: Set<Substring> = ["and", "&", "-", "–", "—", ",", ";", ":", "•"]
    private static let edge: Set<Unicode.Scalar> = [",", ";", ":", "-", "–", "—", ".", " ", "•"]

    /// Separators and joining words around a role or body: ", – Police and Crime Commissioner and" → the role.
    static func entryTail(_ raw: String) -> String {
        var words = raw.collapsingSpaces.split(separator: " ")[...]
        while let first = words.first, joiners.contains(first) { words.removeFirst() }
        while let last = words.last, joiners.contains(last) { words.removeLast() }
        let joined = words.joined(separator: " ").unicodeScalars
        guard let start = joined.firstIndex(where: { !edge.contains($0) }),
              let end = joined.lastIndex(where: { !edge.contains($0) }) else { return "" }
        var s = String(joined[start...end])
        if s.hasSuffix(" and") { s.removeLast(4) }
        return s
    }
}

