import Foundation

/// A file to import: the path shown to people and the URL read.
struct ImportSource: Hashable {
  var displayPath: String
  var url: URL
}

/// Expands the paths given to `heritage import` into files: files as they are, folders
/// recursively to their `*.xml` files in a stable order.
enum ImportSources {
  static func expand(_ paths: [String]) -> (sources: [ImportSource], errors: [ImportError]) {
    var sources: [ImportSource] = []
    var errors: [ImportError] = []
    for path in paths {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        errors.append(ImportError(file: path, message: "no such file or folder"))
        continue
      }
      guard isFolder.boolValue else {
        sources.append(ImportSource(displayPath: path, url: URL(fileURLWithPath: path)))
        continue
      }
      let found = xmlFiles(under: path)
      if found.isEmpty {
        errors.append(ImportError(file: path, message: "the folder holds no .xml files"))
      }
      sources += found
    }
    var seen = Set<String>()
    let unique = sources.filter { seen.insert($0.url.standardizedFileURL.path).inserted }
    return (unique, errors)
  }

  private static func xmlFiles(under folder: String) -> [ImportSource] {
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
    var found: [String] = []
    while let relative = enumerator.nextObject() as? String {
      let name = (relative as NSString).lastPathComponent
      if name.hasPrefix(".") {
        enumerator.skipDescendants()
        continue
      }
      if name.lowercased().hasSuffix(".xml") { found.append(relative) }
    }
    return found.sorted().map { relative in
      let display = folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
      return ImportSource(displayPath: display, url: URL(fileURLWithPath: display))
    }
  }
}
