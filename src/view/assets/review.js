// paperbag review: selection, keyboard navigation and corrections. Works from file://, needs
// nothing from the network. Regions and list entries carry data-article (the article's METS
// div ID) and regions data-block (the ALTO block ID); corrections name them the same way.
(function () {
  "use strict";
  var body = document.body;
  var issue = body.getAttribute("data-issue");
  var state = { article: null, block: null, corrections: [] };

  function all(selector) { return Array.prototype.slice.call(document.querySelectorAll(selector)); }
  function byArticle(id) {
    return all("[data-article]").filter(function (e) { return e.getAttribute("data-article") === id; });
  }

  function selectArticle(id) {
    all(".selected").forEach(function (e) {
      e.classList.remove("selected");
      if (e.hasAttribute("aria-pressed")) e.setAttribute("aria-pressed", "false");
    });
    state.article = id;
    body.classList.toggle("has-selection", !!id);
    if (id) byArticle(id).forEach(function (e) {
      e.classList.add("selected");
      if (e.hasAttribute("aria-pressed")) e.setAttribute("aria-pressed", "true");
    });
    showState();
  }

  function selectBlock(region) {
    all(".block-selected").forEach(function (e) { e.classList.remove("block-selected"); });
    state.block = region ? region.getAttribute("data-block") : null;
    if (region) region.classList.add("block-selected");
    showState();
  }

  function activate(element) {
    if (element.classList.contains("region")) {
      selectBlock(element);
      selectArticle(element.getAttribute("data-article"));
    } else {
      var id = element.getAttribute("data-article");
      selectArticle(state.article === id && !state.block ? null : id);
      var first = byArticle(id).filter(function (e) { return e.classList.contains("region"); })[0];
      if (first && first.scrollIntoView && !state.block) first.scrollIntoView({ block: "nearest" });
    }
  }

  // Keyboard: Enter or Space selects; arrow keys move within a list or a page's regions;
  // Escape clears the selection; n / p go to the next or previous page.
  function siblings(element) {
    var scope = element.closest("ol, svg, .page-text");
    return scope ? Array.prototype.slice.call(scope.querySelectorAll(
      element.classList.contains("region") ? ".region" : ".article-entry")) : [element];
  }
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (target.tagName === "INPUT") return;
    var item = target.closest && target.closest(".region, .article-entry");
    if (item && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      activate(item);
    } else if (item && ["ArrowDown", "ArrowUp", "ArrowLeft", "ArrowRight"].indexOf(event.key) >= 0) {
      var list = siblings(item);
      var step = event.key === "ArrowDown" || event.key === "ArrowRight" ? 1 : -1;
      var next = list[(list.indexOf(item) + step + list.length) % list.length];
      if (next) { event.preventDefault(); next.focus(); }
    } else if (event.key === "Escape") {
      selectBlock(null);
      selectArticle(null);
    } else if (event.key === "n" || event.key === "p") {
      var pages = all("section.page");
      var current = pages.findIndex(function (s) { return s.getBoundingClientRect().bottom > 80; });
      var to = pages[Math.max(0, Math.min(pages.length - 1, current + (event.key === "n" ? 1 : -1)))];
      if (to) { location.hash = to.id; to.querySelector("h2").focus(); }
    }
  });
  document.addEventListener("click", function (event) {
    var item = event.target.closest && event.target.closest(".region, .article-entry");
    if (item) activate(item);
  });

  // Corrections -----------------------------------------------------------------------
  var tools = document.getElementById("tools");
  function showState() {
    if (!tools) return;
    document.getElementById("state-block").textContent = state.block || "none";
    document.getElementById("state-article").textContent = state.article || "none";
  }
  if (!tools) return;

  function articleOf(block) {
    var region = document.querySelector('.region[data-block="' + CSS.escape(block) + '"]');
    return region ? region.getAttribute("data-article") : null;
  }
  function colourOf(article) {
    var entry = document.querySelector('.article-entry[data-article="' + CSS.escape(article) + '"]');
    return entry ? entry.style.getPropertyValue("--c") : "";
  }
  function setRegionArticle(region, article) {
    if (article) {
      region.setAttribute("data-article", article);
      region.style.setProperty("--c", colourOf(article));
    } else {
      region.removeAttribute("data-article");
      region.style.removeProperty("--c");
    }
  }
  function say(text) { document.getElementById("tool-message").textContent = text; }

  function record(correction, describe) {
    state.corrections.push(correction);
    var li = document.createElement("li");
    li.textContent = describe;
    document.getElementById("pending").appendChild(li);
    document.getElementById("count").textContent = String(state.corrections.length);
    say("recorded: " + describe);
  }

  function needBlock() { if (!state.block) { say("select a block on the page first"); return false; } return true; }
  function needArticle() { if (!state.article) { say("select an article in a list first"); return false; } return true; }
  function region() { return document.querySelector('.region[data-block="' + CSS.escape(state.block) + '"]'); }

  var actions = {
    reassign: function () {
      if (!needBlock() || !needArticle()) return;
      if (articleOf(state.block) === state.article) { say("the block already belongs to " + state.article); return; }
      setRegionArticle(region(), state.article);
      record({ op: "reassign", block: state.block, article: state.article },
             state.block + " → " + state.article);
    },
    "link-headline": function () {
      if (!needBlock() || !needArticle()) return;
      var r = region();
      setRegionArticle(r, state.article);
      r.classList.add("kind-headline");
      record({ op: "link-headline", block: state.block, article: state.article },
             state.block + " is the headline of " + state.article);
    },
    furniture: function () {
      if (!needBlock()) return;
      var r = region();
      setRegionArticle(r, null);
      r.classList.add("kind-furniture");
      record({ op: "furniture", block: state.block }, state.block + " is page furniture");
    },
    split: function () {
      if (!needBlock()) return;
      var from = articleOf(state.block);
      if (!from) { say("the block belongs to no article"); return; }
      record({ op: "split", article: from, block: state.block },
             "split " + from + " before " + state.block);
    },
    merge: function () {
      if (!needBlock() || !needArticle()) return;
      var other = articleOf(state.block);
      if (!other || other === state.article) { say("select a block of another article, then the article to merge it into"); return; }
      all('.region[data-article="' + CSS.escape(other) + '"]').forEach(function (r) { setRegionArticle(r, state.article); });
      record({ op: "merge", articles: [state.article, other] }, "merge " + other + " into " + state.article);
    },
    undo: function () {
      if (!state.corrections.length) return;
      state.corrections.pop();
      var list = document.getElementById("pending");
      list.removeChild(list.lastChild);
      document.getElementById("count").textContent = String(state.corrections.length);
      say("removed the last correction (the page shows it until reloaded)");
    },
    download: function () {
      var reviewer = document.getElementById("reviewer").value.trim();
      if (!reviewer) { say("enter the reviewer's name first"); document.getElementById("reviewer").focus(); return; }
      var file = { format: "paperbag-corrections", version: 1, issue: issue, reviewer: reviewer,
                   corrections: state.corrections };
      var blob = new Blob([JSON.stringify(file, null, 2) + "\n"], { type: "application/json" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = issue + "-corrections.json";
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
      say("downloaded " + link.download + " (" + state.corrections.length + " correction(s))");
    }
  };
  all("#tools button[data-action]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      event.stopPropagation();
      actions[button.getAttribute("data-action")]();
    });
  });
  window.paperbagReview = { state: state };
  showState();
})();
