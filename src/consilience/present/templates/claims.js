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
    }
    if (marks.length) { marks[0].scrollIntoView({block: "center"}); }
    return marks.length;
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
  document.addEventListener("click", function (event) {
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
  document.addEventListener("DOMContentLoaded", function () {
    var hash = decodeURIComponent(location.hash.slice(1));
    var first = document.querySelector("section.view");
    if (hash.indexOf("claim-") === 0) {
      var claim = hash.slice(6);
      var doc = claim.replace(/-[a-z][0-9]+$/, "");
      if (!openClaim(doc, claim)) { focusClaim(claim); }
    } else if (hash && document.getElementById(hash) && document.getElementById(hash).classList.contains("view")) {
      showView(hash);
    } else if (first && document.querySelectorAll("section.view").length > 1) {
      showView(first.id);
    }
    var focused = document.querySelector("mark.focus");
    if (focused) { focused.scrollIntoView({block: "center"}); }
  });
})();
