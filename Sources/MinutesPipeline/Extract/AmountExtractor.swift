import Foundation
import MinutesCore
import MinutesRules
import MinutesText

/// Sums of money anywhere in the text. Where matches overlap, the longest
/// wins, then the higher-priority rule; a match whose value cannot be built
/// ("£350 to 1st", a range running backwards) gives way to the sums inside it
/// and is reported only where nothing else was read.
struct AmountExtractor: Extractor {
    let rules: [Rule]

    func extract(from page: Page, into document: inout MinutesDocument) {
        var candidates: [(rule: Rule, match: RuleMatch)] = []
        for rule in rules {
            for match in page.matches(rule, diagnostics: &document.diagnostics) where !match.range.isEmpty {
                candidates.append((rule, match))
            }
        }
        let built = page.longestFirst(candidates.filter { if case .success = $0.match.value { true } else { false } })
        let taken = RangeIndex(built.map(\.match.range))
        let unread = page.longestFirst(candidates.filter {
            if case .failure = $0.match.value { !taken.overlaps($0.match.range) } else { false }
        })
        var amounts: [Amount] = []
        for (rule, match) in built + unread {
            let found = page.original(match.range)
            switch match.value {
            case .success(.money(let value, let min, let max, let currency, let period, let bound)):
                amounts.append(Amount(text: found.text, value: value, min: min,
                                      max: max, currency: currency, period: period, bound: bound,
                                      span: found.span, rule: rule.id))
            case .failure(let failure):
                document.diagnostics.append(Diagnostic(
                    code: .invalidAmount, severity: .warning,
                    message: "'\(found.text)' looks like money but \(failure.reason); it is left out of amounts",
                    span: found.span, rule: rule.id))
            default:
                continue
            }
        }
        document.amounts = amounts.sorted { $0.span < $1.span }
    }

}
