// Give each rich-text editing element (ProseMirror, created by django-prose-editor) the
// accessible name of its field, so screen readers announce it (axe: aria-input-field-name).
(function () {
  "use strict";

  var SELECTOR =
    "textarea[data-django-prose-editor-default], textarea[data-django-prose-editor-configurable]";

  function nameOf(textarea) {
    if (textarea.getAttribute("aria-label")) return textarea.getAttribute("aria-label");
    var label = textarea.id && document.querySelector('label[for="' + textarea.id + '"]');
    return label ? label.textContent.replace(/:\s*$/, "").trim() : "";
  }

  function label(editable, textarea) {
    if (editable && !editable.getAttribute("aria-label")) {
      editable.setAttribute("aria-label", nameOf(textarea));
      editable.setAttribute("role", "textbox");
      editable.setAttribute("aria-multiline", "true");
    }
    // The browser's spelling check, as in any text box.
    if (editable) editable.setAttribute("spellcheck", "true");
  }

  document.addEventListener("prose-editor:ready", function (event) {
    var detail = event.detail || {};
    if (detail.editor && detail.editor.view) label(detail.editor.view.dom, detail.textarea);
  });

  function labelAll() {
    document.querySelectorAll(SELECTOR).forEach(function (textarea) {
      var scope = textarea.parentElement;
      if (scope) scope.querySelectorAll(".ProseMirror[contenteditable]").forEach(function (editable) {
        label(editable, textarea);
      });
    });
  }

  new MutationObserver(labelAll).observe(document.documentElement, {
    childList: true,
    subtree: true,
  });
})();
