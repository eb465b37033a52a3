import MinutesRules
import MinutesText

/// A word list of `Rules/`: the fragment rules whose id ends with one name
/// (`people.post-word`, `text.abbreviation`), asked whether a whole word is
/// one of theirs. A user's `--rules` can replace it like any rule. A word
/// counts when a match covers it whole: a pattern lists longer words first
/// or ends with a guard (`(?![\w-])`), so "CC" does not stop "CCG".
struct Lexicon: Sendable {
    let rules: [Rule]

    init(_ rules: [Rule], named name: String) {
        self.rules = rules.filter { $0.yields == .fragment && $0.id.hasSuffix("." + name) }
    }

    /// Whether `word`, as written, is one of the lexicon's words (a limit hit is noted on `text`).
    func contains(_ word: some StringProtocol, noting text: NormalizedText) -> Bool {
        guard !word.isEmpty else { return false }
        let word = String(word)
        return rules.contains { $0.matches(in: word, noting: text).first?.text == word }
    }
}
