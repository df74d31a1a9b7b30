/* Suggested links of the press-release change page (see news/linking/admin.py): accept or
 * dismiss one suggestion, or accept them all, without reloading the page. A static file, no
 * inline script: it runs under the site's Content Security Policy. Without it the buttons
 * post the change form to the same URLs and the page comes back. */
(function () {
  "use strict";

  function ready(callback) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", callback);
    } else {
      callback();
    }
  }

  // The entries linked join the links panel, so a later Save keeps them.
  function addToPanel(link) {
    var select = document.getElementById("id_" + link.field);
    if (!select) {
      return;
    }
    var option = Array.prototype.find.call(select.options, function (each) {
      return each.value === link.id;
    });
    if (option) {
      option.selected = true;
    } else {
      select.appendChild(new Option(link.text, link.id, true, true));
    }
    if (window.django && window.django.jQuery) {
      window.django.jQuery(select).trigger("change"); // Select2 redraws its choices
    } else {
      select.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }

  ready(function () {
    var form = document.querySelector("#pressrelease_form");
    var status = document.getElementById("suggested-links-status");
    if (!form || !status) {
      return;
    }
    var tokenInput = form.querySelector("input[name=csrfmiddlewaretoken]");
    var version = form.querySelector("input[name=opened_version]");

    function removeRows(decided) {
      decided.forEach(function (id) {
        var row = form.querySelector('table.suggested-links tr[data-suggestion="' + id + '"]');
        if (row) {
          row.remove();
        }
      });
      var table = form.querySelector("table.suggested-links");
      if (table && table.querySelectorAll("tbody tr").length === 0) {
        var acceptAll = form.querySelector("[data-suggestion-decision=accept-all]");
        if (acceptAll) {
          acceptAll.closest("p").remove();
        }
        table.remove();
      }
    }

    function decide(button) {
      button.disabled = true;
      return fetch(button.formAction, {
        method: "POST",
        credentials: "same-origin",
        headers: {
          Accept: "application/json",
          "X-CSRFToken": tokenInput ? tokenInput.value : "",
        },
      })
        .then(function (response) {
          if (!response.ok) {
            throw new Error(String(response.status));
          }
          return response.json();
        })
        .then(function (answer) {
          var links = answer.links || [];
          var saved = links.map(function (link) { return link.field; });
          links.forEach(addToPanel);
          if (version && answer.version && version.value === String(answer.version_before)) {
            version.value = String(answer.version);
            saved.push(version.name);
          }
          if (saved.length) {
            form.dispatchEvent(new CustomEvent("links-saved", { detail: { fields: saved } }));
          }
          status.textContent = answer.message;
          status.className = "suggested-links-status suggested-links-status--" + answer.level;
          removeRows(answer.decided || []);
          button.disabled = false;
        })
        .catch(function () {
          // The server refused or is away: post the form the way it works without script.
          button.disabled = false;
          button.dataset.suggestionDecision = "";
          form.requestSubmit(button);
        });
    }

    form.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-suggestion-decision]");
      if (!button || !button.dataset.suggestionDecision) {
        return;
      }
      event.preventDefault();
      decide(button);
    });
  });
})();
