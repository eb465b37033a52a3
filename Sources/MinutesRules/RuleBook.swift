import Foundation
import MinutesText
import Yams

/// Every rule the pipeline runs: the bundled rules, with those of any
/// `--rules` folders added (a rule with the id of a bundled one replaces it).
public struct RuleBook: Sendable {
    public let rules: [Rule]

    /// Problems found while loading; the book is unusable when there are any.
    public struct LoadError: Error, Sendable, CustomStringConvertible {
        public var errors: [RuleError]
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

    /// Starts compiling every pattern on another thread, last rules first,
    /// while the caller reads its first document and compiles the patterns it
    /// reaches in order: on two cores the two meet halfway, and a run on one
    /// document waits for about half the compiling. Searches never wait for a
    /// pattern they do not need.
    public func compileInBackground() {
        let patterns = rules.map(\.pattern)
        Thread.detachNewThread {
            for pattern in patterns.reversed() { try? pattern.compile() }
        }
    }

    public func rule(id: String) -> Rule? {
        rules.first { $0.id == id }
    }

    /// The rules built into the tool. Their patterns compile at their first
    /// search, so a run pays only for the rules its documents reach;
    /// `compilingNow` compiles every one at once and reports any that fails
    /// (what the tests and `minutes rules test` do).
    public static func bundled(compilingNow: Bool = false) throws(LoadError) -> RuleBook {
        try load(overriding: [], compilingNow: compilingNow)
    }

    /// The bundled rules plus the `.yaml` files found under each of `folders`
    /// (laid out as `<folder>/<dimension>/*.yaml`).
    /// Bundled patterns compile at first use unless `compilingNow`; the others at once.
    public static func load(overriding folders: [URL], compilingNow: Bool = false) throws(LoadError) -> RuleBook {
        var files = bundledRuleFiles.map { (path: $0.path, contents: $0.contents) }
        var errors: [RuleError] = []
        for folder in folders {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                errors.append(RuleError(file: folder.path, line: 0, reason: "no such rules folder; give a folder laid out as <dimension>/*.yaml"))
                continue
            }
            let found = (FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? [])
                .filter { $0.pathExtension == "yaml" || $0.pathExtension == "yml" }
                .sorted { $0.path < $1.path }
            for url in found {
                do {
                    files.append((url.path, try String(contentsOf: url, encoding: .utf8)))
                } catch {
                    errors.append(RuleError(file: url.path, line: 0, reason: "cannot read the file as UTF-8: \(error.localizedDescription)"))
                }
            }
        }
        if !errors.isEmpty { throw LoadError(errors: errors) }
        let bundled = Set(bundledRuleFiles.map(\.path))
        // A fragment from a --rules folder may replace one that bundled rules call,
        // so with any folder every pattern compiles now, where a failure names its file.
        return try load(files: files, overridable: bundled, checked: compilingNow || !folders.isEmpty ? [] : bundled)
    }

    /// Loads rule files given as (path, contents). Ids must be unique, except
    /// that a file outside `overridable` may replace a rule from a file inside it.
    /// Patterns of files in `checked` are known to compile and compile at first use;
    /// the others compile now, so a broken pattern is reported with its file and line.
    public static func load(files: [(path: String, contents: String)], overridable: Set<String> = [],
                            checked: Set<String> = []) throws(LoadError) -> RuleBook {
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
            RuleLoader.load(path: file.path, root: file.root, definitions: definitions, checked: checked.contains(file.path), into: &loaded, errors: &errors)
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
