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
    .target(name: "FTCostKit", exclude: ["Tokenizer/Ranks"]),
    .target(name: "FTCostCLI", dependencies: ["FTCostKit"]),
    .executableTarget(name: "ftcost", dependencies: ["FTCostCLI"]),
    .testTarget(name: "FTCostKitTests", dependencies: ["FTCostKit"], exclude: ["Fixtures"]),
    .testTarget(
      name: "FTCostCLITests", dependencies: ["FTCostCLI", "FTCostKit", "ftcost"], exclude: ["Goldens"]),
  ],
  swiftLanguageModes: [.v6]
)
