import GRDB

extension Database {
  /// Executes one statement through GRDB's statement cache, so a statement run once per
  /// record is compiled once per import.
  func run(sql: String, arguments: StatementArguments = []) throws {
    try cachedStatement(sql: sql).execute(arguments: arguments)
  }
}
