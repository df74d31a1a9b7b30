"""Record Content Security Policy violations in a Playwright page."""

# Runs before any page script (Playwright injects it outside the page's CSP).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"}` +
      ` at ${event.sourceFile}:${event.lineNumber}`
  );
});
"""


class ViolationRecorder:
    """Collect CSP violations from `securitypolicyviolation` events and console errors."""

    def __init__(self, page):
        self.page = page
        self.console = []
        page.add_init_script(RECORD_VIOLATIONS)
        page.on("console", self._on_console)

    def _on_console(self, message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.console.append(message.text)

    def visit(self, url):
        response = self.page.goto(url)
        self.page.wait_for_load_state("networkidle")
        return response

    def violations(self):
        """Everything recorded so far on the current document and the console."""
        events = self.page.evaluate("window.__cspViolations || []")
        return [*events, *self.console]
