import Foundation
import OutputChecks
import Testing

/// Checks `Schema/minutes-1.schema.json` together with the validator the corpus tests use to check output against it.
@Suite struct JSONSchemaValidatorTests {
    static let schemaURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // CorpusTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("Schema/minutes-1.schema.json")

    func validator() throws -> JSONSchemaValidator {
        try JSONSchemaValidator(schemaData: Data(contentsOf: Self.schemaURL))
    }

    /// Parses JSON text the way output is read back in the corpus tests.
    func parse(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    /// `full` with each `(old, new)` replaced once; fails the test if `old` is not there,
    /// so a stale replacement cannot quietly leave the document valid.
    func variant(_ replacements: (String, String)..., sourceLocation: SourceLocation = #_sourceLocation) throws -> Any {
        var text = Self.full
        for (old, new) in replacements {
            let range = try #require(text.range(of: old), "\(old) not in the sample document", sourceLocation: sourceLocation)
            text.replaceSubrange(range, with: new)
        }
        return try parse(text)
    }

    /// Validates `instance` and expects exactly one error, starting with `pointer` and containing `reason`.
    func expectSingleError(
        _ instance: Any, at pointer: String, containing reason: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let errors = try validator().validate(instance)
        #expect(errors.count == 1, "\(errors)", sourceLocation: sourceLocation)
        #expect(
            errors.contains { $0.hasPrefix(pointer + ": ") && $0.contains(reason) },
            "expected \(pointer): …\(reason)…, got \(errors)", sourceLocation: sourceLocation)
    }

    // MARK: Valid documents

    @Test func minimalDocumentIsValid() throws {
        #expect(try validator().validate(parse(Self.minimal)) == [])
    }

    @Test func fullDocumentIsValid() throws {
        #expect(try validator().validate(parse(Self.full)) == [])
    }

    @Test func optionalAndNullableFieldsAreAccepted() throws {
        let instance = try variant(
            (#""span": {"start": 19, "end": 76, "line": 3},"#, #""span": null,"#),
            (#""due": {"text": "27 th April 2017", "date": "2017-04-27"}"#, #""due": null"#),
            (#""rule": "action.log-table""#, #""status": "carried-forward", "rule": "action.log-table""#),
            (#""value": 885000,"#, #""value": 885000.5, "period": "year","#),
            (#""grain": "day","#, #""grain": "day", "resolved": true,"#),
            (#""group": "Core Attendees","#, #""group": null, "substitute_for": null, "note": "left at 11:00","#))
        #expect(try validator().validate(instance) == [])
    }

    // MARK: Invalid documents

    @Test func missingRequiredKey() throws {
        let noHash = try variant((#""sha256": "\#(Self.sha)", "#, ""))
        try expectSingleError(noHash, at: "/source/sha256", containing: "required property is missing")

        let noDates = try variant((#""dates": [{"text": "29 June 2017""#, #""datez": [{"text": "29 June 2017""#))
        let errors = try validator().validate(noDates)
        #expect(errors.contains("/dates: required property is missing"), "\(errors)")
        #expect(errors.contains("/datez: property is not allowed here"), "\(errors)")
    }

    @Test func wrongType() throws {
        try expectSingleError(
            variant((#""number": "77""#, #""number": 77"#)),
            at: "/items/0/number", containing: "expected string, got number")
        try expectSingleError(
            variant((#""honorific": null"#, #""honorific": ["Cllr"]"#)),
            at: "/people/0/honorific", containing: "expected string or null, got array")
        try expectSingleError(
            variant((#""span": {"start": 19, "end": 76, "line": 3},"#, #""span": "19-76","#)),
            at: "/meeting/span", containing: "anyOf")
    }

    @Test func extraKey() throws {
        try expectSingleError(
            variant((#""kind": "resolved","#, #""kind": "resolved", "confidence": 0.9,"#)),
            at: "/decisions/0/confidence", containing: "not allowed")
        try expectSingleError(
            variant((#""line": 15}"#, #""line": 15, "column": 4}"#)),
            at: "/people/0/span/column", containing: "not allowed")
    }

    @Test func badEnumValue() throws {
        try expectSingleError(
            variant((#""status": "present""#, #""status": "attending""#)),
            at: "/attendance/0/status", containing: #""attending" is not one of"#)
        try expectSingleError(
            variant((#""schema": "minutes/1""#, #""schema": "minutes/2""#)),
            at: "/schema", containing: "constant")
    }

    @Test func badDatePattern() throws {
        try expectSingleError(
            variant((#""date": "2017-09-22""#, #""date": "22/09/2017""#)),
            at: "/meeting/date", containing: "does not match the pattern")
        // ECMA-262 semantics: `$` does not match before a final newline, `\d` is ASCII only.
        try expectSingleError(
            variant((#""date": "2017-09-22""#, #""date": "2017-09-22\n""#)),
            at: "/meeting/date", containing: "pattern")
        try expectSingleError(
            variant((#""date": "2017-09-22""#, #""date": "٢٠١٧-09-22""#)),
            at: "/meeting/date", containing: "pattern")
    }

    @Test func amountNeedsValueOrRange() throws {
        try expectSingleError(
            variant((#""value": 885000, "#, "")),
            at: "/amounts/0", containing: "none of the oneOf")
        // min without max is not a range
        try expectSingleError(
            variant((#""value": 885000, "#, #""min": 1, "#)),
            at: "/amounts/0", containing: "none of the oneOf")
        try expectSingleError(
            variant((#""value": 885000, "#, #""value": 885000, "min": 1, "max": 2, "#)),
            at: "/amounts/0", containing: "expected exactly one")
    }

    @Test func booleansAndNumbersAreToldApart() throws {
        try expectSingleError(
            variant((#""grain": "day","#, #""grain": "day", "resolved": 1,"#)),
            at: "/dates/0/resolved", containing: "expected boolean, got number")
        try expectSingleError(
            variant((#""value": 885000,"#, #""value": true,"#)),
            at: "/amounts/0/value", containing: "expected number, got boolean")
        try expectSingleError(
            variant((#""line": 15}"#, #""line": true}"#)),
            at: "/people/0/span/line", containing: "expected integer, got boolean")
        try expectSingleError(
            variant((#""bytes": 18683"#, #""bytes": false"#)),
            at: "/source/bytes", containing: "expected integer, got boolean")
        // 0 and 1 are numbers, not booleans, and false/true are not 0/1 for `enum`/`const`.
        try expectSingleError(
            variant((#""grain": "day","#, #""grain": "day", "resolved": 0,"#)),
            at: "/dates/0/resolved", containing: "got number")
    }

    @Test func integersAndMinimums() throws {
        try expectSingleError(
            variant((#""line": 15}"#, #""line": 1.5}"#)),
            at: "/people/0/span/line", containing: "expected integer, got number")
        try expectSingleError(
            variant((#""line": 15}"#, #""line": 0}"#)),
            at: "/people/0/span/line", containing: "less than the minimum 1")
        #expect(try validator().validate(variant((#""line": 15}"#, #""line": 15.0}"#))) == [])
    }

    /// Values built by hand in Swift (not read by JSONSerialization) are classified the same way.
    @Test func handBuiltSwiftValues() throws {
        let v = try validator()
        var document = try #require(try parse(Self.minimal) as? [String: Any])
        let span: [String: Any] = ["start": 0, "end": 4, "line": 1]
        let date: [String: Any] = ["text": "2017", "value": "2017", "grain": "year", "span": span, "rule": "date.year"]
        document["dates"] = [date.merging(["resolved": true]) { $1 }]
        #expect(v.validate(document) == [])
        document["dates"] = [date.merging(["resolved": 1]) { $1 }]
        #expect(v.validate(document) == ["/dates/0/resolved: expected boolean, got number"])
        document["dates"] = [date.merging(["span": ["start": 0, "end": 4, "line": true]]) { $1 }]
        #expect(v.validate(document) == ["/dates/0/span/line: expected integer, got boolean"])
    }

    // MARK: The validator refuses what it cannot check

    @Test func unsupportedKeywordsAreRejected() {
        for schema in [
            #"{"type": "string", "format": "date"}"#,
            #"{"properties": {"a": {"maxLength": 3}}}"#,
            ##"{"items": {"$ref": "#/$defs/missing"}, "$defs": {}}"##,
            ##"{"$ref": "other.json#/x"}"##,
            #"{"type": "text"}"#,
            #"{"pattern": "("}"#,
            #"{"properties": {"a": {"$defs": {}}}}"#,
        ] {
            #expect(throws: JSONSchemaValidator.SchemaError.self, "\(schema)") {
                try JSONSchemaValidator(schemaData: Data(schema.utf8))
            }
        }
    }

    // MARK: Sample documents

    static let sha = String(repeating: "0123456789abcdef", count: 4)

    static let minimal = #"""
        {
          "schema": "minutes/1",
          "source": {"path": "x.txt", "sha256": "\#(sha)", "bytes": 0, "encoding": "utf-8", "format": "text"},
          "meeting": {"title": null, "organisation": null, "date": null, "start": null, "end": null,
                      "venue": null, "span": null},
          "people": [], "attendance": [], "items": [], "decisions": [], "actions": [],
          "amounts": [], "dates": [], "diagnostics": []
        }
        """#

    /// One entry in every list, after the example in SPEC.md §1.
    static let full = #"""
        {
          "schema": "minutes/1",
          "source": {"path": "Corpus/dorset-2017-09-22.txt", "sha256": "\#(sha)", "bytes": 18683,
                     "encoding": "utf-8", "format": "text"},
          "meeting": {"title": "Dorset Police and Crime Panel", "organisation": "Dorset County Council",
                      "date": "2017-09-22", "start": "10:00", "end": null, "venue": "Committee Room 1",
                      "span": {"start": 19, "end": 76, "line": 3},
                      "fields": {"title": {"span": {"start": 19, "end": 48, "line": 3}, "rule": "meeting.title"}}},
          "people": [{"id": "P1", "name": "Roger Hirst", "honorific": null, "initials": "RH",
                      "role": "Police and Crime Commissioner", "organisation": null,
                      "span": {"start": 190, "end": 246, "line": 15}}],
          "attendance": [{"person": "P1", "status": "present", "group": "Core Attendees",
                          "span": {"start": 190, "end": 246, "line": 16}, "rule": "attendance.block"}],
          "items": [{"id": "I77", "number": "77", "title": "Apologies for Absence",
                     "span": {"start": 300, "end": 325, "line": 20}, "rule": "item.heading"}],
          "decisions": [{"item": "I77", "kind": "resolved", "text": "That the report be noted.",
                         "rule": "decision.resolved-list", "span": {"start": 400, "end": 425, "line": 25}}],
          "actions": [{"ref": "106/16", "item": null, "text": "VH to present paper to the next board",
                       "owners": [{"text": "VH", "person": "P1"}, {"text": "Finance team", "person": null}],
                       "due": {"text": "27 th April 2017", "date": "2017-04-27"},
                       "rule": "action.log-table", "span": {"start": 500, "end": 537, "line": 30}}],
          "amounts": [{"text": "£885k", "value": 885000, "currency": "GBP",
                       "span": {"start": 600, "end": 605, "line": 35}, "rule": "amount.symbol"},
                      {"text": "£100-£3000", "min": 100, "max": 3000, "currency": "GBP",
                       "span": {"start": 610, "end": 620, "line": 35}, "rule": "amount.range"}],
          "dates": [{"text": "29 June 2017", "value": "2017-06-29", "grain": "day",
                     "span": {"start": 700, "end": 712, "line": 40}, "rule": "date.day-month-year"}],
          "diagnostics": [{"code": "action-missing-due-date", "severity": "warning",
                           "message": "Action 'An update on complaints handling…' has no due date",
                           "span": {"start": 800, "end": 840, "line": 45}},
                          {"code": "meeting-date-missing", "severity": "error", "message": "No meeting date"}]
        }
        """#
}
