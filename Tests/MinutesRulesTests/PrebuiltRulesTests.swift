import BundledRules
import Testing
@testable import MinutesRules

/// The bundled rules a run without `--rules` gets (read by the loader when the
/// package was built) are the rules the loader reads from the bundled files now.
@Suite struct PrebuiltRulesTests {
    @Test func prebuiltRulesAreTheRulesTheLoaderReads() throws {
        let prebuilt = try RuleBook.bundled().rules
        let loaded = try RuleBook.bundled(compilingNow: true).rules
        #expect(!prebuilt.isEmpty)
        #expect(prebuilt.map(\.id) == loaded.map(\.id))
        // Rules naming the same fragment, with the same options in force, share the pattern that finds it.
        let nears = prebuilt.compactMap(\.near).filter { $0.fragment == "month_name" }
        #expect(nears.count > 2)
        for options in Set(nears.map(\.finder.options.rawValue)) {
            #expect(Set(nears.filter { $0.finder.options.rawValue == options }.map { ObjectIdentifier($0.finder) }).count == 1)
        }
        for (built, read) in zip(prebuilt, loaded) {
            let at = "\(read.id) @ \(read.file):\(read.line)"
            #expect(built.id == read.id, "\(at)")
            #expect(built.dimension == read.dimension, "\(at)")
            #expect(built.description == read.description, "\(at)")
            #expect(built.pattern.source == read.pattern.source, "\(at)")
            #expect(built.pattern.options == read.pattern.options, "\(at)")
            #expect(built.yields == read.yields, "\(at)")
            #expect(built.settings == read.settings, "\(at)")
            #expect(built.priority == read.priority, "\(at)")
            #expect(built.examples == read.examples, "\(at)")
            #expect(built.triggers == read.triggers, "\(at)")
            #expect(built.near?.fragment == read.near?.fragment, "\(at)")
            #expect(built.near?.reach == read.near?.reach, "\(at)")
            #expect(built.near?.finder.source == read.near?.finder.source, "\(at)")
            #expect(built.near?.finder.options == read.near?.finder.options, "\(at)")
            #expect(built.file == read.file, "\(at)")
            #expect(built.line == read.line, "\(at)")
        }
    }

    /// The test above compares every stored field of a rule; one added to `Rule`
    /// must be added there and to rules-embedder, or bundled rules would lose it.
    @Test func theComparisonCoversEveryField() throws {
        let rule = try #require(try RuleBook.bundled().rules.first)
        #expect(Mirror(reflecting: rule).children.map(\.label) == [
            "id", "dimension", "description", "pattern", "yields", "settings", "priority",
            "examples", "triggers", "near", "file", "line",
        ])
    }
}
