import Foundation

/// The built `heritage`, beside the test bundle.
let heritageBinary = Bundle.main.executableURL!.deletingLastPathComponent().appendingPathComponent(
  "heritage")

/// Runs the built `heritage` with `arguments`, in English (`LANG=C`) unless `environment` says
/// otherwise; standard error is read on another thread so neither pipe can stall the child.
func runHeritage(_ arguments: [String], environment: [String: String] = [:]) throws -> (
  status: Int32, output: String, errors: String
) {
  let process = Process()
  process.executableURL = heritageBinary
  process.arguments = arguments
  // English unless a test asks otherwise, whatever the locale of the machine running the tests.
  var base = ProcessInfo.processInfo.environment
  for name in ["LC_ALL", "LC_MESSAGES", "LANGUAGE"] { base[name] = nil }
  base["LANG"] = "C"
  process.environment = base.merging(environment) { $1 }
  let output = Pipe()
  let errors = Pipe()
  process.standardOutput = output
  process.standardError = errors
  try process.run()
  // Standard error is read on another thread, so neither pipe can fill up and stall the child.
  let errorData = ErrorBox()
  let reader = Thread { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
  reader.start()
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (
    process.terminationStatus, String(decoding: data, as: UTF8.self),
    String(decoding: errorData.wait(), as: UTF8.self)
  )
}
