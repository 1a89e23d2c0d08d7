import Fluent
import Vapor

/// Every schema change, in order. Append-only: a new schema change is a new numbered migration at the
/// end, never an edit. The list is also what `SchemaCheck` compares a database with.
enum SchemaMigrations {
    static var all: [any Migration] {
        [
            SessionRecord.migration,
            M001_CreateUsers(), M002_CreateSetupTokens(), M003_CreateLoginAttempts(), M004_CreateGuides(),
            M005_CreatePositions(), M006_CreateCandidates(), M007_CreateInterviews(), M008_CreateAuditEntries(),
            M009_CreateScorecards(), M010_AddUserDeactivation(), M011_DropClientIDUniqueness(), M012_AddSessionEpoch(),
            M013_CreateSecurityEvents(), M014_AddOwners(), M015_AddScorecardErasure(), M016_ExplicitSubmission(),
            M017_CreateCandidateDecisions(), M018_AddOverdueHours(), M019_HashSessionKeys(), M020_KeepGuideReadings(),
            M021_OpenInterviewsFollowCards(),
        ]
    }
}

extension Application {
    func registerMigrations() {
        migrations.add(SchemaMigrations.all)
    }
}
