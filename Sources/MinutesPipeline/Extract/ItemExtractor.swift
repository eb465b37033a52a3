import MinutesCore
import MinutesText

/// Agenda items, from the item headings the segmenter found.
struct ItemExtractor: Extractor {
    func extract(from page: Page, into document: inout MinutesDocument) {
        var used: [String: Int] = [:]
        for block in page.tree.children where block.kind == .item {
            guard let heading = block.heading, let number = heading.fields["number"] else { continue }
            // "I" then the number ("I77", "IC048-23"); a number of letters alone is set
            // apart ("I-II", "I-a"), so item II is not read as "III".
            let part = ItemExtractor.idPart(number)
            let base = (part.allSatisfy(\.isLetter) ? "I-" : "I") + part
            let count = used[base, default: 0] + 1
            used[base] = count
            let id = count == 1 ? base : "\(base)-\(count)"
            let span = page.original(headingRange(heading)).span
            document.items.append(AgendaItem(id: id, number: number, title: heading.fields["title"] ?? "",
                                             span: span, rule: heading.rule))
        }
    }

    /// From the number to the end of the title.
    private func headingRange(_ heading: Heading) -> Range<Int> {
        let lo = heading.number?.lowerBound ?? heading.range.lowerBound
        let hi = heading.title?.upperBound ?? heading.number?.upperBound ?? heading.range.upperBound
        return lo..<max(lo, hi)
    }

    /// `C048/23` → `C048-23`: letters and digits kept, other runs become one hyphen.
    static func idPart(_ number: String) -> String {
        var out = ""
        for c in number {
            if c.isLetter || c.isNumber { out.append(c) } else if out.last != "-" { out.append("-") }
        }
        return out
    }
}
