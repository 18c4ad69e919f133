// swift-tools-version: 6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
  .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
  name: "HeritageCatalog",
  products: [
    .library(name: "HeritageCatalog", targets: ["HeritageCatalog"]),
    .executable(name: "heritage", targets: ["heritage"]),
  ],
  dependencies: [
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
    .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
    .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    .package(url: "https://github.com/adam-fowler/compress-nio", exact: "1.5.0"),
    .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
  ],
  targets: [
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    .target(
      name: "HeritageXML",
      dependencies: ["CLibXML2"],
      swiftSettings: strictSettings
    ),
    .target(
      name: "HeritageCatalog",
      dependencies: [
        "HeritageXML",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      resources: [.copy("Resources")],
      swiftSettings: strictSettings
    ),
    .target(
      name: "HeritageServer",
      dependencies: [
        "HeritageCatalog", .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HTTPTypes", package: "swift-http-types"), .product(name: "Logging", package: "swift-log"),
        .product(name: "Mustache", package: "swift-mustache"), .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "CompressNIO", package: "compress-nio"), .product(name: "NIOPosix", package: "swift-nio"),
      ],
      resources: [.copy("Resources")],
      swiftSettings: strictSettings
    ),
    .executableTarget(
      name: "heritage",
      dependencies: [
        "HeritageCatalog", "HeritageServer", .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strictSettings
    ),
    .executableTarget(
      name: "heritage-bench",
      dependencies: ["HeritageCatalog"],
      path: "benchmarks/Sources/heritage-bench",
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "HeritageXMLTests",
      dependencies: ["HeritageXML"],
      resources: [.copy("Fixtures")],
      swiftSettings: strictSettings
    ),
    .target(
      name: "TestSupport",
      dependencies: ["HeritageCatalog", .product(name: "Crypto", package: "swift-crypto")],
      path: "Tests/TestSupport",
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "HeritageCatalogTests",
      dependencies: [
        "HeritageCatalog", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      exclude: ["Fixtures"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "HeritageServerTests",
      dependencies: [
        "HeritageServer", "HeritageCatalog", "TestSupport",
        .product(name: "HummingbirdTesting", package: "hummingbird"),
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HTTPTypes", package: "swift-http-types"), .product(name: "Logging", package: "swift-log"),
      ],
      exclude: ["Fixtures"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "heritageCLITests",
      dependencies: [
        "heritage", "HeritageCatalog", "TestSupport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strictSettings
    ),
  ],
  swiftLanguageModes: [.v6]
)
