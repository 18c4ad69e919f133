import HTTPTypes
public import HeritageCatalog
public import Hummingbird
public import Logging

/// The HTTP application over a catalog, read-only: `/healthz`, the JSON API under `/api/v1`,
/// and OAI-PMH 2.0 at `/oai`.
///
/// ```swift
/// let app = try buildApplication(ServerSettings(catalogFolder: URL(fileURLWithPath: "catalog")))
/// try await app.runService()  // stops gracefully on SIGINT and SIGTERM
/// ```
/// - Throws: `CatalogError` when the folder holds no catalog (nothing is created).
public func buildApplication(_ settings: ServerSettings) throws -> some ApplicationProtocol {
  let catalog = try Catalog.open(folder: settings.catalogFolder)
  try catalog.preload()
  let oai = try OAISettings.load(for: catalog)
  var logger = Logger(label: "heritage.serve")
  logger.logLevel = .info
  return Application(
    router: buildRouter(catalog: catalog, oai: oai, baseURL: settings.baseURL, logger: logger),
    configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "heritage"),
    logger: logger)
}

/// The routes, over an opened catalog (a read-only one, or one in memory for tests);
/// `baseURL` is the address the OAI-PMH responses give for the server.
public func buildRouter(
  catalog: Catalog, oai: OAISettings, baseURL: String, logger: Logger
) -> Router<BasicRequestContext> {
  let router = Router()
  router.middlewares.add(RequestLogMiddleware(logger: logger))
  router.middlewares.add(ProblemMiddleware())
  router.get("healthz") { _, _ in
    try JSONResponse.make(["status": "ok"])
  }
  APIController(catalog: catalog).addRoutes(to: router.group("api/v1"))
  OAIController(provider: OAIProvider(catalog: catalog, settings: oai, links: .init(baseURL: baseURL)))
    .addRoutes(to: router)
  if let libraries = try? HTMLPage.loadLibraries() {
    PageController(
      catalog: catalog, page: HTMLPage(libraries: libraries), repository: oai.repositoryIdentifier
    )
    .addRoutes(to: router)
  } else {
    logger.error("the page templates are missing from the server's resources; the front desk pages are off")
  }
  return router
}
