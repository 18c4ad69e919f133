import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HeritageServer

/// Handlers that read the catalog run on NIO's blocking thread pool (first come, first
/// served), not on Swift's cooperative threads. (Every catalog route of the API, the pages and
/// OAI-PMH is added with `getReading`; their own tests run through it.)
struct ReadingRoutesTests {
  @Test func aReadingHandlerRunsOnTheBlockingPool() async throws {
    let router = Router()
    router.getReading("thread") { _, _ in
      Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: Self.threadName())))
    }
    router.get("plain") { _, _ in
      Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: Self.threadName())))
    }
    try await Application(router: router).test(.router) { client in
      try await client.execute(uri: "/thread", method: .get) { response in
        // NIO names the threads of its blocking pool singleton SGLTN-TP-#0, SGLTN-TP-#1, …
        #expect(String(buffer: response.body).hasPrefix("SGLTN-TP-#"))
      }
      try await client.execute(uri: "/plain", method: .get) { response in
        #expect(!String(buffer: response.body).hasPrefix("SGLTN-TP-#"))
      }
    }
  }

  /// The name of the thread that calls it, as Linux knows it.
  private static func threadName() -> String {
    ((try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? "")
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
