/* Autosave and presence of the press-release change page (see news/autosave_admin.py).
 * A static file, no inline script: it runs under the site's Content Security Policy.
 * Without it the form saves as always. */
(function () {
  "use strict";

  function ready(callback) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", callback);
    } else {
      callback();
    }
  }

  ready(function () {
    var box = document.getElementById("autosave");
    var form = document.querySelector("#pressrelease_form");
    if (!box || !form) {
      return;
    }
    var url = box.dataset.url;
    var leaveUrl = box.dataset.leaveUrl;
    var interval = parseInt(box.dataset.interval, 10) || 5000;
    var status = document.getElementById("autosave-status");
    var presence = document.getElementById("presence");
    var tokenInput = form.querySelector("input[name=csrfmiddlewaretoken]");
    var token = tokenInput ? tokenInput.value : "";
    var submitting = false;
    var sinceLastPing = 0;

    // The form's text fields as sorted "name=value" pairs, optionally of some fields only.
    function pairs(names) {
      var data = new FormData(form);
      var found = [];
      data.forEach(function (value, key) {
        if (typeof value === "string" && key !== "csrfmiddlewaretoken" &&
            (!names || names.indexOf(key) !== -1)) {
          found.push(key + "=" + value);
        }
      });
      return found.sort();
    }

    function serialise() {
      return pairs().join("&");
    }

    var openedPairs = pairs();
    var opened = openedPairs.join("&");
    var lastSent = opened;
    var restored = box.dataset.restored === "1";

    function dirty() {
      return restored || serialise() !== opened;
    }

    // Suggestions accepted without a reload are saved already (suggested-links.js): the
    // panel fields they changed are the saved state now, not unsaved work to warn about.
    form.addEventListener("links-saved", function (event) {
      var names = event.detail.fields;
      openedPairs = openedPairs
        .filter(function (pair) {
          return names.indexOf(pair.split("=")[0]) === -1;
        })
        .concat(pairs(names))
        .sort();
      opened = openedPairs.join("&");
    });

    function showPresence(others) {
      if (!presence) {
        return;
      }
      if (!others || others.length === 0) {
        presence.textContent = "";
        return;
      }
      var names = others.map(function (other) {
        return interpolate(gettext("%(name)s (since %(since)s)"), other, true);
      });
      presence.textContent =
        gettext("Also open by:") + " " + names.join(", ") + ". " +
        gettext("Save often: if you both change the same field, the second to save chooses.");
    }

    function post(body) {
      body.append("csrfmiddlewaretoken", token);
      return fetch(url, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "X-CSRFToken": token, "X-Requested-With": "fetch" },
      }).then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      });
    }

    function tick() {
      if (submitting) {
        return;
      }
      var now = serialise();
      sinceLastPing += interval;
      var body;
      if (now !== lastSent) {
        body = new FormData(form);
        body.delete("csrfmiddlewaretoken");
        // Files are not autosaved; their names would only confuse a restore.
        Array.prototype.forEach.call(form.querySelectorAll("input[type=file]"), function (input) {
          body.delete(input.name);
        });
        body.append("_autosave", "form");
      } else if (sinceLastPing >= interval * 3) {
        body = new FormData();
        body.append("_autosave", "ping");
      } else {
        return;
      }
      sinceLastPing = 0;
      post(body)
        .then(function (answer) {
          if (answer.saved_at) {
            lastSent = now;
            status.textContent = interpolate(
              gettext("Your unsaved changes were kept at %(time)s; save the form to put them in the press release."),
              { time: answer.saved_at }, true);
          }
          showPresence(answer.others);
        })
        .catch(function () {
          status.textContent = gettext("Autosave is not reaching the server; save the form to keep your changes.");
        });
    }

    window.setInterval(tick, interval);
    tick();

    form.addEventListener("submit", function () {
      submitting = true;
    });
    window.addEventListener("beforeunload", function (event) {
      if (!submitting && dirty()) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
    window.addEventListener("pagehide", function () {
      if (submitting || !navigator.sendBeacon) {
        return;
      }
      var body = new FormData();
      body.append("csrfmiddlewaretoken", token);
      navigator.sendBeacon(leaveUrl, body);
    });
  });
})();
