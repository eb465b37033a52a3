import Foundation
import FuzzChecks
import MinutesPipeline
import MinutesRules

// libFuzzer entry point: the bytes as a rule file, read by the rule loader
// (`RuleBook.load(files:)`, the loader's text entry point, which --rules
// folders also go through); when it loads, its rules run over a short
// minutes text, checked by DocumentChecks. A file the loader refuses is
// fine; a trap or a hang is a finding. The file is loaded alone: loading the
// bundled rules with it, as --rules does, took a third of a second an input.
//
// Input: the first line names the dimension folder the file sits in (one of
// the loader's dimensions; anything else becomes a folder the loader must
// refuse), the rest is the YAML. scripts/fuzz writes the seeds that way.

let dimensions: Set<String> = ["meeting", "items", "amounts", "attendance", "people", "decisions", "actions", "dates"]

/// Minutes with a header, attendance, numbered items, a decision, an action, dates and sums.
let minutes = Array("""
    Dorset Police and Crime Panel
    Minutes of the meeting held on Friday 22 September 2017 at 10.00am, County Hall, Dorchester

    Present: Cllr Mike Short (Chairman), Cllr Andy Canning, Mr Michael Rabbetts
    Apologies: Cllr Tim Morris

    1. Apologies for Absence
       Apologies were received from Cllr Tim Morris.

    2. Budget Monitoring
       The Panel noted a saving of £885k this year and grants of £100-£3000.
       RESOLVED: that the budget be approved.
       ACTION: The Clerk to circulate the report by 29 June 2018. (MR)

    """.utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    // --rules reads files as UTF-8 and refuses any other.
    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    let firstLine = text.prefix { $0 != "\n" }
    let dimension = dimensions.contains(String(firstLine)) ? String(firstLine) : "not-a-dimension"
    let yaml = text.dropFirst(firstLine.count + 1)
    let path = "rules/\(dimension)/fuzz.yaml"
    guard let rules = try? RuleBook.load(files: [(path, String(yaml))]) else { return 0 }
    DocumentChecks.run(Pipeline(rules: rules), bytes: minutes, path: "minutes.txt")
    return 0
}
