import Foundation

/// What `heritage link` or `heritage unlink` did.
public struct LinkChange: Sendable, Codable, Hashable {
  /// The station.
  public var station: String
  /// The GI product or ICH item.
  public var record: String
  /// The role linked or unlinked.
  public var role: ServesRole?
  /// The station's revision after the change.
  public var revision: Int
  /// `false` when the station already was as asked and nothing was written.
  public var changed: Bool
}

extension Catalog {
  /// Makes `station` serve `record` in `role`, as a new revision of the station recorded like an
  /// import (who, when). Linking what is already linked changes nothing.
  /// - Throws: ``CatalogError`` when an id is unknown or of the wrong kind; nothing is written.
  public func link(station: String, record: String, role: ServesRole, by: String?) throws -> LinkChange {
    let change = try changeStation(station, record: record, command: .link, by: by) { serves in
      let link = ServesLink(ref: record, role: role)
      if serves.contains(link) { return false }
      serves.append(link)
      return true
    }
    return LinkChange(
      station: station, record: record, role: role, revision: change.revision, changed: change.changed)
  }

  /// Removes the link from `station` to `record` (only the one in `role`, when given).
  /// - Throws: ``CatalogError`` when the station does not serve the record; nothing is written.
  public func unlink(station: String, record: String, role: ServesRole?, by: String?) throws -> LinkChange {
    let change = try changeStation(station, record: record, command: .unlink, by: by) { serves in
      let before = serves.count
      serves.removeAll { $0.ref == record && (role == nil || $0.role == role) }
      if serves.count == before {
        let how = role.map { " as \($0.rawValue)" } ?? ""
        throw CatalogError(.invalidArgument, "\(station) does not serve \(record)\(how); nothing was changed")
      }
      return true
    }
    return LinkChange(
      station: station, record: record, role: role, revision: change.revision, changed: change.changed)
  }
}
