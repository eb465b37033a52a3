import Foundation
import MinutesText
import Yams

/// Every rule the pipeline runs: the bundled rules (`BundledRules`), with those
/// of any `--rules` folders added (a rule with the id of a bundled one replaces it).
public struct RuleBook: Sendable {
    public let rules: [Rule]

    /// Problems found while loading; the book is unusable when there are any.
    public struct LoadError: Error, Sendable, CustomStringConvertible {
        public var errors: [RuleError]
        public init(errors: [RuleError]) { self.errors = errors }
        public var description: String { errors.map(\.description).joined(separator: "\n") }
    }

    /// Every rule's trigger words, once each, to find in one pass over a text.
    public let triggers: TriggerSet

    public init(rules: [Rule]) {
        self.rules = rules
        var seen = Set<[UInt8]>()
        triggers = TriggerSet(words: rules.flatMap(\.triggers).filter { seen.insert($0).inserted })
    }

    /// Rules of one dimension, highest priority first, then in file order.
    public func rules(for dimension: String) -> [Rule] {
        rules.enumerated()
            .filter { $0.element.dimension == dimension }
            .sorted { ($0.element.priority, -$0.offset) > ($1.element.priority, -$1.offset) }
            .map(\.element)
    }

    /// Starts compiling the search code of `rules` (and of the finders of the
    /// fragments they are `near`) on another thread, last first, while the
    /// caller reads its first document and compiles the patterns it reaches
    /// in order: on two cores the two meet halfway, and a run on one document
    /// waits for about half the compiling. Searches never wait for a pattern
    /// they do not need.
    public static func compileInBackground(_ rules: [Rule]) {
        let patterns = rules.flatMap { [$0.near?.finder, $0.pattern].compactMap { $0 } }
        Thread.detachNewThread {
            for pattern in patterns.reversed() { try? pattern.compile() }
        }
    }

    public func rule(id: String) -> Rule? {
        rules.first { $0.id == id }
    }

    /// Loads rule files given as (path, contents). Ids must be unique, except
    /// that a file outside `overridable` may replace a rule from a file inside it.
    /// Every pattern compiles now, so a broken one is reported with its file and line.
    public static func load(files: [(path: String, contents: String)], overridable: Set<String> = []) throws(LoadError) -> RuleBook {
        var rules: [Rule] = []
        var errors: [RuleError] = []
        // Each file's YAML is read once: for the fragments, then for the rules.
        var parsed: [(path: String, root: Node?)] = []
        for file in files {
            let before = errors.count
            let root = RuleLoader.compose(path: file.path, contents: file.contents, errors: &errors)
            if errors.count == before { parsed.append((file.path, root)) }
        }
        let definitions = RuleLoader.definitions(in: parsed, overridable: overridable, errors: &errors)
        for file in parsed {
            var loaded: [Rule] = []
            RuleLoader.load(path: file.path, root: file.root, definitions: definitions, into: &loaded, errors: &errors)
            for rule in loaded {
                if let i = rules.firstIndex(where: { $0.id == rule.id }) {
                    if overridable.contains(rules[i].file) && !overridable.contains(rule.file) {
                        rules[i] = rule
                    } else {
                        errors.append(RuleError(file: rule.file, line: rule.line, reason: "duplicate rule id '\(rule.id)', first defined at \(rules[i].file):\(rules[i].line); give each rule its own id"))
                    }
                } else {
                    rules.append(rule)
                }
            }
        }
        if !errors.isEmpty { throw LoadError(errors: errors) }
        return RuleBook(rules: rules)
    }
}
