import ArgumentParser
import Foundation
import MinutesPipeline

/// `minutes evaluate DIR...`: scores against gold files.
public struct Evaluate: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score extraction against gold files: precision, recall and F1 per field.",
        discussion: """
            Each folder is searched for inputs (.txt, .html, .htm) with a NAME.gold.json
            beside them; NAME.meta.json, where present, supplies the body and meeting
            date as context. Scoring follows SPEC §4: meeting title by containment and
            date exactly; attendance by name per group; items by number; decisions
            and actions by word overlap; amounts and dates by value. Fields a gold
            file leaves out are not scored. Figures are micro-averaged over all
            documents of a folder; with several folders a total follows.

            EXAMPLES
              minutes evaluate Corpus/
              minutes evaluate Corpus/ ../shared/corpus-dev/ --per-document
              minutes evaluate Corpus/ --min-f1 items=0.9 --min-f1 amounts=0.8

            \(ExitStatus.help)
            """
    )

    @Argument(help: ArgumentHelp("Folders holding inputs and their gold files.", valueName: "dir"))
    var folders: [String]

    @Flag(name: .customLong("per-document"), help: "Also print a table for each document.")
    var perDocument = false

    @Option(name: .customLong("min-f1"), help: ArgumentHelp(
        "Exit with status 1 when a field's F1 over all folders is below the bound. Repeatable.", valueName: "field=F1"))
    var minimums: [String] = []

    @OptionGroup var rules: RulesOptions

    public init() {}

    public func validate() throws {
        for bound in minimums {
            guard let (field, _) = Evaluate.bound(bound) else {
                throw ValidationError("--min-f1 takes field=F1, e.g. --min-f1 items=0.9 (got '\(bound)'); F1 is a number from 0 to 1")
            }
            guard Scorecard.order.contains(field) else {
                throw ValidationError("--min-f1: no field '\(field)'; the fields are \(Scorecard.order.joined(separator: ", "))")
            }
        }
    }

    /// `field=F1` read: the field and its bound, a number from 0 to 1; nil for anything else.
    static func bound(_ text: String) -> (field: String, minimum: Double)? {
        let parts = text.split(separator: "=")
        guard parts.count == 2, let minimum = Double(parts[1]), (0...1).contains(minimum) else { return nil }
        return (String(parts[0]), minimum)
    }

    public func run() throws {
        let evaluation = Evaluation(pipeline: try rules.pipeline())
        var total = Scorecard()
        var failed = false
        for folder in folders {
            let cases = CorpusCase.discover(in: URL(fileURLWithPath: folder))
            guard !cases.isEmpty else {
                Console.error("\(folder): no inputs with a .gold.json beside them; give a corpus folder")
                throw ExitStatus.noInput
            }
            var card = Scorecard()
            for corpusCase in cases {
                do {
                    let (score, _) = try evaluation.score(corpusCase, displayPath: corpusCase.input.path)
                    card = card + score.card
                    if perDocument { try Console.write(ScoreTable.render(score.card, title: corpusCase.name) + "\n") }
                } catch {
                    // One bad document is reported and the rest are still scored.
                    Console.error("\(corpusCase.input.path): \((error as? InputError)?.message ?? "\(error)")")
                    failed = true
                }
            }
            try Console.write(ScoreTable.render(card, title: "\(folder) (\(cases.count) documents)") + "\n")
            total = total + card
        }
        if folders.count > 1 { try Console.write(ScoreTable.render(total, title: "all folders")) }
        for (field, minimum) in minimums.compactMap(Evaluate.bound) {
            let f1 = total.fields[field]?.f1 ?? 0
            if f1 < minimum {
                Console.error("\(field): F1 \(String(format: "%.3f", f1)) is below \(minimum)")
                failed = true
            }
        }
        if failed { throw ExitStatus.checkFailed }
    }
}
