/// The guide's recommendation band for a score. A knockout puts the session in the lowest band,
/// whatever the total: the guide's authors decided some topics cannot be made up for.
enum Recommendation {
    static func band(_ bands: [RecommendationBand], overall: Double?, knockedOut: Bool) -> RecommendationBand? {
        let ordered = bands.sorted { $0.minimum > $1.minimum }
        if knockedOut { return ordered.last }
        guard let overall else { return nil }
        // Compare at report precision, so a score printed as 70.0 never lands in the band below 70.
        let shown = ScoreFormat.shown(overall)
        return ordered.first { shown >= $0.minimum } ?? ordered.last
    }
}
