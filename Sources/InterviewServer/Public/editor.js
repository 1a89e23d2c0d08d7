// The guide editor: a local file loaded into it, and its findings tied to the text they are about: each flagged line offers "Show in the
// text" (the line selected in the editor and scrolled into view) and, where the finding suggests a fix,
// "Apply the fix" (the line replaced in the editor, not saved). The findings were a listing below the
// text with line numbers to count to by hand. A fix is applied only while the line still reads as it
// did when checked: after other edits, the numbers no longer point where they did.
(function () {
  "use strict";
  var editor = document.getElementById("guide-markdown");
  if (!editor) { return; }

  // A local Markdown file into the editor, for an author who keeps the guide in a file (Typora, git): the
  // text had to be pasted in whole. Read as UTF-8 (or UTF-16 with its mark) and refused otherwise, as an
  // upload is; not saved here.
  var form = editor.form;
  if (form && form.dataset.loadFile && window.FileReader && window.TextDecoder) {
    var label = document.createElement("label");
    label.className = "load-file";
    label.textContent = form.dataset.loadFile + " ";
    var input = document.createElement("input");
    input.type = "file";
    input.accept = ".md,.markdown,text/markdown,text/plain";
    var problem = document.createElement("p");
    problem.className = "error";
    problem.setAttribute("role", "alert");
    problem.hidden = true;
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) { return; }
      var reader = new FileReader();
      reader.onload = function () {
        // UTF-8, or UTF-16 with its byte-order mark (Windows' "Unicode"), as an upload is read.
        var bytes = new Uint8Array(reader.result);
        var encoding = bytes[0] === 0xFF && bytes[1] === 0xFE ? "utf-16le" : bytes[0] === 0xFE && bytes[1] === 0xFF ? "utf-16be" : "utf-8";
        var text;
        try { text = new TextDecoder(encoding, { fatal: true }).decode(reader.result); } catch (e) { text = null; }
        if (text !== null && text.indexOf("\u0000") >= 0) { text = null; }
        problem.hidden = text !== null;
        problem.textContent = text === null ? form.dataset.notUtf8 : "";
        if (text === null) { return; }
        editor.value = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
        editor.dispatchEvent(new Event("input", { bubbles: true }));   // the unsaved-changes guard
        input.value = "";   // the file itself is never sent: the text is
      };
      reader.readAsArrayBuffer(file);
    });
    label.appendChild(input);
    editor.insertAdjacentElement("afterend", problem);
    editor.insertAdjacentElement("afterend", label);
  }

  // A guide may be at most 1 MB (the server refuses more). A larger text was sent anyway: under 6 MB the
  // server said so, but a conversion came back with the saved version in place of the author's edits, and
  // over 6 MB (2 MB of Chinese, percent-encoded) the answer was a "too large" page without the text. So
  // the size is checked here, before anything leaves, and the text stays in the editor. Counted as the
  // server counts: UTF-8 bytes of the text with "\n" line ends (a textarea's value has them).
  function utf8Length(text) {
    var bytes = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : (c >= 0xD800 && c < 0xDC00) ? 2 : (c >= 0xDC00 && c < 0xE000) ? 2 : 3;
    }
    return bytes;
  }
  if (form && form.dataset.tooLarge) {
    var tooLarge = document.createElement("p");
    tooLarge.className = "error";
    tooLarge.id = "too-large";
    tooLarge.setAttribute("role", "alert");
    tooLarge.hidden = true;
    // Beside the buttons that were pressed, not above the text (a long text's top is out of sight).
    var actions = form.querySelector("p.actions");
    (actions || editor).insertAdjacentElement(actions ? "beforebegin" : "afterend", tooLarge);
    // On the document, capturing: before unsaved.js's listener on the form, which then sees the submit
    // taken back and keeps guarding the text.
    document.addEventListener("submit", function (event) {
      if (event.target !== form) { return; }
      var size = utf8Length(editor.value);
      var over = size > 1000000;
      tooLarge.hidden = !over;
      if (!over) { return; }
      event.preventDefault();
      tooLarge.textContent = form.dataset.tooLarge.replace("{size}", (size / 1000000).toFixed(2));
      editor.setAttribute("aria-invalid", "true");
      tooLarge.scrollIntoView({ block: "nearest" });
    }, true);
  }

  var table = document.getElementById("editor-findings");
  if (!table) { return; }

  // The line's start and end offsets in the editor's text (lines are "\n"-separated in a textarea).
  function lineRange(number) {
    var text = editor.value, start = 0;
    for (var n = 1; n < number; n++) {
      var next = text.indexOf("\n", start);
      if (next < 0) { return null; }
      start = next + 1;
    }
    var end = text.indexOf("\n", start);
    return { start: start, end: end < 0 ? text.length : end };
  }

  // Scrolls the editor so `offset` is a third of the way down: measured with a copy of the editor holding
  // the text before it, since long lines wrap and a line's number alone does not say how far down it is.
  function scrollTo(offset) {
    var probe = editor.cloneNode(false);
    probe.removeAttribute("id");
    probe.removeAttribute("name");
    probe.setAttribute("aria-hidden", "true");
    probe.tabIndex = -1;
    probe.style.cssText = "position:absolute;visibility:hidden;height:0;overflow:hidden;width:" + editor.clientWidth + "px";
    probe.value = editor.value.slice(0, offset);
    editor.parentNode.appendChild(probe);
    var top = probe.scrollHeight;
    probe.remove();
    editor.scrollTop = Math.max(0, top - editor.clientHeight / 3);
  }

  function show(number) {
    var range = lineRange(number);
    if (!range) { return; }
    editor.focus({ preventScroll: true });
    editor.setSelectionRange(range.start, range.end);
    scrollTo(range.start);
    editor.scrollIntoView({ block: "nearest" });
  }

  function say(finding, text) {
    var old = finding.querySelector(".fix-status");
    if (old) { old.remove(); }
    var status = document.createElement("p");
    status.className = "fix-status";
    status.setAttribute("role", "status");
    status.textContent = text;
    finding.appendChild(status);
  }

  // `fixed`: the line as one finding's fix makes it, or as all of them do (the row's own button).
  function apply(row, finding, number, fixed) {
    var range = lineRange(number);
    var checked = row.querySelector(".line-text").textContent;
    var current = range ? editor.value.slice(range.start, range.end).replace(/\r$/, "") : null;
    if (current !== checked) { say(finding, table.dataset.lineChanged); return; }
    editor.focus({ preventScroll: true });
    // A fix that leaves nothing but spaces deletes the line, its line break too (a stray `end` left a
    // line of spaces behind).
    if (fixed.trim() === "") {
      var text = editor.value;
      range = range.end < text.length ? { start: range.start, end: range.end + 1 } : { start: Math.max(0, range.start - 1), end: range.end };
      fixed = "";
    }
    editor.setSelectionRange(range.start, range.end);
    // execCommand keeps the change on the editor's undo stack (Ctrl+Z takes the fix back); where it is
    // gone, setRangeText does the same without undo.
    var before = editor.value;
    var expected = before.slice(0, range.start) + fixed + before.slice(range.end);
    var done = false;
    try { done = document.execCommand(fixed === "" ? "delete" : "insertText", false, fixed); } catch (e) { done = false; }
    if (!done) {
      editor.setRangeText(fixed, range.start, range.end, "select");
    } else if (editor.value !== expected) {
      editor.value = expected;
    }
    editor.dispatchEvent(new Event("input", { bubbles: true }));   // the unsaved-changes guard
    scrollTo(range.start);
    row.querySelectorAll("button.apply-fix, button.apply-all").forEach(function (b) { b.disabled = true; });
    say(finding, table.dataset.fixApplied);
  }

  // A fix taken back (Ctrl+Z) or the line typed back as it was: its buttons work again.
  editor.addEventListener("input", function () {
    table.querySelectorAll("tr.flagged[data-line]").forEach(function (row) {
      var buttons = row.querySelectorAll("button.apply-fix:disabled, button.apply-all:disabled");
      if (!buttons.length) { return; }
      var range = lineRange(parseInt(row.dataset.line, 10));
      var current = range ? editor.value.slice(range.start, range.end).replace(/\r$/, "") : null;
      if (current !== row.querySelector(".line-text").textContent) { return; }
      buttons.forEach(function (b) { b.disabled = false; });
      row.querySelectorAll(".fix-status").forEach(function (p) { p.remove(); });
    });
  });

  table.querySelectorAll("tr.flagged[data-line]").forEach(function (row) {
    var number = parseInt(row.dataset.line, 10);
    var cell = row.cells[1];
    var go = document.createElement("button");
    go.type = "button";
    go.className = "quiet small";
    go.textContent = table.dataset.goToLine;
    go.addEventListener("click", function () { show(number); });
    var bar = document.createElement("p");
    bar.className = "finding-actions";
    bar.appendChild(go);
    if (row.dataset.allFixedLine !== undefined) {
      var all = document.createElement("button");
      all.type = "button";
      all.className = "quiet small apply-all";
      all.textContent = table.dataset.applyAllFixes + " (" + row.dataset.fixCount + ")";
      all.addEventListener("click", function () { apply(row, bar, number, row.dataset.allFixedLine); });
      bar.appendChild(document.createTextNode(" "));
      bar.appendChild(all);
    }
    cell.insertBefore(bar, cell.querySelector(".diagnostic"));
    row.querySelectorAll(".diagnostic[data-fixed-line]").forEach(function (finding) {
      var fix = document.createElement("button");
      fix.type = "button";
      fix.className = "quiet small apply-fix";
      fix.textContent = table.dataset.applyFix;
      fix.addEventListener("click", function () { apply(row, finding, number, finding.dataset.fixedLine); });
      finding.appendChild(fix);
    });
  });
})();
