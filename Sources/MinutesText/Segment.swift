import MinutesCore

/// A node of the document tree: what a stretch of the normalised text is.
public struct Block: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case document, header, attendance, item, paragraph, list
        case listItem = "list-item"
        case table, row, cell, resolution, action
        /// "Reasons for the decision:", "Alternative options considered:": beside a decision, not one.
        case reasons
    }

    public var kind: Kind
    /// Normalised scalar range covered by the block.
    public var range: Range<Int>
    /// For headed blocks: the heading or item number/title ranges and the rule that found them.
    public var heading: Heading?
    public var children: [Block]

    public init(kind: Kind, range: Range<Int>, heading: Heading? = nil, children: [Block] = []) {
        self.kind = kind
        self.range = range
        self.heading = heading
        self.children = children
    }

    /// Depth-first walk over this block and its descendants.
    public func walk(_ visit: (Block) -> Void) {
        visit(self)
        for child in children { child.walk(visit) }
    }
}

/// What a heading matcher found: the heading's whole range and its parts.
public struct Heading: Sendable, Equatable {
    /// The `value` of an item heading that names the one item of a whole page or report.
    public static let documentScope = "document"
    /// The `value` of an item heading too loose to be a document's numbering
    /// style: it is taken only where its number fills a gap in the style chosen.
    public static let gapScope = "gap"
    /// The `value` of an item heading whose style is taken only where no other
    /// style finds a heading, and only when its numbers run in order from the
    /// first: "(a) Appointment of Chairman", "(b) Declarations of Interest" in
    /// a hearing's minutes, where elsewhere "(a)" opens a point of a resolution.
    public static let fallbackScope = "fallback"
    public var rule: String
    /// The whole heading (number and title, or the heading words).
    public var range: Range<Int>
    /// Item number, where the heading is an agenda item's.
    public var number: Range<Int>?
    /// Item title or attendance heading words.
    public var title: Range<Int>?
    /// For attendance headings and block markers: the status or block kind the rule sets.
    public var value: String?
    /// The values the rule built (item `number` and `title`, cleaned), by field name.
    public var fields: [String: String]

    public init(rule: String, range: Range<Int>, number: Range<Int>? = nil, title: Range<Int>? = nil,
                value: String? = nil, fields: [String: String] = [:]) {
        self.rule = rule
        self.range = range
        self.number = number
        self.title = title
        self.value = value
        self.fields = fields
    }
}

/// Recognises headings in a window of text (a line, plus the next non-blank
/// line for headings whose title stands on the following line).
public protocol HeadingMatcher: Sendable {
    var id: String { get }
    /// The heading at the start of `window` (normalised scalar range), if any.
    func match(in text: NormalizedText, window: Range<Int>) -> Heading?
}

/// The patterns the segmenter needs, supplied by the rule files.
public struct SegmentationRules: Sendable {
    public var itemHeadings: [any HeadingMatcher]
    /// Header rows of tables whose rows are items; other tables' rows are never item headings.
    public var itemTableHeaders: [any HeadingMatcher]
    public var attendanceHeadings: [any HeadingMatcher]
    /// "Resolved", "Action:" and the like; `value` of the heading is `resolution` or `action`.
    public var blockMarkers: [any HeadingMatcher]

    public init(itemHeadings: [any HeadingMatcher] = [], itemTableHeaders: [any HeadingMatcher] = [],
                attendanceHeadings: [any HeadingMatcher] = [],
                blockMarkers: [any HeadingMatcher] = []) {
        self.itemHeadings = itemHeadings
        self.itemTableHeaders = itemTableHeaders
        self.attendanceHeadings = attendanceHeadings
        self.blockMarkers = blockMarkers
    }
}

/// Splits a normalised document into header, attendance blocks, items,
/// paragraphs, lists, tables and resolution/action blocks.
public struct Segmenter: Sendable {
    public let rules: SegmentationRules

    public init(rules: SegmentationRules) {
        self.rules = rules
    }

    struct Line {
        var range: Range<Int>
        var isBlank: Bool
        var isTableRow: Bool
        var isListItem: Bool
        /// A piece of a long flattened line after the first: no line break ends the piece before it.
        var continues = false
        /// A row of a table laid out with spaces: where its cells start, in scalars from the line's start.
        var columns: [Int] = []
    }

    public func segment(_ text: NormalizedText) -> Block {
        var lines = Segmenter.lines(of: text)
        let items = itemHeadings(text, lines)
        var children: [Block] = []
        // The section being read: its kind (nil: loose content after an attendance block),
        // first line, heading and the first line of its content.
        var kind: Block.Kind? = .header
        var start = 0
        var heading: Heading?
        var contentFrom = 0
        func close(at end: Int) {
            let content = blocks(in: Array(lines[min(contentFrom, end)..<end]), text)
            guard let sectionKind = kind else {
                children.append(contentsOf: content)
                return
            }
            if sectionKind == .header && content.isEmpty { return }
            let lo = min(lines[start].range.lowerBound, heading?.range.lowerBound ?? .max)
            let hi = end > start ? lines[end - 1].range.upperBound : lo
            children.append(Block(kind: sectionKind, range: lo..<hi, heading: heading, children: content))
        }
        func open(_ newKind: Block.Kind?, at line: Int, heading newHeading: Heading?, contentFrom from: Int) {
            close(at: line)
            (kind, start, heading, contentFrom) = (newKind, line, newHeading, from)
        }
        var i = 0
        while i < lines.count {
            if let (itemHeading, consumed) = items[i] {
                // The rest of a heading line ("10.2 Appointments: On the recommendation of …") is content.
                let last = i + max(consumed, 1) - 1
                let restOnLine = consumed >= 1 && Self.keepRest(after: itemHeading.range.upperBound, of: &lines[last], text, prose: true)
                open(.item, at: i, heading: itemHeading, contentFrom: restOnLine ? last : i + consumed)
                i += max(consumed, 1)
                continue
            }
            if !lines[i].isBlank, let found = firstHeading(rules.attendanceHeadings, text, lines, i) {
                let covered = linesCovered(found.range, lines, from: i)
                // The rest of a heading line ("Present: Cllr A, Cllr B") is content.
                let restOnLine = Self.keepRest(after: found.range.upperBound, of: &lines[i + covered - 1], text, prose: false)
                open(.attendance, at: i, heading: found, contentFrom: i + covered - (restOnLine ? 1 : 0))
                i += covered
                continue
            }
            // A table under an attendance heading is its register; a table after
            // the names (an action log) is not part of it.
            if kind == .attendance, lines[i].isTableRow,
               lines[contentFrom..<i].contains(where: { !$0.isBlank && !$0.isTableRow }) {
                open(nil, at: i, heading: nil, contentFrom: i)
            }
            i += 1
        }
        close(at: lines.count)
        return Block(kind: .document, range: 0..<text.count, children: children)
    }

    /// Item headings by line index: the one numbering style the document uses
    /// most, completed by the headings of other styles whose numbers fall in
    /// order between its own (a register item "1 Present" in a plainer style
    /// than the items after it).
    private func itemHeadings(_ text: NormalizedText, _ lines: [Line]) -> [Int: (Heading, Int)] {
        var byRule: [String: [Int: (Heading, Int)]] = [:]
        var order: [String] = []
        for matcher in rules.itemHeadings {
            order.append(matcher.id)
            // The last row of an item table this style took: a committee system's
            // "No. | Item" table can give each row its minutes below it, so the
            // rows after the first stand apart from the header, prose between.
            var lastRow: Int?
            for i in lines.indices where !lines[i].isBlank {
                guard let heading = matcher.match(in: text, window: window(lines, i, reach: 3)) else { continue }
                if lines[i].isTableRow {
                    guard inItemTable(i, text, lines) || lastRow.map({ i - $0 <= Self.itemTableGap }) == true else { continue }
                    lastRow = i
                }
                let consumed = lines[i].isTableRow ? 0 : linesCovered(heading.range, lines, from: i)
                byRule[matcher.id, default: [:]][i] = (heading, consumed)
            }
        }
        // A heading that names the page's one item wins over any numbering inside it.
        let pageItems = order.compactMap { id in
            byRule[id]?.filter { $0.value.0.value == Heading.documentScope }.min { $0.key < $1.key }
        }
        if let first = pageItems.min(by: { $0.key < $1.key }) { return [first.key: first.value] }
        let styles = order.enumerated().filter { _, id in
            byRule[id]?.values.contains { $0.0.value != Heading.gapScope && $0.0.value != Heading.fallbackScope } ?? false
        }
        guard let best = styles.max(by: { (byRule[$0.1]?.count ?? 0, -$0.0) < (byRule[$1.1]?.count ?? 0, -$1.0) })?.1
        else { return fallbackHeadings(order.compactMap { byRule[$0] }, text, lines) }
        return ItemSequence.completed(byRule[best] ?? [:], from: order.filter { $0 != best }.compactMap { byRule[$0] }, in: text)
    }

    /// Where no style of its own finds a heading: of the fallback styles, the
    /// one with the longest run of headings numbered in order from the first
    /// ("1 Minutes", "2 Matters Arising" with one space; "(a)", "(b)"; "I",
    /// "II"), two at least, each standing alone: with lines of its own under
    /// it (lettered lines one after another are a list), not led in by a line
    /// ending in a colon ("… on the following grounds:"), and not running on
    /// into a next line that starts in lower case (a wrapped point).
    private func fallbackHeadings(_ styles: [[Int: (Heading, Int)]], _ text: NormalizedText, _ lines: [Line]) -> [Int: (Heading, Int)] {
        func nonBlank(from i: Int, step: Int) -> Int? {
            var j = i
            while j >= 0, j < lines.count {
                if !lines[j].isBlank { return j }
                j += step
            }
            return nil
        }
        func standsAlone(_ line: Int, _ consumed: Int) -> Bool {
            if let before = nonBlank(from: line - 1, step: -1),
               text.scalars[lines[before].range].last(where: { !$0.properties.isWhitespace }) == ":" { return false }
            if let after = nonBlank(from: line + consumed, step: 1),
               text.scalars[lines[after].range].first(where: { !$0.properties.isWhitespace })?.properties.isLowercase == true { return false }
            return true
        }
        var best: [Int: (Heading, Int)] = [:]
        for style in styles where style.values.allSatisfy({ $0.0.value == Heading.fallbackScope }) {
            let starts = style.keys.sorted()
            let numbers = starts.map { line in style[line].flatMap { $0.0.number.map { text.scalars.string($0) } } ?? "" }
            let run = ItemSequence.runFromFirst(numbers).map { starts[$0] }
            guard run.count > best.count, run.count >= 2,
                  run.allSatisfy({ standsAlone($0, max(style[$0]?.1 ?? 1, 1)) }),
                  zip(run, run.dropFirst()).allSatisfy({ a, b in
                      let body = a + max(style[a]?.1 ?? 1, 1)
                      return body < b && lines[body..<b].contains { !$0.isBlank }
                  })
            else { continue }
            best = Dictionary(uniqueKeysWithValues: run.compactMap { line in style[line].map { (line, $0) } })
        }
        return best
    }

    /// Whether table row `i` belongs to a table whose header row names items.
    /// How many lines of minutes may stand between two rows of one item table.
    static let itemTableGap = 60

    private func inItemTable(_ i: Int, _ text: NormalizedText, _ lines: [Line]) -> Bool {
        var header = i
        var j = i - 1
        while j >= 0, lines[j].isTableRow || lines[j].isBlank {
            if lines[j].isTableRow { header = j }
            j -= 1
        }
        guard header < i else { return false }
        let line = lines[header].range
        return rules.itemTableHeaders.contains { $0.match(in: text, window: line) != nil }
    }

    private func firstHeading(_ matchers: [any HeadingMatcher], _ text: NormalizedText, _ lines: [Line], _ i: Int) -> Heading? {
        for matcher in matchers {
            if let h = matcher.match(in: text, window: window(lines, i)) { return h }
        }
        return nil
    }

    /// Line `i` and the next `reach` non-blank lines after it (item headings
    /// look three lines on: CMIS writes the minute number below the title and
    /// the agenda's line about it); a piece of a flattened line alone, as the
    /// line it would have been.
    private func window(_ lines: [Line], _ i: Int, reach: Int = 1) -> Range<Int> {
        var end = lines[i].range.upperBound
        var j = i + 1
        var taken = 0
        while taken < reach, j < lines.count, !lines[j].continues {
            if !lines[j].isBlank {
                end = lines[j].range.upperBound
                taken += 1
            }
            j += 1
        }
        return lines[i].range.lowerBound..<end
    }

    /// How many lines from `from` a range reaches into.
    private func linesCovered(_ range: Range<Int>, _ lines: [Line], from: Int) -> Int {
        var j = from
        while j < lines.count, lines[j].range.lowerBound < range.upperBound { j += 1 }
        return max(j - from, 1)
    }

    /// What opens a bulleted entry. Normalised text has no other bullets or
    /// dashes: "·", "▪", "◦" are made "•", and "–", "—" are made "-".
    static let bulletMarks: Set<Unicode.Scalar> = ["•", "-", "*"]

    /// What follows a heading on its line becomes the line; false when nothing
    /// does. As `prose`, it is no list entry or table row whatever the whole line
    /// was (what is left of "1. Apologies: none received."); a register's rest
    /// keeps what its line was ("Present:   | Cllr A | Chair |").
    static func keepRest(after end: Int, of line: inout Line, _ text: NormalizedText, prose: Bool) -> Bool {
        let rest = min(max(end, line.range.lowerBound), line.range.upperBound)..<line.range.upperBound
        guard !trim(rest, text).isEmpty else { return false }
        line.range = rest
        if prose {
            line.isListItem = false
            line.isTableRow = false
        }
        return true
    }

    /// A stretch that is all one bracket: "(6 for, 3 against)", "(unanimous)".
    public static func isAside(_ range: Range<Int>, _ text: NormalizedText) -> Bool {
        guard let first = range.first, let last = range.last else { return false }
        return text.scalars[first] == "(" && text.scalars[last] == ")"
    }

    /// An enumerated entry's line runs on into the next, indented past it, only
    /// mid-clause: "(a) award the contract … at an" / "    estimated value of £3.6m";
    /// a lettered heading's own paragraph below it is not the entry.
    static func carriesOn(_ line: Line, into next: Line, _ text: NormalizedText) -> Bool {
        joins(line, next, text, open: { $0.properties.isAlphabetic || $0 == "," },
              goesOn: { $0.properties.isLowercase || $0.properties.numericType != nil || $0 == "£" })
    }

    /// Whether a line's sentence runs on into the next: its last visible scalar
    /// leaves it `open`, and the next line's first one `goesOn` with it.
    static func joins(_ line: Line, _ next: Line, _ text: NormalizedText,
                      open: (Unicode.Scalar) -> Bool, goesOn: (Unicode.Scalar) -> Bool) -> Bool {
        let s = text.scalars
        guard let last = line.range.last(where: { !isSpace(s[$0]) }), let first = next.range.first(where: { !isSpace(s[$0]) }) else { return false }
        return open(s[last]) && goesOn(s[first])
    }

    /// Paragraphs, lists, tables and resolution/action blocks of a run of lines.
    private func blocks(in lines: [Line], _ text: NormalizedText) -> [Block] {
        var out: [Block] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if line.isBlank { i += 1; continue }
            if line.isTableRow {
                var rows: [Block] = []
                var j = i
                // A table framed with bars (`| a | b |`) has no cell before the first; one
                // whose first row is not ("No. | Lead | Action") keeps a row's empty first
                // cells ("        |      | slippage by scheme |").
                let framed = text.scalars[Self.trim(line.range, text)].first == "|"
                while j < lines.count, lines[j].isBlank || lines[j].isTableRow {
                    if lines[j].isTableRow, !isRule(lines[j], text) { rows.append(row(lines[j], text, framed: framed)) }
                    j += 1
                }
                // A table of rule lines only (`|---|---|`) has no rows: nothing to read.
                if let top = rows.first, let bottom = rows.last {
                    out.append(Block(kind: .table, range: top.range.lowerBound..<bottom.range.upperBound, children: rows))
                }
                i = j
                continue
            }
            if let marker = firstHeading(rules.blockMarkers, text, lines, i) {
                // The block runs over the lines that follow; a blank line ends it
                // unless a list (numbered resolutions) follows.
                var j = i + 1
                // A marker alone on its line ("Resolved") heads the paragraph after it.
                let rest = min(marker.range.upperBound, line.range.upperBound)..<line.range.upperBound
                let restIsBlank = rest.allSatisfy({ Segmenter.isSpace(text.scalars[$0]) })
                // …as does one followed only by its vote: "RESOLVED – (6 for, 3 against)".
                let restIsAside = Self.isAside(Self.trim(rest, text), text)
                if restIsBlank || restIsAside {
                    while j < lines.count, lines[j].isBlank { j += 1 }
                }
                // "Action: Cllr Tennant" names an owner on its own line; the next line is prose.
                let singleLine = marker.value == "action" && !restIsBlank
                // …unless its sentence runs on: a line ending without a stop, then a lower-case line.
                if singleLine {
                    func runsOn(_ k: Int) -> Bool {
                        guard k + 1 < lines.count, !lines[k + 1].isBlank, !lines[k + 1].isTableRow else { return false }
                        return Self.joins(lines[k], lines[k + 1], text,
                                          open: { !".!?:;)".unicodeScalars.contains($0) }, goesOn: { $0.properties.isLowercase })
                    }
                    while runsOn(j - 1) { j += 1 }
                }
                while !singleLine, j < lines.count, !lines[j].isTableRow, firstHeading(rules.blockMarkers, text, lines, j) == nil {
                    if lines[j].isBlank {
                        var k = j
                        while k < lines.count, lines[k].isBlank { k += 1 }
                        guard k < lines.count, lines[k].isListItem else { break }
                        j = k
                    }
                    j += 1
                }
                let kind: Block.Kind = marker.value == "action" ? .action : marker.value == "reasons" ? .reasons : .resolution
                var first = lines[i]
                first.range = min(marker.range.upperBound, first.range.upperBound)..<first.range.upperBound
                first.isBlank = first.range.allSatisfy { Segmenter.isSpace(text.scalars[$0]) }
                let children = blocks(in: [first] + lines[(i + 1)..<j], text)
                out.append(Block(kind: kind, range: line.range.lowerBound..<lines[j - 1].range.upperBound, heading: marker, children: children))
                i = j
                continue
            }
            if line.isListItem {
                var entries: [Block] = []
                var j = i
                while j < lines.count, lines[j].isBlank || lines[j].isListItem {
                    if lines[j].isListItem {
                        // A hanging indent: lines indented past a bullet carry the entry on
                        // ("• TF to get the accounts checked before the deadline of" / "  31st January.").
                        let indent = Segmenter.indent(lines[j], text)
                        let bullet = lines[j].range.first { !Segmenter.isSpace(text.scalars[$0]) }.map { Segmenter.bulletMarks.contains(text.scalars[$0]) } ?? false
                        var k = j + 1
                        while k < lines.count, !lines[k].isBlank, !lines[k].isListItem, !lines[k].isTableRow,
                              Segmenter.indent(lines[k], text) > indent, firstHeading(rules.blockMarkers, text, lines, k) == nil,
                              bullet || Self.carriesOn(lines[k - 1], into: lines[k], text) { k += 1 }
                        entries.append(Block(kind: .listItem, range: Self.trim(lines[j].range.lowerBound..<lines[k - 1].range.upperBound, text)))
                        j = k
                        continue
                    }
                    j += 1
                }
                if let top = entries.first, let bottom = entries.last {
                    out.append(Block(kind: .list, range: top.range.lowerBound..<bottom.range.upperBound, children: entries))
                }
                i = j
                continue
            }
            var j = i + 1
            while j < lines.count, !lines[j].isBlank, !lines[j].isTableRow, !lines[j].isListItem,
                  firstHeading(rules.blockMarkers, text, lines, j) == nil { j += 1 }
            out.append(contentsOf: paragraphs(line.range.lowerBound..<lines[j - 1].range.upperBound, text))
            i = j
        }
        return out
    }

    /// A paragraph per run of text separated by U+2029 (paragraph tags inside text).
    private func paragraphs(_ range: Range<Int>, _ text: NormalizedText) -> [Block] {
        splitOnParagraphSeparators(range, text).map { Block(kind: .paragraph, range: $0) }
    }

    private func row(_ line: Line, _ text: NormalizedText, framed: Bool) -> Block {
        if !line.columns.isEmpty {
            // Cut where the header's cells start; a column a line leaves empty is an empty cell.
            let starts = Segmenter.cellStarts(line, text)
            var cuts = line.columns.map { c in starts.first { abs($0 - c) <= 1 } }
            cuts[0] = 0
            var cells: [Block] = []
            for (n, cut) in cuts.enumerated() {
                guard let cut else {
                    let end = Self.trim(line.range, text).upperBound
                    cells.append(Block(kind: .cell, range: end..<end))
                    continue
                }
                let next = cuts[(n + 1)...].compactMap { $0 }.first.map { line.range.lowerBound + $0 } ?? line.range.upperBound
                let lo = min(line.range.lowerBound + cut, line.range.upperBound)
                cells.append(cell(lo..<max(lo, next), text))
            }
            return Block(kind: .row, range: Self.trim(line.range, text), children: cells)
        }
        let separators: Set<Unicode.Scalar> = text.scalars[line.range].contains("\t") ? ["\t"] : ["|"]
        var cells: [Block] = []
        var start = line.range.lowerBound
        for k in line.range where separators.contains(text.scalars[k]) {
            cells.append(cell(start..<k, text))
            start = k + 1
        }
        cells.append(cell(start..<line.range.upperBound, text))
        if separators.contains("|") {
            if framed, let first = cells.first, first.range.isEmpty { cells.removeFirst() }
            if let last = cells.last, last.range.isEmpty { cells.removeLast() }
        }
        return Block(kind: .row, range: Self.trim(line.range, text), children: cells)
    }

    private func cell(_ range: Range<Int>, _ text: NormalizedText) -> Block {
        let parts = splitOnParagraphSeparators(range, text)
        let trimmedRange = Self.trim(range, text)
        return Block(kind: .cell, range: trimmedRange,
                     children: parts.count > 1 ? parts.map { Block(kind: .paragraph, range: $0) } : [])
    }

    private func splitOnParagraphSeparators(_ range: Range<Int>, _ text: NormalizedText) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = range.lowerBound
        for k in range where text.scalars[k] == "\u{2029}" {
            let t = Self.trim(start..<k, text)
            if !t.isEmpty { parts.append(t) }
            start = k + 1
        }
        let t = Self.trim(start..<range.upperBound, text)
        if !t.isEmpty { parts.append(t) }
        return parts
    }

    /// The range without surrounding white space and paragraph separators.
    /// `range` without the white space at its ends.
    public static func trim(_ range: Range<Int>, _ text: NormalizedText) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, Segmenter.isSpace(text.scalars[lo]) { lo += 1 }
        while hi > lo, Segmenter.isSpace(text.scalars[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    public static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\n" || s == "\u{2029}"
    }

    static func lines(of text: NormalizedText) -> [Line] {
        var lines: [Line] = []
        var tabCounts: [Int] = []
        var leadingTabs: [Bool] = []
        var start = 0
        func add(_ end: Int) {
            let r = start..<end
            let scalars = text.scalars[r]
            let blank = scalars.allSatisfy(isSpace)
            var tabs = scalars.filter { $0 == "\t" }.count
            // "•<tab>Name": a bullet and its tab start a list entry, not a table.
            if let b = scalars.firstIndex(where: { !isSpace($0) }), Segmenter.bulletMarks.contains(scalars[b]),
               b + 1 < r.upperBound, text.scalars[b + 1] == "\t" { tabs -= 1 }
            let pipes = scalars.filter { $0 == "|" }.count
            let first = scalars.first(where: { !isSpace($0) })
            let leadingTab = scalars.first(where: { $0 != "\u{2029}" && $0 != " " }) == "\t"
            let table = !blank && (tabs >= 1 && leadingTab || tabs >= 2 || pipes >= 2)
            let list = !blank && !table && isListEntry(r, first)
            lines.append(Line(range: r, isBlank: blank, isTableRow: table, isListItem: list))
            tabCounts.append(blank ? 0 : tabs)
            leadingTabs.append(!blank && leadingTab)
        }
        func pipeFree(_ r: Range<Int>) -> Bool { text.scalars[r].filter { $0 == "|" }.count < 2 }
        func isListEntry(_ r: Range<Int>, _ first: Unicode.Scalar?) -> Bool {
            first == "•" || isDashBullet(text, r) || isEnumerated(text, r)
        }
        func addFlattened(_ end: Int) {
            let cuts = end - start >= Flattened.minimumLength ? Flattened.cuts(in: start..<end, text) : []
            for cut in cuts {
                add(cut)
                start = cut
            }
            add(end)
            for i in lines.count - cuts.count..<lines.count {
                lines[i].continues = true
            }
        }
        for (k, s) in text.scalars.enumerated() where s == "\n" {
            addFlattened(k)
            start = k + 1
        }
        if start < text.count || lines.isEmpty { addFlattened(text.count) }
        // A Word export that indents its text with a tab ("TC/13/148<tab>GRANTS", then
        // "<tab>Members considered …" line after line) is prose, not a table of two
        // columns: most of its one-tab lines open with the tab. Lines of two tabs or
        // more between texts stay rows.
        // The number the indent hangs from ("05/115<tab>DECLARATIONS OF INTEREST")
        // is of the same layout: a short first cell with a figure in it.
        let oneTab = lines.indices.filter { tabCounts[$0] == 1 && !lines[$0].isBlank && pipeFree(lines[$0].range) }
        let opening = oneTab.filter { leadingTabs[$0] }
        let hanging = oneTab.filter { !leadingTabs[$0] && hangsANumber(lines[$0].range, text) }
        if opening.count >= Self.indentedLines, opening.count + hanging.count >= 3 * (oneTab.count - opening.count - hanging.count) {
            // So is a line indented further, all its tabs before its text ("<tab><tab>Mrs A.
            // Neave (Deputy Town Clerk)"): it has no cells side by side.
            let deeper = lines.indices.filter { i in
                tabCounts[i] >= 2 && pipeFree(lines[i].range)
                    && !text.scalars[lines[i].range].drop(while: { isSpace($0) }).contains("\t")
            }
            for i in oneTab + deeper {
                tabCounts[i] = 0
                lines[i].isTableRow = false
                lines[i].isListItem = isListEntry(lines[i].range, text.scalars[lines[i].range].first { !isSpace($0) })
            }
        }
        // Two columns give one tab a row: such lines are a table when they come in a run.
        for i in lines.indices where tabCounts[i] == 1 && !lines[i].isTableRow {
            if (i > 0 && tabCounts[i - 1] >= 1) || (i + 1 < lines.count && tabCounts[i + 1] >= 1) {
                lines[i].isTableRow = true
                lines[i].isListItem = false
            }
        }
        markSpaceAligned(&lines, text)
        return lines
    }

    /// How many lines opening with a tab make a document indented with tabs.
    static let indentedLines = 6

    /// Whether the line's text before its tab is a number or reference a
    /// heading hangs from: at most 12 characters, one space at most, a figure
    /// among them ("05/115", "12.", "A2", "QSC 25/01").
    static func hangsANumber(_ line: Range<Int>, _ text: NormalizedText) -> Bool {
        let cell = text.scalars[line].prefix { $0 != "\t" }.drop { isSpace($0) }
        return !cell.isEmpty && cell.count <= 12 && cell.filter { $0 == " " }.count <= 1
            && cell.contains { ("0"..."9").contains($0) }
    }

    /// Where the cells of a line laid out with spaces start: after its indent, and
    /// after every run of two or more spaces (in scalars from the line's start).
    static func cellStarts(_ line: Line, _ text: NormalizedText) -> [Int] {
        let s = text.scalars
        var starts: [Int] = []
        var spaces = 0
        var seenText = false
        for k in line.range {
            let c = s[k]
            if c == "\u{2029}" || c == "\t" { return [] }
            if c == " " { spaces += 1; continue }
            if !seenText || spaces >= 2 { starts.append(k - line.range.lowerBound) }
            seenText = true
            spaces = 0
        }
        return starts
    }

    /// Tables a PDF's text layer lays out with runs of spaces (an action log,
    /// "No.  Action   Who   When"): a line of three or more cells, then lines
    /// whose cells start where its cells do, a wrapped cell's line among them.
    /// Their rows are cut where the header's cells start.
    static func markSpaceAligned(_ lines: inout [Line], _ text: NormalizedText) {
        func aligned(_ starts: [Int], _ header: [Int]) -> Bool {
            starts.allSatisfy { s in header.contains { abs($0 - s) <= 1 } }
        }
        var i = 0
        while i < lines.count {
            let header = lines[i].isBlank || lines[i].isTableRow ? [] : cellStarts(lines[i], text)
            guard header.count >= 3 else { i += 1; continue }
            var j = i + 1
            var rows = 0
            while j < lines.count, !lines[j].isBlank, !lines[j].isTableRow {
                let starts = cellStarts(lines[j], text)
                guard !starts.isEmpty, aligned(starts, header) else { break }
                if starts.count >= 2 { rows += 1 }
                j += 1
            }
            guard rows >= 2 else { i += 1; continue }
            for k in i..<j {
                lines[k].isTableRow = true
                lines[k].isListItem = false
                lines[k].columns = header
            }
            i = j
        }
    }

    /// How far a line's text starts from the line's start (a tab counts as four).
    static func indent(_ line: Line, _ text: NormalizedText) -> Int {
        var n = 0
        for k in line.range {
            let c = text.scalars[k]
            if c == " " { n += 1 } else if c == "\t" { n += 4 } else { break }
        }
        return n
    }

    /// A ruled line between rows of a text table: `|---|:--:|`, `+----+----+`.
    private func isRule(_ line: Line, _ text: NormalizedText) -> Bool {
        let scalars = text.scalars[line.range]
        return scalars.contains("-") && scalars.allSatisfy { "|-:+= \t\u{2029}".unicodeScalars.contains($0) }
    }

    /// `- text` or `* text` at the start of a line.
    private static func isDashBullet(_ text: NormalizedText, _ r: Range<Int>) -> Bool {
        var k = r.lowerBound
        while k < r.upperBound, text.scalars[k] == " " { k += 1 }
        guard k + 1 < r.upperBound, text.scalars[k] == "-" || text.scalars[k] == "*" else { return false }
        return text.scalars[k + 1] == " "
    }

    /// `(a)`, `(ii)`, `i)`, `a.`, `1)` or `1.` followed by text.
    private static func isEnumerated(_ text: NormalizedText, _ r: Range<Int>) -> Bool {
        var k = r.lowerBound
        while k < r.upperBound, text.scalars[k] == " " { k += 1 }
        let open = k < r.upperBound && text.scalars[k] == "("
        if open { k += 1 }
        let labelStart = k
        while k < r.upperBound, text.scalars[k].properties.isAlphabetic || ("0"..."9").contains(text.scalars[k]) { k += 1 }
        let label = text.text(labelStart..<k)
        guard !label.isEmpty, k < r.upperBound else { return false }
        let roman = label.allSatisfy { "ivxlIVX".contains($0) } && label.count <= 5
        // "i. That …", "iv. The …": lower-case roman numerals with a full stop.
        if label.allSatisfy({ "ivx".contains($0) }), label.count <= 4, text.scalars[k] == ".",
           k + 1 < r.upperBound, text.scalars[k + 1] == " " { return true }
        let letter = label.count == 1 && label.first?.isLetter == true
        let digits = label.allSatisfy(\.isNumber) && label.count <= 2
        guard roman || letter || digits else { return false }
        let close = text.scalars[k]
        if open { return close == ")" }
        if close == ")" { return true }
        return close == "." && digits && k + 1 < r.upperBound && text.scalars[k + 1] == " "
    }
}
