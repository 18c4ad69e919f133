public import Foundation

extension Importer {
  /// Imports `paths` into the catalog in `folder`, creating it when there is none; when a new
  /// catalog's first import writes nothing, the folder is left as it was found.
  ///
  /// ```swift
  /// let report = try Importer.run(paths: ["imports"], into: URL(fileURLWithPath: "catalog"))
  /// ```
  public static func run(
    paths: [String], into folder: URL, options: ImportOptions = ImportOptions(),
    progress: ((ImportProgress) -> Void)? = nil
  ) throws -> ImportReport {
    let existed = Catalog.exists(in: folder)
    // The importer and its catalog end with this statement, which closes the database.
    let report = try Importer(catalog: try Catalog.create(folder: folder)).run(
      paths: paths, options: options, progress: progress)
    if !existed && !report.committed { Catalog.discardNew(in: folder) }
    return report
  }
}
