// Asks before leaving a form with text not yet saved: the guide editor after a save refused for
// lint errors or a conversion shown but not saved, or once anything in it is typed. The language
// switch and the header's links reload the saved version, and a probe's author lost their edits that
// way. The browser words the question itself, in its own language.
(function () {
  "use strict";
  document.querySelectorAll("form[data-guard-unsaved]").forEach(function (form) {
    var dirty = form.getAttribute("data-guard-unsaved") === "unsaved";
    form.addEventListener("input", function () { dirty = true; });
    // Unless a check before it took the submit back (the editor's size check): the text is still unsaved.
    form.addEventListener("submit", function (event) { if (!event.defaultPrevented) { dirty = false; } });
    window.addEventListener("beforeunload", function (event) {
      if (!dirty) { return; }
      event.preventDefault();
      event.returnValue = "";
    });
  });
})();
