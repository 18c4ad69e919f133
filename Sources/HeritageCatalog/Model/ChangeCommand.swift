/// What made a change run of the catalog: an import of files, or a link or unlink command.
public enum ChangeCommand: String, Sendable, Codable, CaseIterable {
  /// `heritage import`.
  case `import`
  /// `heritage link`.
  case link
  /// `heritage unlink`.
  case unlink
}
