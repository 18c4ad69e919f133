public import Foundation

/// Finds the files that ship with the library: the record schema and the default gazetteer.
///
/// They live in the package's resource bundle. An installed `heritage` binary finds them
/// beside itself; `HERITAGE_RESOURCES` names another folder that holds them.
public enum Resources {
  /// The URL of a shipped resource file such as `records-1.xsd`.
  public static func url(for name: String) throws -> URL {
    for folder in folders {
      let candidate = folder.appendingPathComponent(name)
      if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
    }
    throw CatalogError(
      .invalidConfiguration,
      "the resource \(name) is missing; set HERITAGE_RESOURCES to the folder that holds it")
  }

  private static var folders: [URL] {
    var folders: [URL] = []
    if let override = ProcessInfo.processInfo.environment["HERITAGE_RESOURCES"] {
      folders.append(URL(fileURLWithPath: override))
    }
    if let bundle = Bundle.module.resourceURL {
      folders.append(bundle.appendingPathComponent("Resources"))
      folders.append(bundle)
    }
    return folders
  }
}
