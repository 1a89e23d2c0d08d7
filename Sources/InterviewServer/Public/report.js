// The report page's print button. A file of its own because pages allow no inline script
// (docs/security.md, "Content-Security-Policy").
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("[data-print]")) {
    button.addEventListener("click", () => window.print());
  }
});
