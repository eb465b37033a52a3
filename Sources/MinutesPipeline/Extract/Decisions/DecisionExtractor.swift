import Foundation
import MinutesCore
import MinutesRules
import MinutesText

/// Decisions: every entry of a "Resolved" or "Recommendations" block (one per
/// number where the block is a numbered list), and sentences the decision
/// rules recognise ("It was agreed that …", "The Panel noted the report",
/// minutes confirmed as a correct record, a bare "Agreed."). Each decision
/// belongs to the item whose block holds it.
struct DecisionExtractor: Extractor {
    let rules: [Rule]
    let motions: MotionReader
    /// Openings of sentences that belong to the register, never a decision
    /// ("Apologies from Cllr Hale were accepted.").
    let registerOpenings: [Rule]
    let honorifics: Honorifics

    init(rules: RuleBook) {
        self.rules = rules.rules(for: "decisions").filter { $0.yields == .decision }
        motions = MotionReader(rules: rules)
        registerOpenings = rules.rules(for: "decisions").filter { $0.yields == .fragment && $0.id.hasSuffix(".register-sentence") }
        honorifics = Honorifics(rules: rules)
    }

    func extract(from page: Page, into document: inout MinutesDocument) {
        var found: [(range: Range<Int>, kind: DecisionKind, rule: String)] = []
        var markers: [Range<Int>] = []
        var asides: [Range<Int>] = []
        page.tree.walk { block in
            if block.kind == .reasons { asides.append(block.range) }
            guard block.kind == .resolution, let heading = block.heading else { return }
            // The marker and its lead-in ("RESOLVED that:") are not decisions of their own.
            let entries = DecisionExtractor.entries(of: block, page)
            let leadEnd = entries.first?.lowerBound ?? block.range.upperBound
            markers.append(block.range.lowerBound..<max(block.range.lowerBound, leadEnd))
            let kind = DecisionKind(rawValue: heading.fields["kind"] ?? "") ?? .resolved
            for entry in entries {
                found.append((entry, DecisionExtractor.kind(of: entry, page, in: kind), heading.rule))
            }
        }
        var diagnostics: [Diagnostic] = []
        let markedAt = RangeIndex(markers + asides)
        var foundAt = RangeIndex(found.map(\.range))
        for rule in rules {
            for m in page.matches(rule, diagnostics: &diagnostics) {
                guard case .success(let value) = m.value, let kind = DecisionKind(rawValue: value.fields["kind"] ?? ""),
                      !markedAt.contains(m.range.lowerBound) else { continue }
                var sentence = page.sentence(around: m.range)
                // "While the Panel supported …, it was agreed to …": the decision is the clause.
                // (A match that opens with white space can start before its trimmed sentence.)
                if sentence.lowerBound < m.range.lowerBound, m.range.lowerBound < sentence.upperBound {
                    let before = page.text.text(sentence.lowerBound..<m.range.lowerBound)
                    if before.hasSuffix(", ") || before.hasSuffix(" and ") || before.hasSuffix(", and ") {
                        sentence = m.range.lowerBound..<sentence.upperBound
                    }
                }
                // "Decision: That …" in a line of other things: the decision is what follows the label.
                if rule.settings["text"] == "after" {
                    var lo = m.range.upperBound
                    while lo < sentence.upperBound, Segmenter.isSpace(page.text.scalars[lo]) { lo += 1 }
                    guard lo < sentence.upperBound else { continue }
                    sentence = lo..<sentence.upperBound
                }
                if rule.settings["text"] == "match" {
                    var lo = m.range.lowerBound
                    while lo < m.range.upperBound, Segmenter.isSpace(page.text.scalars[lo]) { lo += 1 }
                    sentence = lo..<m.range.upperBound
                }
                // "This was agreed.": what was agreed is the sentence before, in the same paragraph.
                if rule.settings["text"] == "before" {
                    let block = page.textBlock(at: sentence.lowerBound)
                    var k = sentence.lowerBound
                    while k > block.lowerBound, Segmenter.isSpace(page.text.scalars[k - 1]) { k -= 1 }
                    if k > block.lowerBound {
                        let previous = page.sentence(around: (k - 1)..<k)
                        if previous.lowerBound < sentence.lowerBound { sentence = previous.lowerBound..<sentence.upperBound }
                    }
                }
                // One decision a sentence: the first rule (highest priority) to claim it.
                guard !foundAt.overlaps(sentence) else { continue }
                let opening = sentence.lowerBound..<min(sentence.upperBound, sentence.lowerBound + 40)
                if registerOpenings.contains(where: { rule in
                    page.matches(rule, in: opening, diagnostics: &diagnostics).contains { $0.range.lowerBound == opening.lowerBound && !$0.range.isEmpty }
                }) { continue }
                // A lead-in ("… it was RESOLVED that:") is never a decision; the points below it are.
                if DecisionExtractor.lastVisible(sentence, page.text.scalars) == ":",
                   !DecisionExtractor.namesItsList(page.text.text(sentence)) {
                    let points = DecisionExtractor.points(after: sentence, page).filter { !foundAt.overlaps($0) }
                    if !points.isEmpty {
                        for point in points {
                            found.append((point, DecisionExtractor.kind(of: point, page, in: kind), rule.id))
                            foundAt.insert(point)
                        }
                        foundAt.insert(sentence)
                        continue
                    }
                }
                for point in DecisionExtractor.splitPoints(sentence, page) {
                    found.append((point, point == sentence ? kind : DecisionExtractor.kind(of: point, page, in: kind), rule.id))
                }
                foundAt.insert(sentence)
            }
        }
        var decisions = DecisionExtractor.withoutRepeats(found, page).map { FoundDecision(range: $0.range, kind: $0.kind, rule: $0.rule) }
        motions.read(page, into: &decisions, markers: markers, document: document, diagnostics: &diagnostics)
        decisions.sort { $0.range.lowerBound < $1.range.lowerBound }
        let roster = page.shared.roster(of: document.people)
        for d in decisions where !d.range.isEmpty {
            let original = page.original(d.range)
            var decision = Decision(item: page.itemID(at: d.range.lowerBound, in: document), kind: d.kind,
                                    text: original.text, rule: d.rule, span: original.span)
            MotionReader.place(d.motion, on: &decision, page: page, roster: roster, people: document.people, honorifics: honorifics)
            document.decisions.append(decision)
        }
        document.diagnostics += diagnostics
    }

    /// A point's own verb gives its kind where the block's is the general
    /// "resolved": "note the forecast …" is noted, "approve the proposals …"
    /// approved, "defer …" or "… be deferred to the next meeting" deferred.
    static func kind(of range: Range<Int>, _ page: Page, in kind: DecisionKind) -> DecisionKind {
        guard kind == .resolved else { return kind }
        let words = Text.words(page.text.text(range))
        let opening = words.first == "that" ? Array(words.dropFirst()) : words
        if let i = words.firstIndex(of: "deferred"), i > 0, words[i - 1] == "be" { return .deferred }
        switch opening.first {
        case "note", "notes": return .noted
        case "approve", "approves": return .approved
        case "defer", "defers": return .deferred
        default: return kind
        }
    }

    /// One decision told twice in one item (a ModernGov page gives it under
    /// "Decision:" and again under "Minutes:") is kept once, where it is first told.
    static func withoutRepeats(_ found: [(range: Range<Int>, kind: DecisionKind, rule: String)], _ page: Page)
        -> [(range: Range<Int>, kind: DecisionKind, rule: String)] {
        let ordered = found.sorted { $0.range.lowerBound < $1.range.lowerBound }
        var seen: [(words: [String], item: Int?)] = []
        var out: [(range: Range<Int>, kind: DecisionKind, rule: String)] = []
        for d in ordered {
            let words = Text.words(page.text.text(d.range)).filter { $0 != "that" && $0 != "resolved" }
            let item = page.itemBlocks.firstIndex { $0.range.contains(d.range.lowerBound) }
            if words.count >= 4, seen.contains(where: { $0.item == item && $0.words == words }) { continue }
            seen.append((words, item))
            out.append(d)
        }
        return out
    }

    /// The decisions of a resolution block, read a line at a time after its
    /// marker: each numbered, lettered or bulleted point is one decision (its
    /// wrapped lines with it, its enumerator without); text on the marker's line
    /// or the first paragraph below is one, and so is a later line opening with
    /// "That". A lead-in ending with a colon ("Cabinet resolved to:", "That grants
    /// be made as follows:") is never a decision. Prose after a finished
    /// decision ("The Clerk to notify the applicant.") ends the reading.
    static func entries(of block: Block, _ page: Page) -> [Range<Int>] {
        let from = min(max(block.heading?.range.upperBound ?? block.range.lowerBound, block.range.lowerBound), block.range.upperBound)
        return entries(in: from..<block.range.upperBound, page)
    }

    /// The points below a lead-in that ends a sentence ("On a vote of 6 to 2 it was
    /// RESOLVED that:"), up to the end of its item; none where no point follows.
    static func points(after leadIn: Range<Int>, _ page: Page) -> [Range<Int>] {
        let s = page.text.scalars
        guard lastVisible(leadIn, s) == ":" else { return [] }
        var k = leadIn.upperBound
        while k < s.count, s[k] == " " || s[k] == "\t" { k += 1 }
        guard k < s.count, s[k] == "\n" else { return [] }
        let end = page.itemBlocks.first { $0.range.contains(leadIn.lowerBound) }?.range.upperBound ?? s.count
        guard k + 1 < end, let first = lines((k + 1)..<end, page).first, isPoint(first, page) else { return [] }
        return entries(in: (k + 1)..<end, page)
    }

    static func entries(in range: Range<Int>, _ page: Page) -> [Range<Int>] {
        let s = page.text.scalars
        let from = range.lowerBound
        var out: [Range<Int>] = []
        var points: [Range<Int>] = []
        var current: Range<Int>?
        var currentIsPoint = false
        var started = false
        var openLeadIns: [Range<Int>] = []
        func close() {
            if let c = current { out.append(c) }
            if let c = current, currentIsPoint { points.append(c) }
            current = nil
        }
        for line in lines(from..<range.upperBound, page) {
            guard !line.isEmpty else { close(); continue }
            // "RESOLVED – (6 for, 3 against)": the vote beside the marker is no decision
            // (a bracketed point, "(a) that a grant be paid (see appendix)", is).
            let point = isPoint(line, page)
            if !started, Segmenter.isAside(line, page.text), !point { continue }
            if point {
                // Points belong to the resolution when they open it, follow a lead-in or
                // one another; after a finished decision ("RESOLVED to pay. b) The RFO …")
                // they are the item's own.
                let previous = current ?? out.last
                // ("RESOLVED: that the Board" / "(a) award …; and" / "(b) delegate …": a
                // lead-in that stops mid-clause is followed by its points as one with a colon is.)
                // (Only a short lead-in before a first point: "RESOLVED that the grant be paid to
                // the hall" / "(b) The Clerk to notify …" is a resolution and a point of the item's.)
                let firstPoint = pointLabel(line, page).map { ["a", "i", "1"].contains($0.lowercased()) } ?? false
                let unfinished = previous.map { p in
                    out.isEmpty && !currentIsPoint && firstPoint && Text.words(page.text.text(p)).count <= 6
                        && lastVisible(p, s).map { $0.properties.isAlphabetic } == true
                } ?? false
                let follows = previous.map { currentIsPoint || lastVisible($0, s) == ":" } ?? true
                guard follows || unfinished else { break }
                if unfinished, let p = previous { openLeadIns.append(p) }
                close()
                current = line
                currentIsPoint = true
            } else if let c = current, let last = lastVisible(c, s), !".;:".unicodeScalars.contains(last) {
                current = c.lowerBound..<line.upperBound
            } else if !started || current.map({ lastVisible($0, s) == ":" }) == true
                        || page.text.text(line).lowercased().hasPrefix("that ") {
                close()
                current = withoutEnumerator(line, page)
                currentIsPoint = false
            } else {
                break
            }
            started = true
        }
        close()
        // "That the following be considered: · Road safety · Missing persons": points of
        // a few words are what the lead-in decided about, not decisions; the lead-in is one.
        let leadIn = out.first { !points.contains($0) }.map { Text.words(page.text.text($0)) } ?? []
        let named = out.first { !points.contains($0) }.map { namesItsList(page.text.text($0)) } ?? false
        if !points.isEmpty, named || leadIn.count > 3 && points.allSatisfy({ p in
            let words = Text.words(page.text.text(p))
            return words.count <= 4 && !words.contains { ["be", "to", "that", "is", "are"].contains($0) }
        }) {
            return out.filter { r in !points.contains(r) && !isLeadIn(page.text.text(r)) }
        }
        return out.filter { !openLeadIns.contains($0) }.flatMap { splitPoints($0, page) }.map { withoutEnumerator($0, page) }.filter { r in
            guard let last = lastVisible(r, s) else { return false }
            return last != ":" && !isLeadIn(page.text.text(r))
        }
    }

    /// The lines of `range`, each without surrounding white space (empty where blank).
    static func lines(_ range: Range<Int>, _ page: Page) -> [Range<Int>] {
        let s = page.text.scalars
        var out: [Range<Int>] = []
        var start = range.lowerBound
        for k in range where s[k] == "\n" {
            out.append(Segmenter.trim(start..<k, page.text))
            start = k + 1
        }
        out.append(Segmenter.trim(start..<range.upperBound, page.text))
        return out
    }

    static func lastVisible(_ r: Range<Int>, _ s: ScalarArray) -> Unicode.Scalar? {
        var k = r.upperBound
        while k > r.lowerBound, Segmenter.isSpace(s[k - 1]) { k -= 1 }
        return k > r.lowerBound ? s[k - 1] : nil
    }

    /// A line opening with an enumerator or a bullet: "(a)", "ii)", "3.", "•", "- ".
    static func isPoint(_ line: Range<Int>, _ page: Page) -> Bool {
        let s = page.text.scalars
        guard let first = line.first else { return false }
        if s[first] == "•" || s[first] == "·" { return true }
        if (s[first] == "-" || s[first] == "–"), first + 1 < line.upperBound, s[first + 1] == " " { return true }
        return withoutEnumerator(line, page).lowerBound > first && pointLabel(line, page) != nil
    }

    /// The label of a point's enumerator ("a", "ii", "3"), if the line opens with one.
    static func pointLabel(_ line: Range<Int>, _ page: Page) -> String? {
        let s = page.text.scalars
        var j = line.lowerBound
        if j < line.upperBound, s[j] == "(" { j += 1 }
        let label = j
        // (A label is at most four long: a longer word is not looked at to its end.)
        while j < line.upperBound, j - label <= 4, s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]) { j += 1 }
        guard j > label, j - label <= 4, j < line.upperBound, s[j] == ")" || s[j] == "." else { return nil }
        let text = page.text.text(label..<j)
        let roman = text.allSatisfy { "ivx".contains($0) }
        let digits = text.allSatisfy(\.isNumber) && text.count <= 2
        let letter = text.count == 1 && text.first?.isLowercase == true
        guard roman || digits || letter else { return nil }
        // "3.5 million" or "a.m." are not enumerators: a space must follow.
        guard j + 1 < line.upperBound, s[j + 1] == " " || s[j + 1] == "\t" else { return nil }
        return text
    }

    /// "that (a) the grant be paid; and (b) the accounts be approved": one
    /// decision a point when a line holds two or more points in sequence
    /// ("(a) … (b) …", "1. … 2. …"); the words before the first are a lead-in.
    static func splitPoints(_ range: Range<Int>, _ page: Page) -> [Range<Int>] {
        let s = page.text.scalars
        var starts: [(at: Int, label: String)] = []
        var k = range.lowerBound
        while k < range.upperBound {
            let boundary = k == range.lowerBound || Segmenter.isSpace(s[k - 1])
            if boundary, s[k] == "(" || s[k].properties.isAlphabetic || ("0"..."9").contains(s[k]),
               let label = pointLabel(k..<range.upperBound, page) {
                let expected = starts.isEmpty ? nil : successor(of: starts[starts.count - 1].label)
                if starts.isEmpty ? ["a", "i", "1"].contains(label) : label == expected {
                    // "(a)" needs its brackets or a closing one; "1." may stand alone.
                    starts.append((k, label))
                }
            }
            k += 1
        }
        guard starts.count >= 2 else { return [range] }
        var out: [Range<Int>] = []
        for (n, start) in starts.enumerated() {
            let end = n + 1 < starts.count ? starts[n + 1].at : range.upperBound
            var piece = withoutEnumerator(start.at..<end, page)
            while piece.upperBound > piece.lowerBound, Segmenter.isSpace(s[piece.upperBound - 1]) {
                piece = piece.lowerBound..<(piece.upperBound - 1)
            }
            if !piece.isEmpty { out.append(piece) }
        }
        return out
    }

    static func successor(of label: String) -> String? {
        if let n = Int(label) { return String(n + 1) }
        let romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
        if let i = romans.firstIndex(of: label), i + 1 < romans.count { return romans[i + 1] }
        guard label.count == 1, let c = label.unicodeScalars.first, c.value < 122 else { return nil }
        return Unicode.Scalar(c.value + 1).map { String(Character($0)) }
    }

    /// "RESOLVED to award the following grants:", "That the following items be
    /// considered:": a lead-in that names its list decides it as a whole, and
    /// the list's rows (payees, topics) are not decisions of their own; one that
    /// leads in to clauses ("as follows:", "resolved to:") does not.
    static func namesItsList(_ text: String) -> Bool {
        text.lowercased().contains("the following")
    }

    /// "that:", "– that the Panel:" — words that introduce the list below.
    static func isLeadIn(_ text: String) -> Bool {
        let t = text.trimmingSpaces()
        return t.isEmpty || ["that", "that:", "to", "to:", ":", "-", "–"].contains(t.lowercased())
    }

    /// "1) That …", "(a) that …", "ii. that …" → "That …".
    static func withoutEnumerator(_ range: Range<Int>, _ page: Page) -> Range<Int> {
        let s = page.text.scalars
        var k = range.lowerBound
        while k < range.upperBound, s[k] == " " || s[k] == "\t" || s[k] == "•" || s[k] == "-" { k += 1 }
        var j = k
        if j < range.upperBound, s[j] == "(" { j += 1 }
        let label = j
        while j < range.upperBound, s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]) { j += 1 }
        guard j > label, j - label <= 4, j < range.upperBound, s[j] == ")" || s[j] == "." else { return k..<range.upperBound }
        j += 1
        while j < range.upperBound, s[j] == " " || s[j] == "\t" { j += 1 }
        return j..<range.upperBound
    }
}
