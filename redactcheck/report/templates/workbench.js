
(function () {
  "use strict";
  // The reviewer's workbench: filters, accept / reject / note on each finding, and a
  // "Save decisions" button that downloads the decisions file `redactcheck check --baseline`
  // and `redact --decisions` read (redactcheck/baseline.py, version 1). No server: the file
  // is made in the page (a Blob and a download link), so this works from file://. Decisions
  // not yet saved are kept in this browser's localStorage, keyed by the document's path.
  // Everything the page shows from the draft is text in the DOM; this script reads
  // attributes and never builds markup from them.
  var STORE = "redactcheck:decisions:";
  var NAME_KEY = "redactcheck:reviewer";
  var STATUSES = {accepted: "Accepted", rejected: "Rejected", pending: ""};
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-filter]"));
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.finding-row[data-id]"));
  var nameField = document.getElementById("reviewer");
  var saveButton = document.getElementById("save-decisions");
  var statusLine = document.getElementById("save-status");

  function storage() {
    try { return window.localStorage || null; } catch (e) { return null; }
  }

  function now() {
    return new Date().toISOString().replace(/\.\d+Z$/, "+00:00");
  }

  function reviewer() {
    return nameField ? nameField.value.trim() : "";
  }

  function fileOf(row) {
    var doc = row.closest("section.document");
    return doc ? doc.getAttribute("data-file") || "" : "";
  }

  function note(row) {
    return row.querySelector("textarea.note");
  }

  function apply() {
    var allowed = {severity: {}, entity: {}, decision: {}};
    boxes.forEach(function (b) { allowed[b.getAttribute("data-filter")][b.value] = b.checked; });
    var shown = 0;
    document.querySelectorAll("[data-severity][data-entity]").forEach(function (el) {
      var ok = allowed.severity[el.getAttribute("data-severity")] !== false &&
               allowed.entity[el.getAttribute("data-entity")] !== false &&
               allowed.decision[el.getAttribute("data-decision") || "pending"] !== false;
      if (el.classList.contains("finding-row")) {
        el.hidden = !ok;
        if (ok) { shown += 1; }
      } else {
        el.classList.toggle("filtered", !ok);
      }
    });
    var count = document.getElementById("visible-count");
    if (count) { count.textContent = String(shown); }
  }

  // The decision as the row's controls hold it.
  function current(row) {
    var checked = row.querySelector("input[type=radio]:checked");
    var field = note(row);
    return {status: checked ? checked.value : "pending", why: field ? field.value.trim() : "",
            by: row.getAttribute("data-by") || "", when: row.getAttribute("data-when") || ""};
  }

  // Show a decision on a row (its controls, its label, its mark in the text).
  function show(row, d, keepNote) {
    var status = STATUSES.hasOwnProperty(d.status) ? d.status : "pending";
    var radio = row.querySelector("input[type=radio][value=" + status + "]");
    if (radio) { radio.checked = true; }
    var field = note(row);
    if (field && !keepNote) { field.value = d.why || ""; }
    row.setAttribute("data-decision", status);
    row.setAttribute("data-by", d.by || "");
    row.setAttribute("data-when", d.when || "");
    var label = row.querySelector(".decision");
    if (label) {
      label.textContent = STATUSES[status];
      label.className = "decision decision-" + status;
    }
    var why = row.querySelector(".decision-why");
    if (why) { why.textContent = d.why ? "Note: " + d.why : ""; }
    var mark = document.getElementById("m-" + row.id);
    if (mark) { mark.setAttribute("data-decision", status); }
  }

  function remember(file) {
    var s = storage();
    if (!s || !file) { return; }
    var saved = {};
    rows.forEach(function (r) {
      if (fileOf(r) === file && r.getAttribute("data-touched")) {
        saved[r.getAttribute("data-id")] = current(r);
      }
    });
    try { s.setItem(STORE + file, JSON.stringify(saved)); } catch (e) { /* full or denied */ }
  }

  // A decision changed on `row`: every row with the same fingerprint takes it.
  function changed(row, fromNote) {
    var d = current(row);
    d.by = reviewer() || d.by;
    d.when = d.status === "pending" ? "" : now();
    var id = row.getAttribute("data-id");
    var files = {};
    rows.forEach(function (r) {
      if (r.getAttribute("data-id") === id) {
        r.setAttribute("data-touched", "1");
        show(r, d, fromNote && r === row);
        files[fileOf(r)] = true;
      }
    });
    Object.keys(files).forEach(remember);
    if (statusLine) { statusLine.textContent = "Unsaved decisions: press Save decisions."; }
    apply();
  }

  function restore() {
    var s = storage();
    if (!s) { return 0; }
    var restored = 0;
    document.querySelectorAll("section.document[data-file]").forEach(function (doc) {
      var saved = {};
      try { saved = JSON.parse(s.getItem(STORE + doc.getAttribute("data-file")) || "{}") || {}; }
      catch (e) { saved = {}; }
      doc.querySelectorAll("tr.finding-row[data-id]").forEach(function (r) {
        var d = saved[r.getAttribute("data-id")];
        if (d && typeof d === "object" && STATUSES.hasOwnProperty(d.status)) {
          show(r, {status: d.status, why: String(d.why || ""), by: String(d.by || ""),
                   when: String(d.when || "")}, false);
          r.setAttribute("data-touched", "1");
          restored += 1;
        }
      });
    });
    if (nameField && !nameField.value) {
      try { nameField.value = s.getItem(NAME_KEY) || ""; } catch (e) { /* denied */ }
    }
    return restored;
  }

  // The decisions file: redactcheck/baseline.py's format, one entry per fingerprint.
  function decisions() {
    var seen = {};
    var entries = [];
    rows.forEach(function (r) {
      var id = r.getAttribute("data-id");
      if (!id || seen[id]) { return; }
      seen[id] = true;
      var d = current(r);
      var by = d.by;
      if (r.getAttribute("data-touched") && reviewer()) { by = reviewer(); }
      var decided = d.status !== "pending";
      entries.push({
        fingerprint: id,
        entity: r.getAttribute("data-entity") || "",
        severity: r.getAttribute("data-severity") || "",
        file: fileOf(r),
        place: r.getAttribute("data-place") || "",
        status: d.status,
        by: decided || d.why ? by : "",
        when: decided ? d.when || now() : "",
        why: d.why
      });
    });
    return {version: 1, tool: document.documentElement.getAttribute("data-tool") || "redactcheck",
            updated: now(), entries: entries};
  }

  function save() {
    var data = decisions();
    var blob = new Blob([JSON.stringify(data, null, 2) + "\n"], {type: "application/json"});
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = "redactcheck-decisions.json";
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    window.setTimeout(function () { URL.revokeObjectURL(url); link.remove(); }, 2000);
    var decided = data.entries.filter(function (e) { return e.status !== "pending"; }).length;
    if (statusLine) {
      statusLine.textContent = "Saved redactcheck-decisions.json: " + decided + " of " +
        data.entries.length + " findings decided. Use it with check --baseline or redact --decisions.";
    }
  }

  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  rows.forEach(function (r) {
    r.querySelectorAll("input[type=radio]").forEach(function (radio) {
      radio.addEventListener("change", function () { changed(r, false); });
    });
    var field = note(r);
    if (field) { field.addEventListener("input", function () { changed(r, true); }); }
  });
  if (nameField) {
    nameField.addEventListener("input", function () {
      var s = storage();
      if (s) { try { s.setItem(NAME_KEY, reviewer()); } catch (e) { /* denied */ } }
    });
  }
  if (saveButton) {
    saveButton.disabled = false;
    saveButton.addEventListener("click", save);
  }
  var restored = restore();
  if (restored && statusLine) {
    statusLine.textContent = restored + " decision(s) not yet saved were restored from this " +
      "browser: press Save decisions to keep them in a file.";
  }
  apply();
})();
