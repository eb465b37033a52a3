import ArgumentParser
import Foundation
import MinutesCore
import MinutesPipeline

/// `minutes validate FILE...`: the findings a clerk fixes before publishing.
public struct Validate: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check minutes before publishing: actions with no owner or due date, unknown owners, and more.",
        discussion: """
            Prints one line per finding, as a compiler does:

              minutes.txt:42:1: warning: action 'Circulate the plan' has no due date [action-missing-due-date]

            Findings and their severities:
              error    action-owner-unknown     initials that match no one in the minutes
              error    invalid-date             a header date that is not a calendar date
              warning  action-missing-owner     an action with no owner
              warning  action-missing-due-date  an action with no due date
              warning  due-date-before-meeting  an open action due before the meeting that set it
              warning  decision-without-item    a decision outside any agenda item
              warning  decision-vote-unclear    a motion proposed or voted on with no outcome
              warning  meeting-date-missing     no meeting date in the header
              warning  meeting-title-missing    no meeting body in the header
              warning  person-ambiguous         a name or initials that fit two people
              warning  pattern-limit            a rule gave up on this text; its matches there are lost
              note     legacy-encoding          the file was read as Windows-1252
              warning  empty-input              the file has no text

            --format json prints the same findings as one JSON document. Files that
            cannot be read are reported and the others are still checked.

            EXAMPLES
              minutes validate minutes.txt
              minutes validate --fail-on warning drafts/*.txt
              minutes validate --format json minutes.txt | jq '.files[].diagnostics[]'

            EXIT STATUS
              0   no finding at or above the --fail-on severity (default: error)
              1   a finding at or above the --fail-on severity
              64  usage error
              65  a file is not usable text (binary, undecodable, over --max-bytes)
              66  a file does not exist or cannot be read
              78  a rule file is invalid
            A file that cannot be read gives 65 or 66 even when other files have findings.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    enum Threshold: String, ExpressibleByArgument, CaseIterable {
        case error, warning, note
        var severity: Severity {
            switch self {
            case .error: .error
            case .warning: .warning
            case .note: .note
            }
        }
    }

    @Argument(help: ArgumentHelp("Minutes files, or - for standard input.", valueName: "file"))
    var files: [String]

    @Option(help: ArgumentHelp("Output as 'text' (one line per finding) or 'json'.", valueName: "format"))
    var format: Format = .text

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("Exit 1 when a finding of this severity or worse exists: error, warning or note.", valueName: "severity"))
    var failOn: Threshold = .error

    @OptionGroup var input: InputOptions
    @OptionGroup var context: ContextOptions
    @OptionGroup var rules: RulesOptions

    public init() {}

    struct Finding: Encodable {
        var code: String
        var severity: String
        var message: String
        var line: Int?
        var column: Int?
        var span: Span?
        var rule: String?
    }

    struct FileReport: Encodable {
        var path: String
        var error: String?
        var diagnostics: [Finding]
    }

    struct Report: Encodable {
        var files: [FileReport]
        var errors: Int
        var warnings: Int
        var notes: Int
    }

    public func run() throws {
        let pipeline = try rules.pipeline()
        var reports: [FileReport] = []
        var unreadable: ExitCode?
        for path in files {
            let loaded: LoadedInput
            switch input.read(path) {
            case .success(let read):
                loaded = read
            case .failure(let error):
                Console.error("\(path): \(error.message)")
                reports.append(FileReport(path: path, error: error.message, diagnostics: []))
                unreadable = unreadable ?? ExitStatus.status(for: error)
                continue
            }
            let document = pipeline.analyse(loaded, context: context.context).document
            let findings = document.diagnostics.map { d in
                Finding(code: d.code.rawValue, severity: d.severity.rawValue, message: d.message,
                        line: d.span?.line, column: d.span.map { loaded.text.column(at: $0.start) }, span: d.span, rule: d.rule)
            }
            reports.append(FileReport(path: path, error: nil, diagnostics: findings))
        }
        let all = reports.flatMap(\.diagnostics)
        let report = Report(files: reports, errors: all.filter { $0.severity == "error" }.count,
                            warnings: all.filter { $0.severity == "warning" }.count, notes: all.filter { $0.severity == "note" }.count)
        switch format {
        case .text:
            var out = ""
            for file in reports {
                for f in file.diagnostics {
                    let place = f.line.map { "\(file.path):\($0):\(f.column ?? 1)" } ?? file.path
                    out += "\(place): \(f.severity): \(f.message) [\(f.code)]\n"
                }
            }
            try Console.write(out)
            Console.error("\(report.errors) error\(report.errors == 1 ? "" : "s"), \(report.warnings) warning\(report.warnings == 1 ? "" : "s"), \(report.notes) note\(report.notes == 1 ? "" : "s") in \(files.count) file\(files.count == 1 ? "" : "s")", prefix: false)
        case .json:
            try Console.write(try JSONEncoder.sortedPretty.encode(report) + Data("\n".utf8))
        }
        if let unreadable { throw unreadable }
        let tripped = reports.flatMap(\.diagnostics).contains { f in
            Severity(rawValue: f.severity).map { $0 >= failOn.severity } ?? false
        }
        if tripped { throw ExitStatus.checkFailed }
    }
}
