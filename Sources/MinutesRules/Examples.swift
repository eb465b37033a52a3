import MinutesCore
import MinutesText

/// The outcome of running one rule example.
public struct ExampleResult: Sendable {
    public var rule: Rule
    public var example: RuleExample
    /// nil when the example holds; otherwise what went wrong.
    public var failure: String?

    /// `file:line: rule id: …`, pointing at the example.
    public var location: String { "\(rule.file):\(example.line)" }
}

extension Rule {
    /// Runs the example through the same normalisation and matching as documents get.
    public func check(_ example: RuleExample) -> ExampleResult {
        let source = SourceText(example.text.unicodeScalars)
        let text = Normalizer.normalize(source, format: .text)
        let found: [RuleMatch]
        do {
            found = try matches(in: text)
        } catch {
            return ExampleResult(rule: self, example: example, failure: "pattern hit the PCRE2 limit: \(error.reason)")
        }
        let built = found.compactMap { m -> (String, RuleValue)? in
            guard case .success(let value) = m.value else { return nil }
            return (source.text(text.originalRange(m.range)), value)
        }
        guard let expect = example.expect else {
            if let (matched, _) = built.first {
                return ExampleResult(rule: self, example: example, failure: "must not match, but matched '\(matched)'")
            }
            return ExampleResult(rule: self, example: example, failure: nil)
        }
        guard let (matched, value) = built.first else {
            let why = found.first.flatMap { m -> String? in
                if case .failure(let f) = m.value { return " (matched, but \(f.reason))" }
                return nil
            } ?? ""
            return ExampleResult(rule: self, example: example, failure: "must match, but did not\(why)")
        }
        var fields = value.fields
        fields["text"] = matched
        var problems: [String] = []
        for (key, wanted) in expect.sorted(by: { $0.key < $1.key }) {
            guard let got = fields[key] else {
                problems.append("no field '\(key)' (fields: \(fields.keys.sorted().joined(separator: ", ")))")
                continue
            }
            if !Self.same(got, wanted) { problems.append("\(key) is '\(got)', expected '\(wanted)'") }
        }
        return ExampleResult(rule: self, example: example, failure: problems.isEmpty ? nil : problems.joined(separator: "; "))
    }

    /// Numbers compare by value (`885000` = `885000.0`), everything else as written.
    static func same(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        if let x = Double(a), let y = Double(b) { return x == y }
        return false
    }
}

extension RuleBook {
    /// Every example of every rule.
    public func checkExamples() -> [ExampleResult] {
        rules.flatMap { rule in rule.examples.map(rule.check) }
    }
}
