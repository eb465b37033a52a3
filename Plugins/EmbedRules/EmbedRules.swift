import Foundation
import PackagePlugin

/// Embeds every rule file under the package's `Rules/` folder into the target
/// as Swift source, so the tool carries its bundled rules wherever it is installed.
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        let rulesDirectory = context.package.directoryURL.appending(path: "Rules")
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledRules.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: rulesDirectory, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension == "yaml" {
                inputs.append(url)
            }
        }
        inputs.sort { $0.path < $1.path }
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) rule files",
                executable: try context.tool(named: "rules-embedder").url,
                arguments: [rulesDirectory.path, output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
