import Crypto
import Foundation
import InterviewCore
import Synchronization
import Vapor

/// What a guide's Markdown turns into for pages — the prose and drawings (`GuidePresentation.parts`),
/// the editor's annotated source, the API's findings — kept by the SHA-256 of the Markdown. Saved
/// versions never change, so each is rendered and imported once, not on every request: a 1 MB guide
/// costs its work once however often its page is opened.
final class RenderedGuides: Sendable {
    struct Rendered: Sendable {
        var parts: [GuidePresentation.Part]?
        var annotated: [Language: GuidePresentation.AnnotatedSource] = [:]
        var findings: [APIGuideController.Finding]?
    }

    /// A bound on memory: the oldest rendering goes first. A library holds a few guides with a few
    /// versions each that people open; more than this are rendered again when asked for.
    static let capacity = 64

    /// At most `capacity` values; the oldest written goes first.
    struct Bounded<Key: Hashable, Value> {
        let capacity: Int
        private(set) var values: [Key: Value] = [:]
        private var order: [Key] = []

        init(capacity: Int) { self.capacity = capacity }

        subscript(key: Key) -> Value? { values[key] }

        /// Sets the value of `key`; a key new to the store counts as its newest.
        mutating func set(_ key: Key, _ value: Value) {
            if values[key] == nil {
                order.append(key)
                if order.count > capacity { values[order.removeFirst()] = nil }
            }
            values[key] = value
        }
    }

    private struct Store {
        var entries = Bounded<String, Rendered>(capacity: RenderedGuides.capacity)
        /// What one version changed from another, by the two Markdowns' keys ("old>new").
        var diffs = Bounded<String, GuideDiff>(capacity: RenderedGuides.capacity)
        /// Each version's count of lint errors, by its id (`errorCount`).
        var errorCounts = Bounded<UUID, Int>(capacity: RenderedGuides.countCapacity)
    }

    private let store = Mutex(Store())

    /// `GuideDiff` of two saved versions, computed once per pair: the compare page imported both versions
    /// and compared them on every view (9 s a view for a guide near the 1 MB limit, from any account).
    func diff(from old: String, to new: String) -> GuideDiff {
        let key = Self.key(old) + ">" + Self.key(new)
        if let hit = store.withLock({ $0.diffs[key] }) { return hit }
        let made = GuideDiff(old: GuideImporter.importMarkdown(old).guide, new: GuideImporter.importMarkdown(new).guide)
        store.withLock { $0.diffs.set(key, made) }
        return made
    }

    static func key(_ markdown: String) -> String { SHA256.hash(data: Data(markdown.utf8)).hex }

    func parts(of markdown: String) -> [GuidePresentation.Part] {
        cached(markdown, \.parts) { GuidePresentation.parts(of: markdown) }
    }

    func annotatedSource(_ markdown: String, language: Language) -> GuidePresentation.AnnotatedSource {
        let key = Self.key(markdown)
        if let hit = store.withLock({ $0.entries[key]?.annotated[language] }) { return hit }
        let made = GuidePresentation.annotatedSource(markdown, language: language)
        update(key) { $0.annotated[language] = made }
        return made
    }

    func findings(of markdown: String, path: String) -> [APIGuideController.Finding] {
        cached(markdown, \.findings) { APIGuideController.findings(of: markdown, path: path) }
    }

    /// How many of a version's findings are errors (the guide check's; warnings leave the interview whole).
    /// Kept by version id apart from the renderings, and many more of them: the library page asks it of
    /// every guide on each view, and with more guides than `capacity` the renderings it needed had been
    /// pushed out by the time it came back (a security review: views of 3 s and 17 s in turn).
    func errorCount(of version: GuideVersion, path: String) -> Int {
        guard let id = version.id else { return countErrors(version.markdown, path: path) }
        if let hit = store.withLock({ $0.errorCounts[id] }) { return hit }
        let made = countErrors(version.markdown, path: path)
        store.withLock { $0.errorCounts.set(id, made) }
        return made
    }

    private func countErrors(_ markdown: String, path: String) -> Int {
        findings(of: markdown, path: path).filter { $0.severity == "error" }.count
    }

    static let countCapacity = 4_096

    private func cached<T: Sendable>(_ markdown: String, _ field: WritableKeyPath<Rendered, T?>, make: () -> T) -> T {
        let key = Self.key(markdown)
        if let hit = store.withLock({ $0.entries[key]?[keyPath: field] }) { return hit }
        // Rendered outside the lock: two requests may both render a new version once; neither waits.
        let made = make()
        update(key) { $0[keyPath: field] = made }
        return made
    }

    private func update(_ key: String, _ change: (inout Rendered) -> Void) {
        store.withLock { store in
            var entry = store.entries[key] ?? Rendered()
            change(&entry)
            store.entries.set(key, entry)
        }
    }
}

extension Application {
    private struct RenderedGuidesKey: StorageKey { typealias Value = RenderedGuides }

    var renderedGuides: RenderedGuides {
        if let existing = storage[RenderedGuidesKey.self] { return existing }
        let made = RenderedGuides()
        storage[RenderedGuidesKey.self] = made
        return made
    }
}
