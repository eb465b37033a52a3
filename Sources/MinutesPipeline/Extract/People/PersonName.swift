import Foundation
/// A name as written, without honorific. People are told apart by surname
/// (the last word) and first initial, as SPEC §4 scores them: "A Burke",
/// "Andrew Burke" and "Burke" can be one person; "A Burke" and "R Burke" cannot.
struct PersonName: Equatable, Sendable {
    /// The name without honorific, white space collapsed.
    let text: String
    let tokens: [String]

    /// The last word, folded for comparison ("O’Neill" = "O'Neill", case ignored).
    let surnameKey: String
    /// The first given name, folded, where written out.
    let givenKey: String?

    init?(_ raw: String) {
        let tokens = raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).flatMap { Self.splitInitials(String($0)) }
        guard let last = tokens.last else { return nil }
        self.tokens = tokens
        text = tokens.joined(separator: " ")
        surnameKey = Self.fold(last)
        givenKey = tokens.count > 1 && !Self.isInitial(tokens[0]) ? Self.fold(tokens[0]) : nil
    }

    /// First letter of the first given name or initial; nil for a surname alone.
    var firstInitial: Character? { tokens.count > 1 ? tokens.first?.first : nil }

    /// The given part is written out ("Ann Grey"), not only initials ("A Grey").
    var hasGivenName: Bool { tokens.count > 1 && !Self.isInitial(tokens[0]) }

    /// "Roger Hirst" → RH, "E J G Hilson" → EJGH, "F Harvey-Smith" → FHS; nil for a surname alone.
    var initials: String? {
        guard tokens.count > 1 else { return nil }
        var out = ""
        for token in tokens {
            for part in token.split(separator: "-") {
                if let c = part.first(where: { $0.isLetter }), c.isUppercase { out.append(c) }
            }
        }
        return out.count >= 2 ? out : nil
    }

    /// Whether two ways of writing a name can be the same person: the same
    /// surname, and first initials that agree where both are given; where both
    /// give full first names, those agree too.
    func compatible(with other: PersonName) -> Bool {
        guard surnameKey == other.surnameKey else { return false }
        if let a = firstInitial, let b = other.firstInitial, a != b { return false }
        if let a = givenKey, let b = other.givenKey, a != b { return false }
        return true
    }

    /// The fuller of two ways of writing the same person.
    func fuller(_ other: PersonName) -> PersonName {
        if other.hasGivenName != hasGivenName { return other.hasGivenName ? other : self }
        return other.tokens.count > tokens.count ? other : self
    }

    /// "VH", "RB", "EJGH": two to four capitals standing for a name.
    static func isInitials(_ word: Substring) -> Bool {
        word.count >= 2 && word.count <= 4 && word.allSatisfy { $0.isUppercase && $0.isLetter }
    }

    /// Initials written against the surname ("B.J.Walker", "T.Burns") are two
    /// words: "B.J." and "Walker".
    static func splitInitials(_ token: String) -> [String] {
        let chars = Array(token)
        var k = 0
        while k + 1 < chars.count, chars[k].isUppercase, chars[k + 1] == "." { k += 2 }
        guard k > 0, k + 1 < chars.count, chars[k].isUppercase, chars[k + 1].isLowercase else { return [token] }
        return [String(chars[..<k]), String(chars[k...])]
    }

    static func isInitial(_ token: String) -> Bool {
        let letters = token.filter { $0 != "." }
        return letters.count == 1 && letters.first?.isUppercase == true
    }

    static func fold(_ s: String) -> String {
        let lower = s.lowercased()
        return lower.unicodeScalars.contains("\u{2019}") ? lower.replacingOccurrences(of: "\u{2019}", with: "'") : lower
    }
}
