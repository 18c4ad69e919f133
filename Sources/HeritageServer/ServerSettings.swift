public import Foundation

/// How `heritage serve` runs: which catalog, where it listens, and the address it is known by.
public struct ServerSettings: Sendable {
  /// The catalog folder; it must hold a catalog (the server never creates one).
  public var catalogFolder: URL
  /// The address to bind: loopback unless told otherwise.
  public var host: String
  /// The port to listen on.
  public var port: Int
  /// The public base URL, for links the server writes (defaults to `http://host:port`).
  public var baseURL: String

  /// Creates settings; `baseURL` defaults to `http://host:port`.
  public init(catalogFolder: URL, host: String = "127.0.0.1", port: Int = 8080, baseURL: String? = nil) {
    self.catalogFolder = catalogFolder
    self.host = host
    self.port = port
    self.baseURL = baseURL ?? "http://\(host):\(port)"
  }
}
