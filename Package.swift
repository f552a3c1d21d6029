// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "zhurnal",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "zhurnal", targets: ["zhurnal"]),
        .library(name: "ZhurnalCore", targets: ["ZhurnalCore"]),
        .library(name: "ZhurnalStore", targets: ["ZhurnalStore"]),
        .library(name: "ZhurnalWeb", targets: ["ZhurnalWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/swift-extras/swift-extras-base64.git", from: "1.2.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/CoreOffice/XMLCoder.git", from: "0.18.2"),
    ],
    targets: [
        // Rules and arithmetic of DOMAIN.md: no I/O, no dependencies.
        .target(name: "ZhurnalCore", swiftSettings: swiftSettings),
        // Schema, migrations, queries over SQLKit for SQLite and PostgreSQL; password hashing.
        .target(
            name: "ZhurnalStore",
            dependencies: [
                "ZhurnalCore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
                .product(name: "ExtrasBase64", package: "swift-extras-base64"),
            ],
            swiftSettings: swiftSettings
        ),
        // Tables read from and written to CSV and XLSX files, for the school's imports and exports.
        .target(
            name: "ZhurnalSheets",
            dependencies: [
                "ZhurnalCore",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "XMLCoder", package: "XMLCoder"),
            ],
            swiftSettings: swiftSettings
        ),
        // QR codes drawn as SVG (the second factor's enrolment); no package here encodes QR.
        .target(name: "ZhurnalQR", swiftSettings: swiftSettings),
        // The demo school: a realistic, deterministic school written through the store.
        .target(
            name: "ZhurnalDemo",
            dependencies: [
                "ZhurnalCore",
                "ZhurnalStore",
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        // Temporary SQLite and PostgreSQL databases for the test targets.
        .target(
            name: "ZhurnalTestSupport",
            dependencies: ["ZhurnalStore", .product(name: "Logging", package: "swift-log")],
            path: "Tests/ZhurnalTestSupport",
            swiftSettings: swiftSettings
        ),
        // The Hummingbird application: routes, templates, middleware.
        .target(
            name: "ZhurnalWeb",
            dependencies: [
                "ZhurnalCore",
                "ZhurnalStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                "ZhurnalQR",
                "ZhurnalSheets",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        // The command line: serve, migrate, demo, bench.
        .executableTarget(
            name: "zhurnal",
            dependencies: [
                "ZhurnalCore",
                "ZhurnalStore",
                "ZhurnalWeb",
                "ZhurnalDemo",
                "ZhurnalSheets",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "ZhurnalCoreTests", dependencies: ["ZhurnalCore"], swiftSettings: swiftSettings),
        .testTarget(name: "ZhurnalQRTests", dependencies: ["ZhurnalQR"], swiftSettings: swiftSettings),
        .testTarget(name: "ZhurnalSheetsTests", dependencies: ["ZhurnalCore", "ZhurnalSheets"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ZhurnalStoreTests",
            dependencies: [
                "ZhurnalCore", "ZhurnalStore", "ZhurnalTestSupport", .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ZhurnalDemoTests",
            dependencies: [
                "ZhurnalCore", "ZhurnalStore", "ZhurnalDemo", "ZhurnalTestSupport",
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ZhurnalCommandTests",
            dependencies: [
                "zhurnal", "ZhurnalStore", "ZhurnalTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ZhurnalWebTests",
            dependencies: [
                "ZhurnalCore",
                "ZhurnalStore",
                "ZhurnalWeb",
                "ZhurnalDemo",
                "ZhurnalSheets",
                "ZhurnalTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
