import Hummingbird
import NIOPosix

extension RouterMethods {
  /// Adds a GET route whose handler reads the catalog or a file.
  ///
  /// Such a handler blocks its thread (SQLite, the file system), so it runs on NIO's blocking
  /// thread pool, one thread per core, which takes work first come, first served. Swift's
  /// cooperative threads are left to the HTTP work. With the reads on the cooperative threads,
  /// 32 connections searching got their answers far out of arrival order: a p99 four times the
  /// median (`benchmarks/README.md`, *Server*, session 8).
  ///
  /// ```swift
  /// router.getReading("api/v1/stats") { _, _ in try JSONResponse.make(try catalog.stats()) }
  /// ```
  @discardableResult
  func getReading(
    _ path: RouterPath, use handler: @escaping @Sendable (Request, Context) throws -> Response
  ) -> Self {
    get(path) { request, context in
      try await reading { try handler(request, context) }
    }
  }
}

/// Runs `work`, which reads the catalog or a file, on NIO's blocking thread pool (see
/// ``RouterMethods/getReading(_:use:)``).
func reading<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
  try await NIOThreadPool.singleton.runIfActive(work)
}
