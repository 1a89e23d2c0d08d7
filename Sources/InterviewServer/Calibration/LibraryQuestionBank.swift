import Fluent
import Foundation
import InterviewCore
import Synchronization
import Vapor

/// The question bank of the whole guide library (`QuestionBank`): every version of every guide, oldest
/// first, guides in slug order. Built again only when a version is added or a guide renamed — versions
/// never change once written — so pages and the calibration cards read it from memory.
enum LibraryQuestionBank {
    struct Built: Sendable {
        var bank: QuestionBank
        /// Identifies the versions and titles it was built from: part of every cache key that holds
        /// cards re-keyed by it.
        var digest: Int
    }

    static func load(app: Application, db: any Database) async throws -> Built {
        let guides = try await GuideRecord.query(on: db).field(\.$id).field(\.$slug).field(\.$title).sort(\.$slug).all()
        // The versions' ids and dates only: their Markdown is read (once) through the scorecard cache.
        let versions = try await GuideVersion.query(on: db).field(\.$id).field(\.$guide.$id).field(\.$createdAt)
            .sort(\.$createdAt).sort(\.$id).all()
        var hasher = Hasher()
        for guide in guides { hasher.combine(guide.id); hasher.combine(guide.title) }
        for version in versions { hasher.combine(version.id) }
        let digest = hasher.finalize()
        let cache = app.questionBankCache
        if let known = cache.built, known.digest == digest { return known }
        let byGuide = Dictionary(grouping: versions, by: { $0.$guide.id })
        var lineages: [QuestionBank.Lineage] = []
        for guide in guides {
            let id = try guide.requireID()
            var list: [QuestionBank.Version] = []
            for (n, version) in (byGuide[id] ?? []).enumerated() {
                let versionID = try version.requireID()
                let loaded = try await ScorecardService.guide(versionID, cache: app.scorecardCache, on: db)
                list.append(.init(id: versionID.uuidString, label: "v\(n + 1) · \(DisplayDate.string(version.createdAt))", guide: loaded.guide))
            }
            lineages.append(.init(id: id.uuidString, title: guide.title, versions: list))
        }
        let built = Built(bank: QuestionBank(lineages), digest: digest)
        cache.built = built
        return built
    }
}

/// The last bank built, shared by every request of this instance.
final class QuestionBankCache: Sendable {
    private let slot = Mutex<LibraryQuestionBank.Built?>(nil)

    var built: LibraryQuestionBank.Built? {
        get { slot.withLock { $0 } }
        set { slot.withLock { $0 = newValue } }
    }
}

extension Application {
    private struct QuestionBankKey: StorageKey { typealias Value = QuestionBankCache }

    /// Made once by `configure`, before any request (Application storage is not for writes under load).
    func prepareQuestionBankCache() { storage[QuestionBankKey.self] = QuestionBankCache() }

    var questionBankCache: QuestionBankCache { storage[QuestionBankKey.self] ?? QuestionBankCache() }
}
