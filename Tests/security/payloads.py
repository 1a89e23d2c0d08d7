"""The fixed list of XSS payloads. Each carries a marker `xss_<field>_<nn>` (which field it was typed into,
which payload it is) and, if it ever runs, calls `__xss(marker)` or `alert(marker)`, so a hit names its source.

Contexts: HTML elements, attribute values, raw-text elements (textarea, title, script, style), URLs,
SVG, Markdown (inline, reference and autolinks, images, code), and text that looks like a template.
"""
import json

MARK = "MARK"

# (template, kind): kind "line" fits any text field; "block" needs line breaks (Markdown prose, resumes, notes)
PAYLOADS = [
    # HTML element context
    ("<script>__xss('MARK')</script>", "line"),
    ("<img src=x onerror=__xss('MARK')>", "line"),
    ("<svg onload=__xss('MARK')>", "line"),
    ("<svg><script>__xss('MARK')</script></svg>", "line"),
    ("<iframe srcdoc=\"<script>parent.__xss('MARK')</script>\"></iframe>", "line"),
    ("<details open ontoggle=__xss('MARK')>MARK</details>", "line"),
    ("<input autofocus onfocus=alert('MARK')>", "line"),
    ("<math><mtext><table><mglyph><style><img src=x onerror=__xss('MARK')>", "line"),
    ("<a href=\"javascript:__xss('MARK')\">MARK</a>", "line"),
    ("<object data=\"javascript:__xss('MARK')\"></object>", "line"),
    ("<base href=\"javascript:__xss('MARK')//\">", "line"),
    ("<svg><a xlink:href=\"javascript:__xss('MARK')\"><text y=\"20\">MARK</text></a></svg>", "line"),
    # breaking out of attribute values
    ("\"><img src=x onerror=__xss('MARK')>", "line"),
    ("'><svg onload=__xss('MARK')>", "line"),
    ("\" onmouseover=\"__xss('MARK')\" autofocus onfocus=\"__xss('MARK')\" x=\"", "line"),
    ("' onfocus='alert(`MARK`)' autofocus x='", "line"),
    # breaking out of raw-text elements and comments
    ("</textarea><script>__xss('MARK')</script>", "line"),
    ("</title><svg onload=__xss('MARK')>", "line"),
    ("</script><script>__xss('MARK')</script>", "line"),
    ("</style><img src=x onerror=__xss('MARK')>", "line"),
    ("--><img src=x onerror=__xss('MARK')>", "line"),
    ("]]><img src=x onerror=__xss('MARK')>", "line"),
    # URLs with a script scheme, plain and obfuscated
    ("javascript:__xss('MARK')", "line"),
    (" JaVaScRiPt:__xss('MARK')", "line"),
    ("data:text/html,<script>parent.__xss('MARK')</script>", "line"),
    # Markdown links and images
    ("[md MARK](javascript:__xss('MARK'))", "line"),
    ("[md MARK](JAVASCRIPT:__xss('MARK'))", "line"),
    ("[md MARK](java&#115;cript:__xss('MARK'))", "line"),
    ("[md MARK](&#x6A;avascript:__xss('MARK'))", "line"),
    ("[md MARK](\u0001javascript:__xss('MARK'))", "line"),
    ("[md MARK](<javascript:__xss('MARK')>)", "line"),
    ("[md MARK](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg== 'MARK')", "line"),
    ("[md MARK](https://example.com\" onmouseover=\"__xss('MARK'))", "line"),
    ("[md MARK](https://example.com \"t\\\" onmouseover=\\\"__xss('MARK')\")", "line"),
    ("<javascript:__xss('MARK')>", "line"),
    ("![img MARK](x.png\" onerror=\"__xss('MARK'))", "line"),
    ("![img MARK\" onerror=\"__xss('MARK')](x.png)", "line"),
    ("![img MARK](javascript:__xss('MARK'))", "line"),
    ("[![img MARK](x.png)](javascript:__xss('MARK'))", "line"),
    ("![[img MARK](x)](x\" onerror=\"__xss('MARK'))", "line"),
    ("`</code><img src=x onerror=__xss('MARK')>`", "line"),
    ("*<img src=x onerror=__xss('MARK')>*", "line"),
    ("[ref MARK][rMARK]\n\n[rMARK]: javascript:__xss('MARK')\n", "block"),
    ("[ref MARK][]\n\n[ref MARK]: JaVaScRiPt:__xss('MARK') \"t\"\n", "block"),
    ("```\"><script>__xss('MARK')</script>\ncode MARK\n```\n", "block"),
    ("```js\" onmouseover=\"__xss('MARK')\ncode MARK\n```\n", "block"),
    ("# <svg onload=__xss('MARK')>\n", "block"),
    ("> <img src=x onerror=__xss('MARK')>\n", "block"),
    ("<div onmouseover=\"__xss('MARK')\">\n\nMARK\n\n</div>\n", "block"),
    # text that looks like a template (Leaf, Mustache/Angular, JS template literals)
    ("#unsafeHTML(\"<img src=x onerror=__xss('MARK')>\") #(MARK)", "line"),
    ("{{constructor.constructor('__xss(\"MARK\")')()}}", "line"),
    ("${__xss('MARK')}", "line"),
]


def marker(field, index):
    return f"xss_{field}_{index:02d}"


def payload(field, index):
    return PAYLOADS[index][0].replace(MARK, marker(field, index))


def line_payloads(field):
    return [payload(field, i) for i, (_, kind) in enumerate(PAYLOADS) if kind == "line"]


def all_payloads(field):
    """Every payload for one field, each on its own paragraph (for Markdown, resumes, notes)."""
    return "\n\n".join(payload(field, i) for i in range(len(PAYLOADS)))


def as_stored(text):
    """A form field's text as the server keeps it (UserText.clean): line ends as "\n", without control
    characters (but tab and line feed) and without bidirectional overrides, embeddings and isolates."""
    text = text.replace("\r\n", "\n")
    return "".join(c for c in text if not (
        (ord(c) < 0x20 and c not in "\t\n") or 0x7F <= ord(c) <= 0x9F
        or 0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069))


def chunks(field, limit=180):
    """The one-line payloads of a field packed into strings of at most `limit` characters (short fields:
    names, titles), every payload in exactly one string."""
    packed, current = [], ""
    for text in line_payloads(field):
        if current and len(current) + 1 + len(text) > limit:
            packed.append(current)
            current = ""
        current = f"{current} {text}".strip() if current else text
    if current:
        packed.append(current)
    return packed


def flow_safe(text):
    """Payloads that fit a flowchart.js node label (one line, no arrow)."""
    return "\n" not in text and "->" not in text and "=>" not in text


def yaml_string(text):
    """A YAML scalar holding any text: YAML reads JSON strings."""
    return json.dumps(text)
