import Fluent
import Vapor

extension Application {
    /// Append-only: a new schema change is a new numbered migration at the end, never an edit.
    func registerMigrations() {
        migrations.add(SessionRecord.migration)
        migrations.add(M001_CreateUsers())
        migrations.add(M002_CreateSetupTokens())
        migrations.add(M003_CreateLoginAttempts())
        migrations.add(M004_CreateGuides())
        migrations.add(M005_CreatePositions())
        migrations.add(M006_CreateCandidates())
        migrations.add(M007_CreateInterviews())
        migrations.add(M008_CreateAuditEntries())
        migrations.add(M009_CreateScorecards())
        migrations.add(M010_AddUserDeactivation())
        migrations.add(M011_DropClientIDUniqueness())
        migrations.add(M012_AddSessionEpoch())
        migrations.add(M013_CreateSecurityEvents())
        migrations.add(M014_AddOwners())
        migrations.add(M015_AddScorecardErasure())
        migrations.add(M016_ExplicitSubmission())
        migrations.add(M017_CreateCandidateDecisions())
        migrations.add(M018_AddOverdueHours())
    }
}
