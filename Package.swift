// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "ftcost",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "ftcost", targets: ["ftcost"]),
    .library(name: "FTCostKit", targets: ["FTCostKit"]),
  ],
  dependencies: [],
  targets: [
    .target(
      name: "FTCostKit",
      exclude: ["Tokenizer/Ranks"],
      // The tokenizer and JSON scanner are hot loops; optimise them in debug builds too, so
      // `swift test` checks 10,000-line corpora in seconds rather than minutes.
      swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
    ),
    .target(name: "FTCostCLI", dependencies: ["FTCostKit"]),
    .executableTarget(name: "ftcost", dependencies: ["FTCostCLI"]),
    .testTarget(
      name: "FTCostKitTests", dependencies: ["FTCostKit"], exclude: ["Fixtures"],
      swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
    ),
    .testTarget(
      name: "FTCostCLITests", dependencies: ["FTCostCLI", "FTCostKit", "ftcost"], exclude: ["Goldens"]),
  ],
  swiftLanguageModes: [.v6]
)
