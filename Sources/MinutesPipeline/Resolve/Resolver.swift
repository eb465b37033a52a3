import MinutesCore

/// Stage 5: ties values together once every extractor has run.
enum Resolver {
    static func resolve(_ document: inout MinutesDocument, context: Context) {
        document.diagnostics.sort { ($0.span?.start ?? -1, $0.code.rawValue) < ($1.span?.start ?? -1, $1.code.rawValue) }
    }
}
