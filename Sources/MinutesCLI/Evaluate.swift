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

            With --coverage no gold is needed: every input of the folders (.txt,
            .html, .htm) is extracted and the report says, per document and in
            total, which parts came back empty or doubtful: no title, no date,
            no register, a register of one name, no items, item numbers that
            skip, no decisions, a date far from the meeting's; and the
            diagnostics by code. Point it at your own archive to see where the
            tool is blind.

            EXAMPLES
              minutes evaluate --coverage my-archive/
              minutes evaluate --coverage my-archive/ --format json | jq '.totals'
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

    @Flag(help: "Report what came back empty or doubtful, without gold files.")
    var coverage = false

    @Option(help: ArgumentHelp("With --coverage: 'text' (a line per finding, then totals) or 'json'.", valueName: "format"))
    var format: Validate.Format = .text

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
        if coverage { return try runCoverage() }
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

    /// `--coverage`: extract every input of the folders and report what is missing.
    func runCoverage() throws {
        let pipeline = try rules.pipeline()
        var documents: [DocumentCoverage] = []
        var failed = false
        for folder in folders {
            let inputs = CoverageInputs.list(URL(fileURLWithPath: folder))
            guard !inputs.isEmpty else {
                Console.error("\(folder): no .txt, .html or .htm inputs here; give a folder of minutes")
                throw ExitStatus.noInput
            }
            for input in inputs {
                do {
                    let bytes = Array(try Data(contentsOf: input))
                    let context = try CorpusCase.context(meta: CorpusCase.meta(beside: input))
                    let document = try pipeline.extract(bytes: bytes, path: input.path, context: context)
                    documents.append(DocumentCoverage(document))
                } catch {
                    // One bad document is reported and the rest are still read.
                    Console.error("\(input.path): \((error as? InputError)?.message ?? "\(error)")")
                    failed = true
                }
            }
        }
        let report = CoverageReport(documents)
        switch format {
        case .text:
            try Console.write(report.text())
        case .json:
            try Console.write(try JSONEncoder.sortedPretty.encode(report) + Data("\n".utf8))
        }
        if failed { throw ExitStatus.checkFailed }
    }
}

/// The inputs of a folder for `--coverage`: every text or HTML file, gold or not.
enum CoverageInputs {
    static func list(_ folder: URL) -> [URL] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else { return [] }
        if !isFolder.boolValue { return [folder] }
        return ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { CorpusCase.inputExtensions.contains($0.pathExtension.lowercased()) }
            .sorted { $0.path < $1.path }
    }
}
