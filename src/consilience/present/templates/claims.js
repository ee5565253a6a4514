// Claim links and highlights, shared by the report and the web UI. No text from a
// document is ever inserted as HTML here: only textContent and attribute lookups.
(function () {
  "use strict";
  function marksOf(claim) {
    return Array.prototype.filter.call(document.querySelectorAll("mark[data-claims]"), function (m) {
      return m.getAttribute("data-claims").split(" ").indexOf(claim) >= 0;
    });
  }
  function showView(id) {
    var views = document.querySelectorAll("section.view");
    if (!document.getElementById(id)) { return; }
    Array.prototype.forEach.call(views, function (v) { v.classList.toggle("hidden", v.id !== id); });
    Array.prototype.forEach.call(document.querySelectorAll("header.top a[data-view]"), function (a) {
      a.classList.toggle("active", a.getAttribute("data-view") === id);
    });
  }
  function focusClaim(claim) {
    Array.prototype.forEach.call(document.querySelectorAll("mark.focus"), function (m) { m.classList.remove("focus"); });
    var marks = marksOf(claim);
    marks.forEach(function (m) { m.classList.add("focus"); });
    var panel = document.getElementById("claim-panel");
    if (panel && marks.length) {
      panel.textContent = "";
      var b = document.createElement("b");
      b.textContent = (marks[0].className.replace(" focus", "").replace("k-", "")) + " ";
      panel.appendChild(b);
      panel.appendChild(document.createTextNode(marks.map(function (m) { return m.textContent; }).join("")));
      var projected = marks.some(function (m) {
        return (m.getAttribute("data-projections") || "").split(" ").indexOf(claim) >= 0;
      });
      if (projected) {
        var note = document.createElement("i");
        note.textContent = " (projection)";
        panel.appendChild(note);
      }
      var id = document.createElement("span");
      id.className = "meta";
      id.textContent = "  (" + claim + ")";
      panel.appendChild(id);
      var card = cards()[claim];
      if (card) { showCard(panel, card); }
    }
    if (marks.length) { marks[0].scrollIntoView({block: "center"}); }
    return marks.length;
  }
  // The claim cards (kind, value, date, place, attribution, slot, citations) the page
  // carries as JSON data; read once. Text goes in with textContent only.
  var cardData = null;
  function cards() {
    if (cardData === null) {
      var holder = document.getElementById("claim-cards");
      try { cardData = holder ? JSON.parse(holder.textContent) : {}; } catch (e) { cardData = {}; }
    }
    return cardData;
  }
  function inReport() { return !!document.getElementById("view-figures"); }
  function resultLink(kind, id, label) {
    var a = document.createElement("a");
    a.textContent = label;
    if (inReport()) {
      a.href = "#" + kind + "-" + id;
      a.className = kind + "-link";
      a.setAttribute("data-view", kind === "slot" ? "view-figures" : "view-events");
    } else {
      a.href = "/" + (kind === "slot" ? "slots" : "events") + "/" + encodeURIComponent(id);
    }
    return a;
  }
  function showCard(panel, card) {
    var list = document.createElement("dl");
    list.className = "card";
    function row(term, node) {
      var dt = document.createElement("dt");
      dt.textContent = term;
      var dd = document.createElement("dd");
      if (typeof node === "string") { dd.textContent = node; } else { dd.appendChild(node); }
      list.appendChild(dt);
      list.appendChild(dd);
    }
    row("kind", card.kind);
    row("source", card.source);
    card.fields.forEach(function (field) { row(field[0], field[1]); });
    if (card.slot) { row("slot", resultLink("slot", card.slot.id, card.slot.label)); }
    if (card.event) { row("event", resultLink("event", card.event.id, card.event.label)); }
    panel.appendChild(list);
    var actions = document.createElement("p");
    actions.className = "cite-actions";
    var text = document.createElement("textarea");
    text.className = "citation";
    text.readOnly = true;
    text.rows = 4;
    text.hidden = true;
    text.setAttribute("aria-label", "citation");
    [["wikipedia", "cite (Wikipedia)"], ["csl", "cite (CSL-JSON)"]].forEach(function (pair) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "cite";
      button.setAttribute("data-format", pair[0]);
      button.textContent = pair[1];
      button.addEventListener("click", function () {
        var value = card.cite[pair[0]];
        text.value = typeof value === "string" ? value : JSON.stringify([value], null, 2);
        text.hidden = false;
        text.select();
        copied(text, button);
      });
      actions.appendChild(button);
      actions.appendChild(document.createTextNode(" "));
    });
    panel.appendChild(actions);
    panel.appendChild(text);
  }
  // Copy the selected citation; where the browser allows no clipboard (a file opened
  // without a secure context), the text stays selected for Ctrl+C.
  function copied(text, button) {
    function done(ok) { button.setAttribute("data-copied", ok ? "yes" : "no"); }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text.value).then(function () { done(true); }, function () { done(false); });
    } else {
      try { done(document.execCommand("copy")); } catch (e) { done(false); }
    }
  }
  // Values as stated: sort a slot's rows by value or by publication date.
  function sortRows(button) {
    var holder = button.closest("div.stated");
    var body = holder ? holder.querySelector("tbody") : null;
    if (!body) { return; }
    var key = button.getAttribute("data-sort");
    var rows = Array.prototype.slice.call(body.querySelectorAll("tr.stated-row"));
    rows.sort(function (a, b) {
      if (key === "published") {
        var pa = a.getAttribute("data-published") || "~", pb = b.getAttribute("data-published") || "~";
        if (pa !== pb) { return pa < pb ? -1 : 1; }
      }
      return Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
    });
    rows.forEach(function (r) { body.appendChild(r); });
    Array.prototype.forEach.call(holder.querySelectorAll("button.sort-by"), function (b) {
      b.setAttribute("aria-pressed", b === button ? "true" : "false");
    });
  }
  // The report's slot filters: measure, verdict, source and words, all offline.
  function filterSlots() {
    var form = document.getElementById("slot-filters");
    if (!form) { return; }
    var want = {};
    Array.prototype.forEach.call(form.querySelectorAll("[data-filter]"), function (f) {
      want[f.getAttribute("data-filter")] = f.value.trim().toLowerCase();
    });
    var shown = 0, total = 0;
    Array.prototype.forEach.call(document.querySelectorAll("section.slot[data-slot]"), function (section) {
      var id = section.getAttribute("data-slot");
      var ok = (!want.measure || section.getAttribute("data-measure") === want.measure) &&
        (!want.verdict || section.getAttribute("data-verdict") === want.verdict) &&
        (!want.source || (section.getAttribute("data-docs") || "").split(" ").indexOf(want.source) >= 0) &&
        (!want.text || section.textContent.toLowerCase().indexOf(want.text) >= 0);
      total += 1;
      shown += ok ? 1 : 0;
      section.classList.toggle("filtered", !ok);
      Array.prototype.forEach.call(document.querySelectorAll("tr.slot-row"), function (row) {
        if (row.getAttribute("data-slot") === id) { row.classList.toggle("filtered", !ok); }
      });
    });
    var count = form.querySelector(".filter-count");
    if (count) { count.textContent = shown === total ? "" : shown + " of " + total + " slots"; }
  }
  function openClaim(doc, claim) {
    var section = document.getElementById("doc-" + doc);
    if (!section) { return false; }
    showView(section.closest("section.view") ? section.closest("section.view").id : section.id);
    Array.prototype.forEach.call(document.querySelectorAll("article.document"), function (a) {
      a.classList.toggle("hidden", a.id !== "doc-" + doc);
    });
    focusClaim(claim);
    return true;
  }
  document.addEventListener("input", function (event) {
    if (event.target.closest && event.target.closest("#slot-filters")) { filterSlots(); }
  });
  document.addEventListener("change", function (event) {
    if (event.target.closest && event.target.closest("#slot-filters")) { filterSlots(); }
  });
  document.addEventListener("submit", function (event) {
    if (event.target.id === "slot-filters") { event.preventDefault(); }
  });
  document.addEventListener("click", function (event) {
    var sorter = event.target.closest ? event.target.closest("button.sort-by") : null;
    if (sorter) { sortRows(sorter); return; }
    var link = event.target.closest ? event.target.closest("a.claim-link, a[data-view], a.doc-link") : null;
    if (link && link.classList.contains("claim-link")) {
      if (openClaim(link.getAttribute("data-doc"), link.getAttribute("data-claim"))) {
        event.preventDefault();
        history.replaceState(null, "", "#claim-" + link.getAttribute("data-claim"));
      }
      return;
    }
    if (link && link.hasAttribute("data-view")) {
      showView(link.getAttribute("data-view"));
      return;
    }
    if (link && link.classList.contains("doc-link") && document.getElementById("doc-" + link.getAttribute("data-doc"))) {
      event.preventDefault();
      openClaim(link.getAttribute("data-doc"), "");
      return;
    }
    var mark = event.target.closest ? event.target.closest("mark[data-claim]") : null;
    if (mark) { focusClaim(mark.getAttribute("data-claim")); }
  });
  // The view, claim or section the address names: on load, and when only the hash changes.
  function route() {
    var hash = decodeURIComponent(location.hash.slice(1));
    var first = document.querySelector("section.view");
    if (hash.indexOf("claim-") === 0) {
      var claim = hash.slice(6);
      var doc = claim.replace(/-[a-z][0-9]+$/, "");
      if (!openClaim(doc, claim)) { focusClaim(claim); }
    } else if (hash && document.getElementById(hash) && document.getElementById(hash).classList.contains("view")) {
      showView(hash);
    } else if (hash && document.getElementById(hash) && document.getElementById(hash).closest("section.view")) {
      var target = document.getElementById(hash);
      showView(target.closest("section.view").id);
      target.scrollIntoView();
    } else if (first && document.querySelectorAll("section.view").length > 1) {
      showView(first.id);
    }
    var focused = document.querySelector("mark.focus");
    if (focused) { focused.scrollIntoView({block: "center"}); }
  }
  document.addEventListener("DOMContentLoaded", route);
  window.addEventListener("hashchange", route);
})();
