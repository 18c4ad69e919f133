// Measures `Catalog.search` inside one process: for each query class, runs every query
// REPEAT times and prints the median and 99th-percentile latency in milliseconds.
// Usage: heritage-bench CATALOG_DIR REPEAT CLASS=QUERY,QUERY… [CLASS=…]
import Foundation
import HeritageCatalog

let arguments = CommandLine.arguments
guard arguments.count >= 4, let repeats = Int(arguments[2]) else {
  FileHandle.standardError.write(Data("usage: heritage-bench CATALOG REPEAT CLASS=Q1,Q2 …\n".utf8))
  exit(2)
}
let catalog = try Catalog.open(folder: URL(fileURLWithPath: arguments[1]))
let clock = ContinuousClock()
print("class        queries  runs  median ms   p99 ms  results (first query)")
for spec in arguments.dropFirst(3) {
  let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
  guard parts.count == 2 else { continue }
  let queries = parts[1].split(separator: ",").map(String.init)
  var samples: [Double] = []
  var firstCount = 0
  for (index, text) in queries.enumerated() {
    _ = try catalog.search(SearchQuery(text: text, limit: 20))  // warm the page cache once
    for _ in 0..<repeats {
      var found = 0
      let elapsed = try clock.measure {
        found = try catalog.search(SearchQuery(text: text, limit: 20)).hits.count
      }
      samples.append(
        Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
      if index == 0 { firstCount = found }
    }
  }
  samples.sort()
  let median = samples[samples.count / 2]
  let p99 = samples[min(samples.count - 1, Int((Double(samples.count) * 0.99).rounded(.up)) - 1)]
  print(
    parts[0].padding(toLength: 12, withPad: " ", startingAt: 0)
      + String(format: " %7d %5d %10.2f %8.2f  %d", queries.count, samples.count, median, p99, firstCount))
}
