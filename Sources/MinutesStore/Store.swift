import Foundation
import GRDB
import MinutesCore
import MinutesPipeline

/// A SQLite database of extracted minutes, ready for Datasette: one row per
/// document and rows for what was found in it, with foreign keys and indexes.
/// Documents are keyed by the SHA-256 of their bytes: storing one again
/// replaces its rows (never duplicates them); with `resume` it is skipped.
public final class Store {
    let queue: DatabaseQueue

    public init(path: String) throws {
        var config = Configuration()
        config.foreignKeysEnabled = true
        queue = try DatabaseQueue(path: path, configuration: config)
        try Store.migrator.migrate(queue)
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("minutes/1") { db in
            try db.execute(sql: """
                CREATE TABLE documents (
                    id INTEGER PRIMARY KEY,
                    path TEXT NOT NULL,
                    sha256 TEXT NOT NULL UNIQUE,
                    bytes INTEGER NOT NULL,
                    encoding TEXT NOT NULL,
                    format TEXT NOT NULL,
                    meeting_title TEXT,
                    meeting_organisation TEXT,
                    meeting_date TEXT,
                    meeting_start TEXT,
                    meeting_end TEXT,
                    meeting_venue TEXT
                );
                CREATE INDEX documents_meeting_date ON documents(meeting_date);
                CREATE TABLE people (
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    person TEXT NOT NULL,
                    name TEXT NOT NULL,
                    honorific TEXT, initials TEXT, role TEXT, organisation TEXT,
                    line INTEGER,
                    PRIMARY KEY (document_id, person)
                );
                CREATE INDEX people_name ON people(name);
                CREATE TABLE attendance (
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    person TEXT NOT NULL,
                    status TEXT NOT NULL,
                    "group" TEXT,
                    substitute_for TEXT,
                    arrived TEXT, left TEXT,
                    line INTEGER,
                    FOREIGN KEY (document_id, person) REFERENCES people(document_id, person)
                );
                CREATE INDEX attendance_document ON attendance(document_id);
                CREATE INDEX attendance_status ON attendance(status);
                CREATE TABLE items (
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    item TEXT NOT NULL,
                    number TEXT NOT NULL,
                    title TEXT NOT NULL,
                    line INTEGER,
                    PRIMARY KEY (document_id, item)
                );
                CREATE TABLE decisions (
                    id INTEGER PRIMARY KEY,
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    item TEXT,
                    kind TEXT NOT NULL,
                    text TEXT NOT NULL,
                    rule TEXT NOT NULL,
                    line INTEGER
                );
                CREATE INDEX decisions_document ON decisions(document_id);
                CREATE INDEX decisions_kind ON decisions(kind);
                CREATE TABLE actions (
                    id INTEGER PRIMARY KEY,
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    ref TEXT,
                    item TEXT,
                    text TEXT NOT NULL,
                    due_text TEXT,
                    due_date TEXT,
                    status TEXT,
                    rule TEXT NOT NULL,
                    line INTEGER
                );
                CREATE INDEX actions_document ON actions(document_id);
                CREATE INDEX actions_due_date ON actions(due_date);
                CREATE TABLE action_owners (
                    action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
                    text TEXT NOT NULL,
                    person TEXT
                );
                CREATE INDEX action_owners_action ON action_owners(action_id);
                CREATE INDEX action_owners_text ON action_owners(text);
                CREATE TABLE amounts (
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    text TEXT NOT NULL,
                    value TEXT, min TEXT, max TEXT,
                    value_number REAL,
                    currency TEXT NOT NULL,
                    period TEXT, bound TEXT,
                    line INTEGER
                );
                CREATE INDEX amounts_document ON amounts(document_id);
                CREATE TABLE dates (
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    text TEXT NOT NULL,
                    value TEXT,
                    grain TEXT NOT NULL,
                    resolved INTEGER NOT NULL,
                    line INTEGER
                );
                CREATE INDEX dates_document ON dates(document_id);
                CREATE INDEX dates_value ON dates(value);
                CREATE TABLE diagnostics (
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    code TEXT NOT NULL,
                    severity TEXT NOT NULL,
                    message TEXT NOT NULL,
                    line INTEGER
                );
                CREATE INDEX diagnostics_document ON diagnostics(document_id);
                CREATE INDEX diagnostics_code ON diagnostics(code);
                CREATE TABLE errors (
                    path TEXT PRIMARY KEY,
                    code TEXT NOT NULL,
                    message TEXT NOT NULL
                );
                """)
        }
        // Documents the extractor crashed on, or that ran past their budget, are
        // kept by their bytes too, so --resume does not try them again.
        m.registerMigration("minutes/1 errors.sha256") { db in
            try db.execute(sql: """
                ALTER TABLE errors ADD COLUMN sha256 TEXT;
                CREATE INDEX errors_sha256 ON errors(sha256);
                """)
        }
        // The motion behind each decision, a named division's votes, and remote attendance.
        m.registerMigration("minutes/1 motions") { db in
            try db.execute(sql: """
                ALTER TABLE decisions ADD COLUMN proposer TEXT;
                ALTER TABLE decisions ADD COLUMN proposer_person TEXT;
                ALTER TABLE decisions ADD COLUMN seconder TEXT;
                ALTER TABLE decisions ADD COLUMN seconder_person TEXT;
                ALTER TABLE decisions ADD COLUMN votes_for INTEGER;
                ALTER TABLE decisions ADD COLUMN votes_against INTEGER;
                ALTER TABLE decisions ADD COLUMN votes_abstain INTEGER;
                ALTER TABLE decisions ADD COLUMN unanimous INTEGER;
                ALTER TABLE decisions ADD COLUMN outcome TEXT;
                CREATE INDEX decisions_outcome ON decisions(outcome);
                CREATE TABLE recorded_votes (
                    decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
                    person TEXT,
                    text TEXT NOT NULL,
                    vote TEXT NOT NULL
                );
                CREATE INDEX recorded_votes_decision ON recorded_votes(decision_id);
                ALTER TABLE attendance ADD COLUMN remote INTEGER;
                """)
        }
        return m
    }

    /// Whether a document with these bytes is already stored, or stopped the
    /// extractor before (crashed, or over its time or memory budget).
    public func contains(sha256: String) throws -> Bool {
        try queue.read { db in
            try Bool.fetchOne(db, sql: """
                SELECT EXISTS(SELECT 1 FROM documents WHERE sha256 = ?) OR EXISTS(SELECT 1 FROM errors WHERE sha256 = ?)
                """, arguments: [sha256, sha256]) ?? false
        }
    }

    /// Writes a batch of outcomes in one transaction.
    public func write(_ outcomes: [BulkOutcome]) throws {
        try queue.write { db in
            for outcome in outcomes {
                switch outcome {
                case .document(let extracted):
                    let doc = try extracted.document()
                    try Store.insert(doc, db)
                    try db.execute(sql: "DELETE FROM errors WHERE path = ?", arguments: [doc.source.path])
                case .failure(let failure):
                    try db.execute(sql: "INSERT OR REPLACE INTO errors (path, code, message, sha256) VALUES (?, ?, ?, ?)",
                                   arguments: [failure.path, failure.code, failure.message, failure.sha256])
                }
            }
        }
    }

    static func insert(_ doc: MinutesDocument, _ db: Database) throws {
        // The same bytes again replace their rows.
        try db.execute(sql: "DELETE FROM documents WHERE sha256 = ?", arguments: [doc.source.sha256])
        let m = doc.meeting
        try db.execute(sql: """
            INSERT INTO documents (path, sha256, bytes, encoding, format, meeting_title, meeting_organisation, meeting_date,
                                   meeting_start, meeting_end, meeting_venue)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [doc.source.path, doc.source.sha256, doc.source.bytes, doc.source.encoding.rawValue,
                             doc.source.format.rawValue, m.title, m.organisation, m.date, m.start, m.end, m.venue])
        let id = db.lastInsertedRowID
        for p in doc.people {
            try db.execute(sql: "INSERT INTO people VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           arguments: [id, p.id, p.name, p.honorific, p.initials, p.role, p.organisation, p.span.line])
        }
        for a in doc.attendance {
            try db.execute(sql: """
                INSERT INTO attendance (document_id, person, status, "group", substitute_for, arrived, left, line, remote)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, a.person, a.status.rawValue, a.group, a.substituteFor, a.arrived, a.left, a.span.line, a.remote])
        }
        for i in doc.items {
            try db.execute(sql: "INSERT OR IGNORE INTO items VALUES (?, ?, ?, ?, ?)", arguments: [id, i.id, i.number, i.title, i.span.line])
        }
        for d in doc.decisions {
            try db.execute(sql: """
                INSERT INTO decisions (document_id, item, kind, text, rule, line, proposer, proposer_person, seconder, seconder_person,
                                       votes_for, votes_against, votes_abstain, unanimous, outcome)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, d.item, d.kind.rawValue, d.text, d.rule, d.span.line, d.proposer?.text, d.proposer?.person,
                                 d.seconder?.text, d.seconder?.person, d.votes?.inFavour, d.votes?.against, d.votes?.abstain,
                                 d.unanimous, d.outcome?.rawValue])
            let decisionID = db.lastInsertedRowID
            for v in d.recordedVotes ?? [] {
                try db.execute(sql: "INSERT INTO recorded_votes VALUES (?, ?, ?, ?)",
                               arguments: [decisionID, v.person, v.text, v.vote.rawValue])
            }
        }
        for a in doc.actions {
            try db.execute(sql: """
                INSERT INTO actions (document_id, ref, item, text, due_text, due_date, status, rule, line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, a.ref, a.item, a.text, a.due?.text, a.due?.date, a.status?.rawValue, a.rule, a.span.line])
            let actionID = db.lastInsertedRowID
            for o in a.owners {
                try db.execute(sql: "INSERT INTO action_owners VALUES (?, ?, ?)", arguments: [actionID, o.text, o.person])
            }
        }
        for a in doc.amounts {
            let number = (a.value ?? a.max).map { NSDecimalNumber(decimal: $0).doubleValue }
            try db.execute(sql: "INSERT INTO amounts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           arguments: [id, a.text, a.value.map { "\($0)" }, a.min.map { "\($0)" }, a.max.map { "\($0)" },
                                       number, a.currency, a.period, a.bound, a.span.line])
        }
        for d in doc.dates {
            try db.execute(sql: "INSERT INTO dates VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [id, d.text, d.value, d.grain.rawValue, d.resolved == true, d.span.line])
        }
        for d in doc.diagnostics {
            try db.execute(sql: "INSERT INTO diagnostics VALUES (?, ?, ?, ?, ?)",
                           arguments: [id, d.code.rawValue, d.severity.rawValue, d.message, d.span?.line])
        }
    }
}
