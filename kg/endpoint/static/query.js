// The query page: sends the query to this server only and shows the answer as text, never as HTML.
"use strict";
(function () {
  const form = document.getElementById("query-form");
  const box = document.getElementById("query");
  const status = document.getElementById("status");
  const results = document.getElementById("results");

  document.querySelectorAll("button[data-example]").forEach(function (button) {
    button.addEventListener("click", function () {
      box.value = document.getElementById(button.dataset.example).textContent;
      box.focus();
      box.scrollIntoView();
    });
  });

  function cell(term) {
    if (!term) return "";
    if (term.type === "uri") return term.value;
    if (term.type === "bnode") return "_:" + term.value;
    return term.value + (term["xml:lang"] ? "@" + term["xml:lang"] : "");
  }

  function table(data) {
    const element = document.createElement("table");
    const head = element.createTHead().insertRow();
    data.head.vars.forEach(function (name) {
      const th = document.createElement("th");
      th.textContent = name;
      head.appendChild(th);
    });
    const body = element.createTBody();
    data.results.bindings.forEach(function (binding) {
      const row = body.insertRow();
      data.head.vars.forEach(function (name) {
        row.insertCell().textContent = cell(binding[name]);
      });
    });
    return element;
  }

  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    results.replaceChildren();
    status.textContent = "Running…";
    const started = performance.now();
    try {
      const response = await fetch("query", {
        method: "POST",
        headers: {
          "Content-Type": "application/sparql-query",
          Accept: "application/sparql-results+json, text/turtle;q=0.9",
        },
        body: box.value,
      });
      const text = await response.text();
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      if (!response.ok) {
        status.textContent = "";
        const error = document.createElement("p");
        error.className = "error";
        error.textContent = text;
        results.appendChild(error);
        return;
      }
      if ((response.headers.get("Content-Type") || "").startsWith("application/sparql-results+json")) {
        const data = JSON.parse(text);
        if ("boolean" in data) {
          status.textContent = String(data.boolean) + " (" + seconds + " s)";
        } else {
          status.textContent = data.results.bindings.length + " row(s) in " + seconds + " s";
          results.appendChild(table(data));
        }
      } else {
        status.textContent = "graph in " + seconds + " s";
        const pre = document.createElement("pre");
        pre.textContent = text;
        results.appendChild(pre);
      }
    } catch (error) {
      status.textContent = "";
      results.textContent = String(error);
    }
  });
})();
