// ocmj fleet console: renders the hub's /api/ answers; no framework, no build step. Every value is
// put in the page as text (textContent), never as HTML.
"use strict";

const TOKEN_KEY = "ocmj-console-token";
const STATES = ["Compliant", "NonCompliant", "Pending", "Unknown"];
const SYMBOL = { Compliant: "✓", NonCompliant: "✗", Pending: "…", Unknown: "?" };
let rendering = null;
let stale = false;

function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

function headers() {
  const t = token();
  return t ? { Authorization: "Bearer " + t } : {};
}

async function api(path) {
  const r = await fetch(path, { headers: headers(), cache: "no-store" });
  if (r.status === 401) {
    throw new Unauthorized();
  }
  if (!r.ok) {
    throw new Error(path + ": " + r.status + " " + (await r.text()));
  }
  return r.json();
}

class Unauthorized extends Error {}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

/** A word on a coloured ground: its class names the colour (default: the compliance state's). */
function badge(word, cls) {
  return el("span", { class: "badge " + (cls || "s-" + word), text: word });
}

function table(head, rows, attrs) {
  return el("table", attrs || {},
    el("thead", {}, el("tr", {}, head.map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, rows));
}

function route() {
  let parts;
  try {
    parts = (location.hash || "#/fleet").slice(2).split("/").map(decodeURIComponent);
  } catch (e) {
    parts = ["fleet"];
  }
  return { page: parts[0] || "fleet", args: parts.slice(1) };
}

// What each page shows, by the kinds the live stream names: a page re-reads only when one of
// them changed (the fleet's leases change every second; the matrix need not care).
const KINDS = {
  fleet: ["clusters", "leases"],
  cluster: ["clusters", "leases", "works", "policies", "events"],
  matrix: ["policies"],
  cell: ["policies"],
  rollouts: ["placements", "decisions", "replicasets", "works"],
  git: ["gitsyncs", "policies"],
};

function concerns(kinds) {
  const page = route().page.split("?")[0];
  return kinds.includes("*") || (KINDS[page] || []).some((k) => kinds.includes(k));
}

function link(text, ...path) {
  return el("a", { href: "#/" + path.map(encodeURIComponent).join("/"), text });
}

// ------------------------------------------------------------------ pages

const pages = {
  async fleet() {
    const f = await api("/api/fleet");
    if (f.forbidden) return [el("h2", { text: "Fleet" }), forbidden("managed clusters")];
    const q = new URLSearchParams(location.hash.split("?")[1] || "");
    const set = el("select", { id: "set-filter", "aria-label": "Cluster set" },
      el("option", { value: "", text: "all cluster sets" }),
      f.clusterSets.map((s) => el("option", { value: s, text: s, selected: s === q.get("set") })));
    const label = el("input", { id: "label-filter", type: "search", placeholder: "label key=value",
      "aria-label": "Label filter", value: q.get("label") || "" });
    const body = el("tbody");
    const draw = () => {
      body.replaceChildren(...f.clusters.filter((c) => {
        if (set.value && c.clusterSet !== set.value) return false;
        const want = label.value.trim();
        if (!want) return true;
        const [k, v] = want.split("=");
        return Object.hasOwn(c.labels, k) && (v === undefined || c.labels[k] === v);
      }).map((c) => el("tr", { "data-cluster": c.name },
        el("td", {}, link(c.name, "cluster", c.name)),
        el("td", {}, badge(c.joined === "True" ? "Joined" : c.accepted ? "Accepted" : "Pending",
          c.joined === "True" ? "s-Compliant" : "s-Pending")),
        el("td", {}, badge(c.available, c.available === "True" ? "s-Compliant" : "s-NonCompliant")),
        el("td", { text: c.clusterSet || "" }),
        el("td", {}, el("pre", { text: pairs(c.labels) })),
        el("td", {}, el("pre", { text: pairs(c.claims) })),
        el("td", { text: c.lastLease || "never" }),
        el("td", { text: c.kubernetesVersion || "" }),
        el("td", { text: c.agentVersion || "not reported" }))));
    };
    set.addEventListener("change", draw);
    label.addEventListener("input", draw);
    draw();
    return [el("h2", { text: "Fleet (" + f.clusters.length + " clusters)" }),
      el("div", { class: "filters" }, el("label", {}, "Cluster set ", set),
        el("label", {}, "Label ", label)),
      el("table", { id: "fleet" }, el("thead", {}, el("tr", {},
        ["Cluster", "Joined", "Available", "Cluster set", "Labels", "Claims", "Last lease",
          "Kubernetes", "Agent"].map((h) => el("th", { scope: "col", text: h })))), body)];
  },

  async cluster(name) {
    const c = await api("/api/cluster?name=" + encodeURIComponent(name));
    if (c.forbidden) return [el("h2", { text: name }), forbidden("managed clusters")];
    const r = c.cluster;
    return [el("h2", { text: "Cluster " + r.name }),
      el("p", {}, "Joined ", badge(r.joined, r.joined === "True" ? "s-Compliant" : "s-Pending"),
        " Available ", badge(r.available, r.available === "True" ? "s-Compliant" : "s-NonCompliant"),
        " Last lease ", r.lastLease || "never",
        " Kubernetes ", r.kubernetesVersion || "not reported",
        " Agent ", r.agentVersion || "not reported"),
      el("h3", { text: "Labels" }), el("pre", { text: pairs(r.labels) }),
      el("h3", { text: "Claims" }), el("pre", { text: pairs(r.claims) }),
      el("h3", { text: "ManifestWorks" }),
      table(["Work", "Applied", "Available", "Degraded"], c.works.map((w) => el("tr", {},
        el("td", { text: w.name }), el("td", { text: w.applied }), el("td", { text: w.available }),
        el("td", { text: w.degraded }))), { id: "works" }),
      el("h3", { text: "Policies" }),
      table(["Policy", "Compliance"], c.policies.map((p) => el("tr", {},
        el("td", { text: p.policy }), el("td", {}, badge(p.state)))), { id: "cluster-policies" }),
      el("h3", { text: "Events" }),
      table(["Time", "Type", "Reason", "Object", "Message", "Count"], c.events.map((e) => el("tr", {},
        el("td", { text: e.time || "" }),
        el("td", {}, e.type === "Warning" ? badge("Warning", "s-NonCompliant") : e.type || ""),
        el("td", { text: e.reason || "" }), el("td", { text: e.object }),
        el("td", { text: e.message || "" }), el("td", { text: e.count }))), { id: "events" })];
  },

  async matrix() {
    const m = await api("/api/matrix");
    const ns = el("select", { id: "ns-filter", "aria-label": "Namespace" },
      el("option", { value: "", text: "all namespaces" }),
      m.namespaces.map((n) => el("option", { value: n, text: n })));
    const ann = el("input", { id: "annotation-filter", type: "search",
      placeholder: "standard, category or control", "aria-label": "Standard, category or control" });
    const wrap = el("div", { class: "matrix-wrap" });
    const draw = () => {
      const want = ann.value.trim().toLowerCase();
      const rows = m.policies.filter((p) => (!ns.value || p.namespace === ns.value)
        && (!want || [p.standards, p.categories, p.controls].some((a) => (a || "").toLowerCase().includes(want))));
      const head = el("tr", {}, el("th", { scope: "col", text: "Policy" }),
        STATES.map((s) => el("th", { scope: "col", title: s, text: SYMBOL[s] })),
        m.clusters.map((c) => el("th", { scope: "col", class: "cluster" }, link(c, "cluster", c))));
      const body = rows.map((p) => el("tr", { "data-policy": p.namespace + "/" + p.name },
        el("th", { scope: "row" }, p.namespace + "/" + p.name,
          p.disabled ? el("span", { class: "muted", text: " (disabled)" }) : null),
        STATES.map((s) => el("td", { text: p.counts[s] })),
        m.clusters.map((c) => {
          const state = p.cells[c] || "Unknown";
          return el("td", { class: "cell s-" + state, "data-cluster": c, "data-state": state },
            el("a", { href: "#/cell/" + [p.namespace, p.name, c].map(encodeURIComponent).join("/"),
              title: p.name + " on " + c + ": " + state, "aria-label": p.name + " on " + c + ": " + state,
              text: SYMBOL[state] }));
        })));
      // counted over the rows shown, so the filters apply to it too
      const totals = el("tr", {}, el("th", { scope: "row", text: "per cluster: non-compliant" }),
        STATES.map(() => el("td")),
        m.clusters.map((c) => el("td", { text: rows.filter((p) => p.cells[c] === "NonCompliant").length })));
      wrap.replaceChildren(el("table", { id: "matrix", class: "matrix" }, el("thead", {}, head),
        el("tbody", {}, body, totals)));
    };
    ns.addEventListener("change", draw);
    ann.addEventListener("input", draw);
    draw();
    return [el("h2", { text: "Compliance (" + m.policies.length + " policies × " + m.clusters.length + " clusters)" }),
      el("div", { class: "filters" }, el("label", {}, "Namespace ", ns), el("label", {}, "Filter ", ann)),
      el("p", { class: "muted" }, STATES.map((s) => [badge(s), " "])), wrap];
  },

  async cell(namespace, policy, cluster) {
    const d = await api("/api/cell?" + new URLSearchParams({ namespace, policy, cluster }));
    if (d.forbidden) return [el("h2", { text: policy }), forbidden("policies in " + namespace)];
    return [el("h2", { text: namespace + "/" + policy + " on " + cluster }),
      el("p", {}, "State ", badge(d.state), " · Git revision ", el("code", { text: d.revision || "not from Git" })),
      d.templates.map((t) => [el("h3", {}, t.template || "template", " ", badge(t.state)),
        table(["Time", "Message"], t.history.map((h) => el("tr", {},
          el("td", { text: h.time || "" }), el("td", { text: h.message || "" }))))])];
  },

  async rollouts() {
    const r = await api("/api/rollouts");
    return [el("h2", { text: "Placements" }),
      table(["Placement", "Selected", "Satisfied", "Groups", "Clusters"], r.placements.map((p) => el("tr", {},
        el("td", { text: p.namespace + "/" + p.name }), el("td", { text: p.selected }),
        el("td", { title: p.message || "" }, badge(p.satisfied, p.satisfied === "True" ? "s-Compliant" : "s-Pending")),
        el("td", {}, el("pre", { text: p.groups.map((g) => "#" + g.index + (g.name ? " " + g.name : "") + ": " + g.clusters.join(", ")).join("\n") })),
        el("td", { text: p.clusters.join(", ") }))), { id: "placements" }),
      el("h2", { text: "ManifestWorkReplicaSets" }),
      r.replicaSets.map((s) => [el("h3", { text: s.namespace + "/" + s.name + " → " + s.placements.join(", ") }),
        el("p", { text: "total " + s.summary.total + ", applied " + s.summary.applied + ", available "
          + s.summary.available + ", progressing " + s.summary.progressing + ", degraded " + s.summary.degraded }),
        table(["Cluster", "State"], Object.entries(s.clusters).map(([c, st]) => el("tr", {},
          el("td", {}, link(c, "cluster", c)), el("td", {}, badge(st, "w-" + st))))),
        el("details", { "data-key": s.namespace + "/" + s.name }, el("summary", { text: "Progress over time" }),
          table(["Time", "Total", "Applied", "Available", "Degraded"], s.history.map((h) => el("tr", {},
            el("td", { text: h.time }), el("td", { text: h.summary.total }), el("td", { text: h.summary.applied }),
            el("td", { text: h.summary.available }), el("td", { text: h.summary.degraded }))))) ])];
  },

  async git() {
    const g = await api("/api/git");
    return [el("h2", { text: "GitSyncs" }),
      g.syncs.map((s) => [el("h3", { text: s.namespace + "/" + s.name }),
        el("p", {}, s.url + " @ " + (s.ref || "default branch"), " · Ready ",
          badge(s.ready, s.ready === "True" ? "s-Compliant" : "s-NonCompliant"),
          s.stalled === "True" ? [" ", badge("Stalled", "s-NonCompliant")] : null,
          " · applied ", el("code", { text: s.lastAppliedRevision || "none" }),
          " · attempted ", el("code", { text: s.lastAttemptedRevision || "none" }),
          " · inventory ", String(s.inventory)),
        s.message ? el("p", { class: s.stalled === "True" ? "error" : "muted", text: s.message }) : null,
        s.failures.length ? table(["File", "Document", "Object", "Message"], s.failures.map((f) => el("tr", {},
          el("td", { text: f.file || "" }), el("td", { text: f.document ?? "" }), el("td", { text: f.object || "" }),
          el("td", { text: f.message || "" })))) : null,
        table(["Revision", "Applied", "Non-compliant before", "Non-compliant after"], s.commits.map((c) => el("tr", {},
          el("td", {}, el("code", { text: c.revision.slice(0, 12) })), el("td", { text: c.appliedAt }),
          el("td", { text: c.before.NonCompliant }), el("td", { text: c.after.NonCompliant }))))])];
  },
};

function pairs(map) {
  return Object.entries(map || {}).map(([k, v]) => k + "=" + v).join("\n");
}

function forbidden(what) {
  return el("p", { class: "error", text: "Your RBAC on the hub does not let you list " + what + "." });
}

// -------------------------------------------------------------- lifecycle

async function render() {
  if (rendering) {
    stale = true;
    return;
  }
  const { page, args } = route();
  const fn = pages[page.split("?")[0]] || pages.fleet;
  for (const a of document.querySelectorAll("nav a")) {
    if (a.dataset.page === page.split("?")[0]) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  rendering = (async () => {
    const main = document.getElementById("main");
    try {
      const content = await fn(...args);
      // A live re-render keeps what the user was doing: the filters' values, the focus (and the
      // caret), the scroll positions.
      const kept = {};
      for (const i of main.querySelectorAll("select[id], input[id]")) kept[i.id] = i.value;
      const focus = document.activeElement;
      const focusId = focus && focus.id && main.contains(focus) ? focus.id : null;
      const focusHref = focus && !focus.id && focus.tagName === "A" && main.contains(focus)
        ? focus.getAttribute("href") : null;
      const caret = focusId && focus.selectionStart !== undefined
        ? [focus.selectionStart, focus.selectionEnd] : null;
      const scroll = [window.scrollX, window.scrollY];
      const wrap = main.querySelector(".matrix-wrap");
      const wrapScroll = wrap ? [wrap.scrollLeft, wrap.scrollTop] : null;
      const open = new Set([...main.querySelectorAll("details[data-key][open]")].map((d) => d.dataset.key));
      main.replaceChildren(...[content].flat(3).filter((c) => c));
      for (const d of main.querySelectorAll("details[data-key]")) {
        if (open.has(d.dataset.key)) d.open = true;
      }
      for (const [id, v] of Object.entries(kept)) {
        const i = document.getElementById(id);
        if (i && i.value !== v) {
          i.value = v;
          i.dispatchEvent(new Event(i.tagName === "SELECT" ? "change" : "input"));
        }
      }
      if (focusId && document.getElementById(focusId)) {
        const f = document.getElementById(focusId);
        f.focus({ preventScroll: true });
        if (caret && f.setSelectionRange) f.setSelectionRange(caret[0], caret[1]);
      } else if (focusHref) {
        const f = [...main.querySelectorAll("a")].find((a) => a.getAttribute("href") === focusHref);
        if (f) f.focus({ preventScroll: true });
      }
      const newWrap = main.querySelector(".matrix-wrap");
      if (newWrap && wrapScroll) [newWrap.scrollLeft, newWrap.scrollTop] = wrapScroll;
      window.scrollTo(scroll[0], scroll[1]);
      main.dataset.rendered = String(Date.now());
      // The page's first render, in ms since the navigation began (the render benchmark reads it).
      if (!main.dataset.firstRenderMs) main.dataset.firstRenderMs = String(performance.now());
    } catch (e) {
      if (e instanceof Unauthorized) login();
      else main.replaceChildren(el("p", { class: "error", text: String(e.message || e) }));
    }
  })();
  await rendering;
  rendering = null;
  if (stale) {
    stale = false;
    render();
  }
}

function login(message) {
  stopLive();
  sessionStorage.removeItem(TOKEN_KEY);
  const input = el("input", { id: "token", type: "password", autocomplete: "off", required: true,
    "aria-label": "Bearer token" });
  const form = el("form", { class: "login", onsubmit: (ev) => {
    ev.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, input.value.trim());
    start();
  } },
  el("h2", { text: "Sign in" }),
  el("p", { text: "Paste a bearer token the hub's API server accepts (for example from `kubectl create token`)."
    + " You will see what your own RBAC on the hub lets you list. The token stays in this tab only." }),
  message ? el("p", { class: "error", role: "alert", text: message }) : null,
  el("label", { for: "token", text: "Token" }), input, el("button", { type: "submit", text: "Sign in" }));
  document.getElementById("main").replaceChildren(form);
  document.getElementById("who").textContent = "";
  input.focus();
}

let live = null;

function stopLive() {
  if (live) live.abort();
  live = null;
  setLive(false);
}

function setLive(on) {
  const s = document.getElementById("live");
  s.textContent = on ? "live" : "offline";
  s.className = on ? "live-on" : "live-off";
}

// Server-sent events read with fetch (EventSource cannot send the Authorization header).
async function startLive() {
  stopLive();
  const controller = new AbortController();
  live = controller;
  let wait = 1000;
  while (live === controller) {
    try {
      const r = await fetch("/api/events", { headers: headers(), signal: controller.signal, cache: "no-store" });
      if (r.status === 401) { login(); return; }
      if (!r.ok) throw new Error("events: " + r.status);
      setLive(true);
      wait = 1000;
      const reader = r.body.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          // The first event (["*"]) is sent when the stream opens: a change may have come
          // between the page's read and then, so it re-reads too.
          if (/^event: change$/m.test(block)) {
            const data = (block.match(/^data: (.*)$/m) || [])[1];
            let kinds = ["*"];
            try { kinds = JSON.parse(data); } catch (e) { /* an old server: re-read */ }
            if (concerns(kinds)) render();
          }
        }
      }
    } catch (e) {
      if (controller.signal.aborted) return;
    }
    setLive(false);
    await new Promise((resolve) => setTimeout(resolve, wait));
    wait = Math.min(wait * 2, 15000);
  }
}

async function start() {
  try {
    const me = await api("/api/whoami");
    document.getElementById("who").textContent = me.dev ? "dev mode (hub admin)" : "signed in as " + me.name;
  } catch (e) {
    if (e instanceof Unauthorized) {
      login(token() ? "The hub's API server did not accept that token." : null);
      return;
    }
    document.getElementById("main").replaceChildren(el("p", { class: "error", text: String(e.message || e) }));
    return;
  }
  await render();
  startLive();
}

window.addEventListener("hashchange", render);
// Leaving the page ends its stream at once: an open stream holds one of the browser's few
// connections to this origin (six over HTTP/1.1) until the server next writes to it.
window.addEventListener("pagehide", stopLive);
window.addEventListener("pageshow", (e) => { if (e.persisted) startLive(); });
start();
