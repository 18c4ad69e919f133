import GRDB

/// The catalog's database schema, one migration per change, never edited once released.
enum Migrations {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1: records, revisions, imports") { db in
      try db.execute(
        sql: """
          CREATE TABLE import_run (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            by TEXT,
            inserted INTEGER NOT NULL DEFAULT 0,
            updated INTEGER NOT NULL DEFAULT 0,
            unchanged INTEGER NOT NULL DEFAULT 0,
            refused INTEGER NOT NULL DEFAULT 0
          );
          CREATE TABLE import_file (
            import_id INTEGER NOT NULL REFERENCES import_run(id),
            path TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            records INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('imported', 'refused')),
            PRIMARY KEY (import_id, path)
          );
          CREATE TABLE record (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            status TEXT NOT NULL,
            name TEXT NOT NULL,
            current_revision INTEGER NOT NULL,
            body_sha256 TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
          ) WITHOUT ROWID;
          CREATE TABLE revision (
            record_id TEXT NOT NULL,
            number INTEGER NOT NULL,
            body TEXT NOT NULL,
            body_sha256 TEXT NOT NULL,
            import_id INTEGER NOT NULL REFERENCES import_run(id),
            source_file TEXT NOT NULL,
            source_line INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (record_id, number)
          );
          CREATE TABLE record_facet (
            record_id TEXT NOT NULL,
            facet TEXT NOT NULL,
            value TEXT NOT NULL
          );
          CREATE INDEX record_facet_by_record ON record_facet(record_id);
          CREATE INDEX record_facet_by_value ON record_facet(facet, value);
          CREATE TABLE link (
            source_id TEXT NOT NULL,
            target_id TEXT NOT NULL,
            relation TEXT NOT NULL,
            role TEXT
          );
          CREATE INDEX link_by_source ON link(source_id);
          CREATE INDEX link_by_target ON link(target_id);
          CREATE TABLE media_blob (
            sha256 TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            type TEXT NOT NULL,
            first_import_id INTEGER NOT NULL REFERENCES import_run(id)
          ) WITHOUT ROWID;
          """)
    }
    migrator.registerMigration("v2: command of each recorded change") { db in
      try db.execute(sql: "ALTER TABLE import_run ADD COLUMN command TEXT NOT NULL DEFAULT 'import'")
    }
    migrator.registerMigration("v3: search index") { db in
      try db.execute(
        sql: """
          CREATE TABLE search_text (
            id INTEGER PRIMARY KEY,
            record_id TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            status TEXT NOT NULL,
            level_rank INTEGER NOT NULL,
            names TEXT NOT NULL,
            aliases TEXT NOT NULL,
            keywords TEXT NOT NULL,
            places TEXT NOT NULL,
            summaries TEXT NOT NULL,
            name_pinyin TEXT NOT NULL
          );
          CREATE VIRTUAL TABLE search_fts USING fts5(
            name, alias, keyword, place, summary, pinyin, initials,
            tokenize = 'unicode61 remove_diacritics 2'
          );
          CREATE VIRTUAL TABLE search_vocabulary USING fts5vocab(search_fts, 'row');
          CREATE INDEX record_facet_by_record_and_facet ON record_facet(record_id, facet);
          """)
    }
    migrator.registerMigration("v4: records by datestamp, for harvesting") { db in
      try db.execute(sql: "CREATE INDEX record_by_datestamp ON record(updated_at, id)")
    }
    migrator.registerMigration("v5: name tier of the search index") { db in
      try db.execute(
        sql: """
          CREATE TABLE search_name (
            text TEXT NOT NULL,
            spelling INTEGER NOT NULL,
            record_id TEXT NOT NULL,
            level_rank INTEGER NOT NULL,
            name_length INTEGER NOT NULL,
            kind TEXT NOT NULL,
            status TEXT NOT NULL,
            PRIMARY KEY (text, spelling, record_id)
          ) WITHOUT ROWID;
          """)
      try SearchIndexer(gazetteer: Gazetteer(districts: []), pinyin: Pinyin()).fillNameTier(in: db)
    }
    migrator.registerMigration("v6: no index that another one begins with") { db in
      // `record_facet_by_record_and_facet` (v3) answers every lookup by record that this one
      // did, and each import wrote both.
      try db.execute(sql: "DROP INDEX record_facet_by_record")
    }
    migrator.registerMigration("v7: the name tier in rank order") { db in
      // A broad prefix (a tenth of the catalogue's names) is read in rank order until the page
      // is full instead of sorting every name that starts with it. The key's columns come
      // with each entry, so the walk reads the index alone.
      try db.execute(
        sql: "CREATE INDEX search_name_by_rank ON search_name(status, level_rank, name_length, record_id)")
    }
    migrator.registerMigration("v8: index rows in rank order, with their places") { db in
      // A query that is part of a district's name matches every record of that district (a
      // thirteenth of the catalogue): their page is read in rank order, each entry's places
      // tested in the index itself, instead of ranking every match.
      try db.execute(
        sql: """
          CREATE INDEX search_text_by_rank
          ON search_text(status, level_rank, length(names), record_id, kind, places)
          """)
    }
    migrator.registerMigration("v9: a full-text index of names, aliases and keywords") { db in
      // The same tokens as `search_fts` for the fields a name match reads: a token common in
      // summaries or places (a district's name is in every record of the district) has a
      // short list here, so matching names no longer steps over every summary that holds it.
      try db.execute(
        sql: """
          CREATE VIRTUAL TABLE search_name_fts USING fts5(
            name, alias, keyword, pinyin, initials,
            tokenize = 'unicode61 remove_diacritics 2'
          );
          INSERT INTO search_name_fts (rowid, name, alias, keyword, pinyin, initials)
          SELECT rowid, name, alias, keyword, pinyin, initials FROM search_fts;
          """)
    }
    migrator.registerMigration("v10: the name tier by its first two characters, in rank order") { db in
      // A prefix's names read in rank order step over only the names that start with the
      // same two characters (`NameRankWalk`), not every name of the tier.
      try db.execute(
        sql: """
          CREATE INDEX search_name_by_head
          ON search_name(substr(text, 1, 2), status, level_rank, name_length, record_id)
          """)
    }
    migrator.registerMigration("v11: each media file's SHA-512, taken when it is stored") { db in
      // Hashed in the same read as its SHA-256 when an import stores the file; an export
      // then checks the file against its SHA-256 (its name in the store) and takes the SHA-512
      // from here. Files stored before this migration have none until an import meets them
      // again: an export hashes those for both manifests.
      try db.execute(sql: "ALTER TABLE media_blob ADD COLUMN sha512 TEXT")
    }
    migrator.registerMigration("v12: each search row holds its record's name and districts") { db in
      // A search's hits take the name they are shown by and their districts from the rows it
      // ranked, instead of reading every hit again from `record` and `record_facet`.
      try db.execute(
        sql: """
          ALTER TABLE search_text ADD COLUMN primary_name TEXT NOT NULL DEFAULT '';
          ALTER TABLE search_text ADD COLUMN district_codes TEXT NOT NULL DEFAULT '';
          UPDATE search_text SET
            primary_name = coalesce((SELECT name FROM record WHERE id = search_text.record_id), record_id),
            district_codes = coalesce((
              SELECT group_concat(value, char(10)) FROM record_facet
              WHERE record_id = search_text.record_id AND facet = 'district'), '');
          """)
    }
    migrator.registerMigration("v13: each record's Dublin Core elements, kept for harvests") { db in
      // Written when a revision is stored (and for every record by `refreshStoredForms`),
      // under the key of the writer and gazetteer that wrote them: a harvest uses a row only
      // for the record's current revision and the current key, and writes the rest afresh.
      try db.execute(
        sql: """
          CREATE TABLE dc_form (
            record_id TEXT PRIMARY KEY,
            revision INTEGER NOT NULL,
            form_key TEXT NOT NULL,
            elements BLOB NOT NULL
          )
          """)
    }
    migrator.registerMigration("v14: each record row holds its district codes") { db in
      // A harvest's headers name each record's districts (its sets); reading them from
      // `record_facet` took a correlated query per record, a quarter of a ListRecords page.
      try db.execute(
        sql: """
          ALTER TABLE record ADD COLUMN district_codes TEXT NOT NULL DEFAULT '';
          UPDATE record SET district_codes = coalesce((
            SELECT group_concat(value, ' ') FROM record_facet
            WHERE record_id = record.id AND facet = 'district'), '');
          """)
    }
    migrator.registerMigration("v15: each record's Heritage Records XML element, kept for harvests") { db in
      // Beside its Dublin Core (v13), for records without media; NULL until written (forms
      // of v13 are stale under the new key and written again).
      try db.execute(sql: "ALTER TABLE dc_form ADD COLUMN record_xml BLOB")
    }
    migrator.registerMigration("v16: full-text indexes that take the indexer's tokens as written") { db in
      // The indexer writes folded tokens separated by spaces. The `ascii` tokenizer takes them
      // as written: it splits at ASCII spaces and punctuation only, which no token holds.
      // `unicode61` read every character through Unicode's tables, and its own diacritic
      // folding could only add candidates that the check by bytes after the match refused.
      // Every query term is one quoted token (no phrases), so a match needs no positions,
      // only columns; and nothing ranks by column sizes. Filling `search_fts` takes about a
      // third fewer instructions.
      try db.execute(sql: "DROP TABLE search_vocabulary")
      let tables = [
        ("search_fts", "name, alias, keyword, place, summary, pinyin, initials"),
        ("search_name_fts", "name, alias, keyword, pinyin, initials"),
      ]
      for (table, columns) in tables {
        try db.execute(
          sql: """
            CREATE VIRTUAL TABLE \(table)_new USING fts5(
              \(columns), tokenize = 'ascii', detail = column, columnsize = 0);
            INSERT INTO \(table)_new (rowid, \(columns)) SELECT rowid, \(columns) FROM \(table);
            DROP TABLE \(table);
            ALTER TABLE \(table)_new RENAME TO \(table);
            """)
      }
      try db.execute(sql: "CREATE VIRTUAL TABLE search_vocabulary USING fts5vocab(search_fts, 'row')")
    }
    return migrator
  }
}
