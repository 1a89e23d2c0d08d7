import Foundation

/// One page of a list (candidates, interviews), and where it sits among the rest.
struct Listing<Row: Sendable>: Sendable {
    /// Enough to scan on one screen; a team's busiest position is thousands of candidates.
    static var pageSize: Int { 50 }

    var rows: [Row]
    var total: Int
    var page: Int

    var pages: Int { max(1, (total + Self.pageSize - 1) / Self.pageSize) }

    /// Page numbers count from 1; one past the end shows the last page rather than an empty table.
    static func clamp(_ page: Int?, total: Int) -> Int {
        let last = max(1, (total + pageSize - 1) / pageSize)
        return min(max(page ?? 1, 1), last)
    }

    /// The table's pager: links to the neighbouring pages of `path` with the same filters.
    func pager(path: String, query: [URLQueryItem]) -> CandidatePager {
        func link(_ page: Int) -> String {
            var components = URLComponents()
            components.path = path
            components.queryItems = query.filter { !($0.value ?? "").isEmpty } + [URLQueryItem(name: "page", value: String(page))]
            return components.string ?? path
        }
        return CandidatePager(page: page, pages: pages, total: total,
                              previousHref: page > 1 ? link(page - 1) : nil,
                              nextHref: page < pages ? link(page + 1) : nil)
    }
}

typealias CandidateListing = Listing<CandidateService.Row>

/// What a paged table shows under itself.
struct CandidatePager: Encodable, Sendable {
    var page: Int
    var pages: Int
    var total: Int
    var previousHref: String?
    var nextHref: String?
}
