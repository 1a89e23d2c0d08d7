/// The page for a storage failure that happened before the request's language could be read (the
/// session lives in the database that is failing). Fixed text in both languages, no user input.
enum StorageTroublePage {
    static func html(_ trouble: StorageTrouble) -> String {
        let (zh, en) = switch trouble {
        case .unavailable: ("数据库暂时没有响应，本次操作未保存。请几秒后重试。",
                            "The database is not answering right now, so nothing was saved. Try again in a few seconds.")
        case .diskFull: ("服务器磁盘已满，本次操作未保存。请联系管理员释放空间后重试。",
                         "The server's disk is full, so nothing was saved. Ask your administrator to free space, then try again.")
        }
        return """
        <!doctype html><html lang="zh"><head><meta charset="utf-8"><title>InterviewFlow</title></head>
        <body><h1>InterviewFlow</h1><p lang="zh">\(zh)</p><p lang="en">\(en)</p></body></html>
        """
    }
}
