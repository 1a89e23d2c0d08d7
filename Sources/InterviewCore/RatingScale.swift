/// The scale every question of a guide is rated on. product.md: one scale per guide, 0–4 by default,
/// each level with a short anchor saying what an answer at that level contains.
public struct RatingScale: Hashable, Sendable, Codable {
    public var levels: ClosedRange<Int>
    public var anchors: [Int: String]

    public init(levels: ClosedRange<Int> = 0...4, anchors: [Int: String] = [:]) {
        self.levels = levels
        self.anchors = anchors
    }

    public static let standard = RatingScale()

    public var maximum: Int { levels.upperBound }

    public func contains(_ rating: Int) -> Bool { levels.contains(rating) }
}
