import Foundation
import PackagePlugin

/// Compiles the package's Knowledge/*.kb files, and the canonical concept list, into the target
/// that uses this plugin.
@main
struct EmbedKnowledge: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "Knowledge")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "kb" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        // The canonical concept list that the evaluation scores: `koshi kb check` checks against it.
        let canonicalConcepts = context.package.directoryURL.appending(path: "Tests/Eval/concepts.tsv")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedKnowledge.swift")
        // The embedder lists the folder itself when it runs, and the folder is an input too, so
        // a .kb file added after the build was planned is still picked up.
        return [
            .buildCommand(
                displayName: "Embedding the knowledge base",
                executable: try context.tool(named: "KnowledgeEmbedder").url,
                arguments: [output.path, folder.path, canonicalConcepts.path],
                inputFiles: files + [folder, canonicalConcepts],
                outputFiles: [output]
            ),
        ]
    }
}
