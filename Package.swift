// swift-tools-version:6.0
import PackageDescription

// sftlint has no dependencies beyond the Swift toolchain, on purpose: see README.
let package = Package(
    name: "sftlint",
    products: [
        .executable(name: "sftlint", targets: ["sftlint"]),
        .library(name: "SFTLintCore", targets: ["SFTLintCore"]),
    ],
    targets: [
        .target(name: "SFTLintCore"),
        .target(name: "SFTLintCLI", dependencies: ["SFTLintCore"]),
        .executableTarget(name: "sftlint", dependencies: ["SFTLintCLI"]),
        .testTarget(name: "SFTLintCoreTests", dependencies: ["SFTLintCore"]),
        .testTarget(name: "SFTLintCLITests", dependencies: ["SFTLintCLI", "SFTLintCore", "sftlint"]),
    ]
)
