import ArgumentParser
import Foundation
import HeritageCatalog
import HeritageServer
import Hummingbird

extension Heritage {
  struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: say(
        "Serve the catalog read-only over HTTP: /healthz, the JSON API under /api/v1, OAI-PMH at /oai."),
      discussion:
        say(
          "Binds loopback unless --host says otherwise; logs one line per request; stops gracefully on SIGINT and SIGTERM. An import made meanwhile is seen by the next request."
        )
    )

    @OptionGroup var options: CatalogOptions

    @Option(help: help("The address to listen on.")) var host = "127.0.0.1"
    @Option(help: help("The port to listen on.")) var port = 8080
    @Option(help: help("The public base URL that OAI-PMH responses name (default: http://HOST:PORT)."))
    var baseURL: String?

    func validate() throws {
      guard (1...65535).contains(port) else { throw ValidationError(say("--port must be from 1 to 65535")) }
    }

    func run() async throws {
      let app: any ApplicationProtocol
      do {
        app = try buildApplication(
          ServerSettings(catalogFolder: options.folder, host: host, port: port, baseURL: baseURL))
      } catch let error as CatalogError {
        throw fail("\(error.message)\(hint(for: error))")
      }
      try await app.runService()
    }
  }
}
