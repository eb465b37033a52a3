import Foundation
import MinutesRules

// `bundledRuleFiles` (each file of Rules/ with its text) and `prebuiltRules()`
// (the rules the loader read from them) are written by rules-embedder when the
// package is built: see Plugins/EmbedRules.

extension RuleBook {
    /// The rules built into the tool. Their patterns compile at their first
    /// search, so a run pays only for the rules its documents reach;
    /// `compilingNow` compiles every one at once and reports any that fails
    /// (what the tests and `minutes rules test` do).
    public static func bundled(compilingNow: Bool = false) throws(LoadError) -> RuleBook {
        try load(overriding: [], compilingNow: compilingNow)
    }

    /// The bundled rules as the loader read them when the package was built
    /// (which also compiled every pattern); each pattern compiles again at its
    /// first search. No YAML is read.
    public static func prebuilt() -> RuleBook {
        RuleBook(rules: prebuiltRules())
    }

    /// The bundled rules plus the `.yaml` files found under each of `folders`
    /// (laid out as `<folder>/<dimension>/*.yaml`).
    ///
    /// Without folders, and unless `compilingNow`, the rules are `prebuilt()`.
    /// Otherwise every file is read now and every
    /// pattern compiles at once: a fragment from a folder may replace one that
    /// bundled rules call, and a failure then names its file and line.
    public static func load(overriding folders: [URL], compilingNow: Bool = false) throws(LoadError) -> RuleBook {
        if folders.isEmpty && !compilingNow { return prebuilt() }
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
        return try load(files: files, overridable: Set(bundledRuleFiles.map(\.path)))
    }
}
