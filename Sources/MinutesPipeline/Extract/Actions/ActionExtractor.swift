import Foundation
import MinutesCore
import MinutesRules
import MinutesText

/// Actions: rows of action logs (tables whose header names an action column
/// and an owner or due column), "Action:" blocks, and sentences the action
/// rules recognise. Owners are resolved to people where the document makes it
/// clear (names, initials); roles and teams stay text. Due dates get values
/// from the calendar rules.
struct ActionExtractor: Extractor {
    let columnRules: [Rule]
    let statusRules: [Rule]
    let refRules: [Rule]
    let sentenceRules: [Rule]
    let calendarRules: [Rule]
    let nextMeetingRules: [Rule]
    /// Names with an honorific and posts, for "he" and "she".
    let mentionRules: [Rule]
    let ownerRoleRules: [Rule]
    /// What an "Action:" line names when it names an owner.
    let markerOwnerRules: [Rule]
    /// Words of a sentence that says something is to be done.
    let taskWordRules: [Rule]
    /// Sentence rules of requests (`task: request`) that a task in the next sentence may answer.
    let requestRules: Set<String>
    let honorifics: Honorifics
    /// Initials that name a post or a body, not a person: `actions.role-initials`.
    let roleInitials: Lexicon
    /// The words before a date that make it a due date: `actions.due-preposition`.
    let duePrepositions: Lexicon

    init(rules: RuleBook) {
        let actions = rules.rules(for: "actions")
        columnRules = actions.filter { $0.yields == .actionColumn }
        statusRules = actions.filter { $0.yields == .actionStatus }
        refRules = actions.filter { $0.yields == .actionRef }
        sentenceRules = actions.filter { $0.yields == .action }
        calendarRules = rules.rules(for: "dates").filter { $0.yields == .calendar }
        nextMeetingRules = rules.rules(for: "meeting").filter { $0.yields == .nextMeeting }
        mentionRules = rules.rules(for: "people").filter { $0.yields == .person && $0.settings["context"] == nil }
        ownerRoleRules = actions.filter { $0.yields == .fragment && $0.id.hasSuffix(".owner-role") }
        markerOwnerRules = actions.filter { $0.yields == .fragment && $0.id.hasSuffix(".marker-owner") }
        taskWordRules = actions.filter { $0.yields == .fragment && $0.id.hasSuffix(".task-word") }
        requestRules = Set(sentenceRules.filter { $0.settings["task"] == "request" }.map(\.id))
        honorifics = Honorifics(rules: rules)
        roleInitials = Lexicon(actions, named: "role-initials")
        duePrepositions = Lexicon(actions, named: "due-preposition")
    }

    struct Found {
        var range: Range<Int>
        var ref: String?
        var owners: [String]
        var ownersAt: Range<Int>?
        var due: RuleMatch?
        var dueText: String?
        var status: ActionStatus?
        var rule: String
        /// A log row's action cell carried on in the rows below ("slippage by scheme").
        var carriedOn: [Range<Int>] = []
    }

    /// How many log rows either side of a prose action it is compared with.
    static let retellingReach = 64

    func extract(from page: Page, into document: inout MinutesDocument) {
        var diagnostics: [Diagnostic] = []
        let calendar = Calendar(meetingDate: document.meeting.date,
                                nextMeeting: DateExtractor.meetingDate(nextMeetingRules, page, document.meeting.date, after: true, &diagnostics))
        var found: [Found] = []
        /// Cells of action logs: their text is read as the log's, not as sentences.
        var tables: [Range<Int>] = []
        // A log's header may stand in a table of its own, its rows in later tables
        // (minutes laid out as one table per item): the columns carry on.
        var columns: [String: Int]?
        page.tree.walk { block in
            guard block.kind == .table, let first = block.children.first else { return }
            if let header = logColumns(first, page) {
                columns = header
                found += logRows(block.children.dropFirst(), header, page)
                tables += logCells(block.children[...], header)
            } else if let columns, first.children.count == block.children.map(\.children.count).max(),
                      columns.values.allSatisfy({ $0 < first.children.count }) {
                found += logRows(block.children[...], columns, page)
                tables += logCells(block.children[...], columns)
            }
        }
        let cells = RangeIndex(tables)
        // The people of the minutes, for owners: read once, since actions add none.
        let roster = page.shared.roster(of: document.people)
        // Where each action found so far lies, kept with `found`.
        var foundAt = RangeIndex(found.map(\.range))
        func add(_ f: Found) {
            found.append(f)
            foundAt.insert(f.range)
        }
        // Sentences: the rules in priority order; one action a sentence.
        let matches = sentenceRules.map { page.matches($0, diagnostics: &diagnostics) }
        // Markers that name the owner of the sentence before them ("… full. ACTION – JP"):
        // a sentence before one starts after the marker before it.
        let markerEnds = zip(sentenceRules, matches).flatMap { rule, found in
            rule.settings["text"] == "before" ? found.map(\.range.upperBound) : []
        }.sorted()
        /// The last action found with no owner in the paragraph of `sentence`,
        /// after `floor`: "It was AGREED that the contractor would be instructed
        /// … . Members thanked the resident. Action: Clerk" gives the Clerk the task,
        /// not the thanks.
        func ownerless(before sentence: Range<Int>, after floor: Int) -> Int? {
            let block = page.textBlock(at: sentence.lowerBound)
            let lo = max(block.lowerBound, floor)
            return found.indices.filter { i in
                found[i].owners.isEmpty && found[i].range.lowerBound >= lo && found[i].range.upperBound <= sentence.lowerBound
                    && !cells.contains(found[i].range.lowerBound)
            }.max { found[$0].range.lowerBound < found[$1].range.lowerBound }
        }
        // Markers that name the owner of a sentence before them go last, when the
        // sentences they may belong to have been found.
        let ordered = zip(sentenceRules, matches).enumerated().sorted { a, b in
            let x = a.element.0.settings["text"] == "before", y = b.element.0.settings["text"] == "before"
            return x == y ? a.offset < b.offset : y
        }.map(\.element)
        /// Markers whose owners went to a sentence: an "Action:" block they open is read.
        var markersRead: [Range<Int>] = []
        for (rule, ruleMatches) in ordered {
            for m in ruleMatches where !cells.contains(m.range.lowerBound) {
                guard case .success(let value) = m.value else { continue }
                // "… berth PI": owners that only a register can tell from other capitals.
                if value.fields["owner-known"] == "registered",
                   !ActionExtractor.split(value.fields["owner"] ?? "").allSatisfy({ registered($0, roster, document.people, page) }) { continue }
                let owner = value.fields["owner"] ?? ""
                if value.fields["text"] == "before" {
                    // "(Action: VH/JS)": the owners of the sentence before the marker.
                    // (A marker may stand in a column of its own, far to the right of its sentence.)
                    var k = m.range.lowerBound
                    while k > 1, Segmenter.isSpace(page.text.scalars[k - 1]) { k -= 1 }
                    var sentence = page.sentence(around: max(k - 1, 0)..<k)
                    // (A line with no full stop runs on into the next; the marker ends it.)
                    sentence = sentence.lowerBound..<max(sentence.lowerBound, min(sentence.upperBound, m.range.upperBound))
                    if let end = markerEnds.last(where: { $0 > sentence.lowerBound && $0 <= m.range.lowerBound }) {
                        var lo = end
                        while lo < sentence.upperBound, Segmenter.isSpace(page.text.scalars[lo]) { lo += 1 }
                        sentence = lo..<max(lo, sentence.upperBound)
                    }
                    // Initials after a line of a register ("Director of Nursing KP") are not an owner.
                    if value.fields["owner-known"] == "registered" {
                        let span = page.original(sentence).span
                        if page.text.text(sentence).split(whereSeparator: \.isWhitespace).count < 6
                            || !taskWordRules.contains(where: { !page.matches($0, in: sentence, diagnostics: &diagnostics).isEmpty })
                            || document.attendance.contains(where: { $0.span.start < span.end && span.start < $0.span.end }) { continue }
                    }
                    let owners = ActionExtractor.split(owner)
                    let floor = markerEnds.last { $0 <= sentence.lowerBound } ?? 0
                    if let i = foundAt.firstOverlapping(sentence) ?? ownerless(before: sentence, after: floor) {
                        found[i].owners = owners
                    } else if !sentence.isEmpty {
                        add(Found(range: sentence, owners: owners, rule: rule.id))
                    }
                    markersRead.append(m.range)
                    continue
                }
                // "ACTION: Highways team (KS) to report …": the marker heads a block; the sentence is in it.
                var at = m.range
                if let o = m.groups["owner"], !o.isEmpty, page.textBlock(at: m.range.lowerBound) != page.textBlock(at: o.lowerBound) {
                    at = o.lowerBound..<m.range.upperBound
                }
                var sentence = page.sentence(around: at)
                // "Members attended the conference and it was agreed that a note would be
                // circulated": the task is what was agreed, not the clause before it.
                if value.fields["text"] == "clause", m.range.lowerBound > sentence.lowerBound, m.range.lowerBound < sentence.upperBound {
                    sentence = m.range.lowerBound..<sentence.upperBound
                }
                guard !foundAt.overlaps(sentence) else { continue }
                var owners = ActionExtractor.split(owner)
                if let pronoun = owners.first, ["he", "she"].contains(pronoun.lowercased()) {
                    owners = antecedent(before: m.range.lowerBound, page).map { [$0] } ?? []
                }
                // A task with no owner is due by a date after its words ("… deferred to the
                // March meeting"), not one the sentence opened with ("Saturday 15th June").
                let ownersAt = m.groups["owner"].flatMap { $0.isEmpty ? nil : $0 } ?? (m.range.lowerBound..<m.range.lowerBound)
                add(Found(range: sentence, owners: owners, ownersAt: ownersAt, rule: rule.id))
            }
        }
        // "Action: Clerk" blocks name the owner of the sentence before them.
        page.tree.walk { block in
            guard block.kind == .action, let heading = block.heading else { return }
            // (A marker can reach past its block: "Action:" and the blank lines after it, before a table.)
            let content = block.children.first?.range ?? (min(heading.range.upperBound, block.range.upperBound)..<block.range.upperBound)
            if foundAt.overlaps(content) || markersRead.contains(where: { $0.overlaps(block.range) }) { return }
            let named = Clean.entryTail(page.text.text(content))
            guard !named.isEmpty else { return }
            // "Action: To put the notice on the board.": the line is the task, and no one is named.
            let line = ActionExtractor.paragraphs(content, page).first ?? content
            guard namesOwner(line, page, &diagnostics) else {
                add(Found(range: line, owners: [], rule: heading.rule))
                return
            }
            let owners = ActionExtractor.split(named)
            guard !owners.isEmpty, owners.joined().count <= 60 else { return }
            let before = page.sentence(around: max(block.range.lowerBound - 2, 0)..<max(block.range.lowerBound - 1, 0))
            let floor = markerEnds.last { $0 <= before.lowerBound } ?? 0
            if let i = foundAt.firstOverlapping(before) ?? ownerless(before: before, after: floor) {
                found[i].owners = owners
            } else if !before.isEmpty {
                add(Found(range: before, owners: owners, rule: heading.rule))
            }
        }
        // An action recorded in a log and also told in the minutes' prose is one
        // action: the log row stands.
        let inLog = found.map { cells.contains($0.range.lowerBound) }
        let logged = zip(found, inLog).filter(\.1).map { f, _ in
            (at: f.range.lowerBound, words: Text.WordCounts(([f.range] + f.carriedOn).map { page.text.text($0) }.joined(separator: " ")),
             owners: ActionExtractor.ownerKeys(f.owners))
        }.sorted { $0.at < $1.at }
        var kept: [Found] = []
        for (f, isLog) in zip(found, inLog) {
            if !isLog {
                let words = Text.WordCounts(page.text.text(f.range))
                let owners = ActionExtractor.ownerKeys(f.owners)
                // The same words, or the same owner and much the same task; in a
                // document of more log rows than minutes have, the rows nearest.
                let near = logged.partitionPoint { $0.at >= f.range.lowerBound }
                let reach = ActionExtractor.retellingReach
                let candidates = logged.count <= 4 * reach ? logged[...] : logged[max(0, near - reach)..<min(logged.count, near + reach)]
                let retold = candidates.contains { log in
                    let sameOwner = !log.owners.isEmpty && log.owners == owners
                    let d = log.words.dice(words, atLeast: sameOwner ? 0.35 : 0.5)
                    return d >= 0.5 || (sameOwner && d >= 0.35)
                }
                if retold { continue }
            }
            kept.append(f)
        }
        found = kept
        found.sort { $0.range.lowerBound < $1.range.lowerBound }
        found = answered(found, page)
        for f in found {
            let original = page.original(f.range)
            var due: DueDate?
            // A date after the owner or the task's words first; for a task with no owner,
            // else one before its words ("deferred to the next meeting to allow … to be provided").
            if let date = f.due ?? firstDate(in: f.range, after: f.ownersAt?.upperBound ?? f.range.lowerBound, page)
                ?? followingDate(f.range, page) ?? (f.owners.isEmpty ? firstDate(in: f.range, after: f.range.lowerBound, page) : nil) {
                let v = (try? date.value.get()).map { calendar.value(of: $0.fields, future: true) }
                due = DueDate(text: page.original(date.range).text, date: v?.value, resolved: v?.resolved == true ? true : nil)
            } else if let text = f.dueText {
                due = DueDate(text: text, date: nil)
            }
            let owners = f.owners.map { text -> ActionOwner in
                ActionOwner(text: text, person: person(text, roster, document.people, span: original.span, page, &diagnostics))
            }
            document.actions.append(ActionItem(ref: f.ref, item: page.itemID(at: f.range.lowerBound, in: document), text: original.text,
                                               owners: owners, due: due, status: f.status, rule: f.rule, span: original.span))
        }
        document.diagnostics += diagnostics
    }

    // MARK: Action logs

    /// The columns of an action log, where `row` is its header: an action column and an owner or due column.
    func logColumns(_ row: Block, _ page: Page) -> [String: Int]? {
        var columns: [String: Int] = [:]
        for (i, cell) in row.children.enumerated() {
            let text = page.text.text(cell.range).replacingScalar("\u{2029}", with: " ")
            for rule in columnRules {
                if let m = rule.matches(in: text, noting: page.text).first, !m.text.isEmpty, let column = rule.settings["column"], columns[column] == nil {
                    columns[column] = i
                    break
                }
            }
        }
        guard columns["action"] != nil, columns["owner"] != nil || columns["due"] != nil else { return nil }
        return columns
    }

    /// The cells of a log's own columns; other columns (a discussion column) are prose.
    func logCells(_ rows: ArraySlice<Block>, _ columns: [String: Int]) -> [Range<Int>] {
        rows.flatMap { row in columns.values.compactMap { $0 < row.children.count ? row.children[$0].range : nil } }
    }

    /// One action a row; a row with no ref, owner or due where the log has them carries on the row above.
    func logRows(_ rows: ArraySlice<Block>, _ columns: [String: Int], _ page: Page) -> [Found] {
        let rule = columnRules.first { $0.settings["column"] == "action" }?.id ?? "action.log"
        var out: [Found] = []
        /// Whether this log writes its refs inside the action cells.
        var refsInCells = false
        for row in rows {
            func cell(_ name: String) -> Range<Int>? {
                guard let i = columns[name], i < row.children.count else { return nil }
                let r = row.children[i].range
                return page.text.text(r).trimmingSpaces(lineEnds: false).isEmpty ? nil : r
            }
            guard let action = cell("action") else { continue }
            let refCell = cell("ref")
            // A row of only an action cell carries on the row above: always where the
            // log numbers its rows, else when it opens in lower case ("slippage by scheme").
            let opensLower = page.text.scalars[action].first { !Segmenter.isSpace($0) }?.properties.isLowercase == true
            if columns["ref"] != nil || opensLower, refCell == nil, cell("owner") == nil, cell("due") == nil, !out.isEmpty {
                out[out.count - 1].carriedOn.append(action)
                continue
            }
            // A cell of several actions, one a paragraph, each after its reference
            // ("106/16 – VH to …"); a first paragraph without one carries on the row above.
            let paragraphs = ActionExtractor.paragraphs(action, page)
            let refs = paragraphs.map { refPrefix($0, page) }
            var entries: [(range: Range<Int>, ref: String?)] = [(action, refCell.map { Clean.entryTail(page.text.text($0)) })]
            if refCell == nil, refs.contains(where: { $0 != nil }) {
                entries = zip(paragraphs, refs).compactMap { p, r in r.map { (p, $0) } }
                refsInCells = true
            } else if refCell == nil, refsInCells {
                continue
            }
            let ownerParts = cell("owner").map { ActionExtractor.paragraphs($0, page) } ?? []
            for (n, entry) in entries.enumerated() {
            var f = Found(range: entry.range, ref: entry.ref, owners: [], rule: rule)
            if let owner = cell("owner") {
                let own = ownerParts.count == entries.count ? ownerParts[n] : owner
                f.owners = ActionExtractor.split(page.text.text(own).replacingScalar("\u{2029}", with: " "))
                f.ownersAt = own
            }
            if let due = cell("due") {
                f.due = firstDate(in: due, after: nil, page)
                // A cell of only marks ("-", "–") names no due date: the schema wants text.
                let text = Clean.entryTail(page.original(due).text)
                if f.due == nil, !text.isEmpty { f.dueText = text }
            }
            if let status = cell("status") {
                let text = page.text.text(status).replacingScalar("\u{2029}", with: " ")
                for r in statusRules {
                    if let m = r.matches(in: text, noting: page.text).first, !m.text.isEmpty {
                        f.status = ActionStatus(rawValue: r.settings["status"] ?? "")
                        break
                    }
                }
            }
            out.append(f)
            }
        }
        return out
    }

    /// The paragraphs of a cell (separated by U+2029), trimmed.
    static func paragraphs(_ range: Range<Int>, _ page: Page) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = range.lowerBound
        func add(_ r: Range<Int>) {
            var lo = r.lowerBound, hi = r.upperBound
            while lo < hi, Segmenter.isSpace(page.text.scalars[lo]) { lo += 1 }
            while hi > lo, Segmenter.isSpace(page.text.scalars[hi - 1]) { hi -= 1 }
            if lo < hi { out.append(lo..<hi) }
        }
        for k in range where page.text.scalars[k] == "\u{2029}" {
            add(start..<k)
            start = k + 1
        }
        add(start..<range.upperBound)
        return out
    }

    /// "106/16 – …": the reference that opens a paragraph.
    func refPrefix(_ range: Range<Int>, _ page: Page) -> String? {
        for rule in refRules {
            if let m = page.matches(rule, in: range).first, m.range.lowerBound == range.lowerBound || page.text.text(range.lowerBound..<m.range.lowerBound).allSatisfy(\.isWhitespace),
               case .success(let v) = m.value { return v.fields["ref"] }
        }
        return nil
    }

    // MARK: Dates

    /// The due date in `range`: in a sentence (`after` the owner), the first
    /// date that follows "by", "before", "for", "to", "at", "until" or "prior
    /// to", else the first date; in a cell, the first date.
    func firstDate(in range: Range<Int>, after: Int?, _ page: Page) -> RuleMatch? {
        var all: [RuleMatch] = []
        for rule in calendarRules {
            for m in page.matches(rule, in: range) {
                guard case .success = m.value else { continue }
                if let after, m.range.lowerBound < after { continue }
                all.append(m)
            }
        }
        all.sort { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) }
        // Drop dates inside a longer one ("June" in "30 June 2023").
        var dates: [RuleMatch] = []
        for m in all where !dates.contains(where: { $0.range.overlaps(m.range) }) { dates.append(m) }
        guard after != nil else { return dates.first }
        let due = dates.first { m in
            let said = page.text.text(m.range).lowercased()
            // "the precept for 2025/26": a year is what a thing is for, not when it is due.
            let year = said.allSatisfy { $0.isNumber || $0 == "/" || $0 == "-" }
            return duePreposition(before: m.range.lowerBound, from: range.lowerBound, page).map { !(year && $0.hasPrefix("for ")) } ?? false
                || isNextMeeting(before: m.range.lowerBound, from: range.lowerBound, page)
                || ["by ", "for ", "before ", "until "].contains { said.hasPrefix($0) }
        }
        // Otherwise a date that says when, not what happened "in March" or "since June",
        // nor which thing ("report on the 2024/25 programme").
        return due ?? dates.first { m in
            !["in ", "since ", "from ", "of ", "after ", "during "].contains { page.text.text(m.range).lowercased().hasPrefix($0) }
                && !page.text.text(max(range.lowerBound, m.range.lowerBound - 4)..<m.range.lowerBound).lowercased().hasSuffix("the ")
        }
    }

    /// "… was added to the Forward Plan. This will be brought back to the May
    /// meeting.": a due date in the sentence after, where it speaks of the same task.
    func followingDate(_ range: Range<Int>, _ page: Page) -> RuleMatch? {
        let block = page.textBlock(at: range.lowerBound)
        var k = range.upperBound
        while k < block.upperBound, Segmenter.isSpace(page.text.scalars[k]) { k += 1 }
        guard k < block.upperBound else { return nil }
        let next = page.sentence(around: k..<k)
        let opening = page.text.text(next).lowercased()
        guard ["this ", "it ", "these "].contains(where: { opening.hasPrefix($0) }) else { return nil }
        return firstDate(in: next, after: next.lowerBound, page)
    }

    /// The due preposition ending right before `k` ("by ", "in time for "), at most
    /// 12 characters back and not before `lo`, as the lexicon has it (lower case).
    func duePreposition(before k: Int, from lo: Int, _ page: Page) -> String? {
        let lead = Array(page.text.text(max(lo, k - 12)..<k).lowercased().unicodeScalars)
        // The longest first: "by the " rather than "the ".
        for start in lead.indices {
            var tail = String.UnicodeScalarView()
            tail.append(contentsOf: lead[start...])
            if duePrepositions.contains(String(tail), noting: page.text) { return String(tail) }
        }
        return nil
    }

    /// "before the next Parish Meeting in July": a date right after the next meeting
    /// a task is due at ("the next … meeting", up to two words between, then "in" or "on").
    func isNextMeeting(before k: Int, from lo: Int, _ page: Page) -> Bool {
        let from = max(lo, k - 48)
        var words = page.text.text(from..<k).lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        // (A window that starts inside a word drops it: "into" is no "to".)
        if from > lo, !Segmenter.isSpace(page.text.scalars[from - 1]), !words.isEmpty { words.removeFirst() }
        if let last = words.last, last == "in" || last == "on" { words.removeLast() }
        guard let m = words.lastIndex(of: "meeting"), m == words.count - 1,
              let next = words[..<m].lastIndex(of: "next"), m - next <= 3, next >= 2, words[next - 1] == "the" else { return false }
        return duePrepositions.contains(words[next - 2] + " the ", noting: page.text)
    }


    // MARK: Owners

    /// Whether the text after an "Action:" marker is whoever must act (the
    /// fragment actions.marker-owner, the whole text) rather than the task.
    func namesOwner(_ line: Range<Int>, _ page: Page, _ diagnostics: inout [Diagnostic]) -> Bool {
        for rule in markerOwnerRules {
            if let m = page.matches(rule, in: line, diagnostics: &diagnostics).first,
               m.range.lowerBound == line.lowerBound,
               page.text.text(m.range.upperBound..<line.upperBound).allSatisfy(\.isWhitespace) { return true }
        }
        return false
    }

    /// "VH/JS", "Cllrs Cole and Bhatt", "Chair and Vice-Chair" → one owner each.
    static func split(_ text: String) -> [String] {
        var cleaned = text.replacingScalar("\u{2029}", with: " ").trimmingSpaces()
        // "KV (items 2 and 3)": which of the tasks above are theirs, not a name.
        if let open = cleaned.lastIndex(of: "("), cleaned.hasSuffix(")"),
           ["item", "items", "point", "points", "minute", "minutes"].contains(where: { cleaned[cleaned.index(after: open)...].lowercased().hasPrefix($0 + " ") }) {
            cleaned = String(cleaned[..<open]).trimmingSpaces()
        }
        guard !cleaned.isEmpty else { return [] }
        var parts = cleaned.components(separatedBy: CharacterSet(charactersIn: "/,;&"))
            .flatMap { $0.components(separatedBy: " and ") }
            .map { Clean.entryTail($0) }
            .filter { !$0.isEmpty }
        // "Highways team (KS)": the team and the person who leads for it.
        parts = parts.flatMap { p -> [String] in
            guard p.hasSuffix(")"), let open = p.lastIndex(of: "("), open > p.startIndex else { return [p] }
            let inner = p[p.index(after: open)..<p.index(before: p.endIndex)]
            let outer = p[..<open].trimmingCharacters(in: .whitespaces)
            guard PersonName.isInitials(inner), !outer.isEmpty else { return [p] }
            return [outer, String(inner)]
        }
        // "Cllrs Cole and Bhatt": the plural honorific belongs to each.
        if let first = parts.first, let space = first.firstIndex(of: " "),
           ["cllrs", "councillors"].contains(first[..<space].lowercased()) {
            parts[0] = String(first[first.index(after: space)...])
        }
        return parts.map { p in
            var s = p
            for prefix in ["the ", "The "] where s.hasPrefix(prefix) { s.removeFirst(prefix.count) }
            return s
        }
    }

    /// The person an owner names: initials given or made from names, or a name;
    /// roles and teams are not people. Initials that fit nobody are reported.
    func person(_ text: String, _ roster: Roster, _ people: [Person], span: Span, _ page: Page, _ diagnostics: inout [Diagnostic]) -> String? {
        if PersonName.isInitials(Substring(text)) {
            switch roster.resolve(initials: text) {
            case .person(let i): return people[i].id
            case .ambiguous(let fits):
                diagnostics.append(roster.ambiguity(text, fits, what: "action owner ", span: span, rule: nil))
                return nil
            case .unknown:
                if roleInitials.contains(text, noting: page.text) { return nil }
                diagnostics.append(Diagnostic(code: .actionOwnerUnknown, severity: .error,
                    message: "action owner '\(text)' matches no one in the attendance or people of the minutes; check the initials",
                    span: span))
                return nil
            }
        }
        return roster.personID(named: text, people, honorifics, noting: page.text)
    }

    /// Whether `owner` is initials or a name that fits exactly one person of the minutes.
    func registered(_ owner: String, _ roster: Roster, _ people: [Person], _ page: Page) -> Bool {
        roster.personID(written: owner, people, honorifics, noting: page.text) != nil
    }

    /// "Members asked for the audit to be followed up. ACC Held agreed to bring an
    /// update on the audit …": a request with no owner, answered in the very next
    /// sentence by an owned task on the same thing, is that task told twice.
    func answered(_ found: [Found], _ page: Page) -> [Found] {
        guard !requestRules.isEmpty else { return found }
        return found.indices.compactMap { i in
            let f = found[i]
            guard requestRules.contains(f.rule), f.owners.isEmpty, i + 1 < found.count else { return f }
            let next = found[i + 1]
            guard !next.owners.isEmpty, f.range.upperBound <= next.range.lowerBound else { return f }
            // Only white space between them: the next sentence, or the next paragraph.
            let between = page.text.scalars[f.range.upperBound..<next.range.lowerBound]
            guard between.allSatisfy(Segmenter.isSpace), between.filter({ !($0 == " " || $0 == "\t") }).count <= 2 else { return f }
            let same = Text.WordCounts(page.text.text(f.range)).dice(Text.WordCounts(page.text.text(next.range)), atLeast: 0.25) >= 0.25
            return same ? nil : f
        }
    }

    /// Owners compared as the same whoever wrote them: "The Treasurer" is the log's "Treasurer".
    static func ownerKeys(_ owners: [String]) -> Set<String> {
        Set(owners.map { owner in
            let key = owner.lowercased()
            return key.hasPrefix("the ") ? String(key.dropFirst(4)) : key
        })
    }

    /// Posts written as capitals: never a person's initials.

    /// "he"/"she": the last person named with an honorific before `k` in its paragraph.
    func antecedent(before k: Int, _ page: Page) -> String? {
        // The subject of the sentence ("The PCC commented that he would …").
        let sentence = page.sentence(around: k..<k)
        // (A match that opens with white space can start before its trimmed sentence.)
        let opening = page.text.text(min(sentence.lowerBound, k)..<k)
        // "Action complete – The Clerk said he …": the subject follows a label and its dash
        // (which normalised text writes "-").
        let labelled = opening.range(of: " - ").map { String(opening[$0.upperBound...]) }
        for clause in [opening, labelled].compactMap({ $0 }) {
            let subject = clause.hasPrefix("The ") ? String(clause.dropFirst(4)) : clause
            // "VH said that she would …": initials as the subject.
            if let first = subject.split(separator: " ").first, PersonName.isInitials(first) { return String(first) }
            for rule in ownerRoleRules {
                if let m = rule.matches(in: subject, noting: page.text).first, !m.text.isEmpty { return m.text }
            }
        }
        let block = page.textBlock(at: k)
        let mentions = mentionRules.flatMap { page.matches($0, in: block.lowerBound..<k) }
        return mentions.max { $0.range.lowerBound < $1.range.lowerBound }.map { page.text.text($0.range) }
    }
}

extension Roster {
    /// A roster of the people already found, for resolving names and initials.
    init(people: [Person]) {
        self.init()
        for p in people {
            guard let name = PersonName(p.name) else { continue }
            insert(Entry(name: name, honorific: p.honorific, initials: p.initials, role: p.role, organisation: p.organisation,
                          span: p.span, rule: p.rule ?? ""))
        }
    }
}
