import BundledRules
import FuzzChecks
import MinutesPipeline
import MinutesRules

// libFuzzer entry point: the bytes as a minutes file through the whole
// pipeline (decode, normalise, segment, extract, resolve, emit), checked by
// DocumentChecks. The first byte's low bit picks the file name, so the HTML
// reader gets the same bytes as the text reader does.

/// The bundled rules, made once for the whole run.
let pipeline = Pipeline(rules: RuleBook.prebuilt())

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    let path = (bytes.first ?? 0) & 1 == 1 ? "fuzz.html" : "fuzz.txt"
    DocumentChecks.run(pipeline, bytes: bytes, path: path)
    return 0
}
