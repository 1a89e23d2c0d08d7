// The live interview console. The server's engine decides everything; this script draws what the
// server answers and sends what the interviewer does. Every action gets a client id and goes into a
// queue kept in localStorage before it is sent, so a dropped connection or a reload loses nothing: the
// queue is replayed in order, and the server ignores an id it has already applied. Notes are drafts
// saved as they are typed (in this browser at once, on the server after a pause) until added.
// Actions go over the console's socket while it is open (one connection for the whole interview, no
// request per action) and as HTTP POSTs otherwise; the server answers both the same way.
"use strict";
(function () {
  const boot = JSON.parse(document.getElementById("console-boot").textContent);
  const L = boot.labels;
  const queueKey = "interviewflow.queue." + boot.interviewID;
  const draftKey = "interviewflow.draft." + boot.interviewID;
  const $ = (id) => document.getElementById(id);
  const root = $("console");

  let view = null;          // the last ConsoleView the server sent: keys and numbers
  let guide = null;         // the guide's texts (ConsoleGuide), fetched once
  const stagesByKey = new Map(), topicsByKey = new Map();
  let viewAt = 0;           // performance.now() when it arrived, for the clocks
  let showReference = false;
  let flushing = false;
  let online = true;
  let retryTimer = null;
  let retryDelay = 1000;
  let socketRetryDelay = 1000;   // after the socket closes under an idle page: the next look at the server
  let leaving = false;           // the page is being left: a socket closed by that says nothing
  let draftTimer = null;
  let draftDirty = false;
  let chartKey = null;
  let socket = null;        // the console's WebSocket, connecting or open
  // The answer awaited on a socket is kept on that socket (`s.waiter`, {resolve, reject}): a socket given
  // up as stalled that answered or closed late once settled the next socket's action with its own.

  // ---- small helpers -------------------------------------------------------------------------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }
  function clientID() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }
  function clock(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }
  function learnGuide(g) {
    guide = g;
    for (const stage of g.stages) {
      stagesByKey.set(stage.key, stage);
      for (const topic of stage.topics) topicsByKey.set(topic.key, topic);
    }
  }
  function questionText(topic, id) {
    const t = topicsByKey.get(topic);
    return (t && t.questions[id]) || { text: id, rubric: [], level: 1, weight: 1 };
  }
  // The author's note beside a question or gate (a Mermaid comment shape tied to it): read, never rated.
  function appendNote(panel, topicKey, id) {
    const t = topicsByKey.get(topicKey);
    const note = t && t.notes ? t.notes[id] : null;
    if (note) panel.append(el("p", { class: "note", lang: guide.language }, el("span", { "aria-hidden": "true", text: "✎ " }), el("span", { class: "visually-hidden", text: L.authorNote + L.colon }), note));
  }
  function topicTitle(key) { const t = topicsByKey.get(key); return t ? (t.heading || key + " " + t.title) : key; }
  function pct(v) { return v === null || v === undefined ? "–" : v.toFixed(0) + "%"; }
  function loadQueue() {
    try { return JSON.parse(localStorage.getItem(queueKey) || "[]"); } catch (e) { return []; }
  }
  function saveQueue(queue) { localStorage.setItem(queueKey, JSON.stringify(queue)); }
  function typing() {
    const a = document.activeElement;
    return a && (a.tagName === "TEXTAREA" || a.tagName === "INPUT" || a.tagName === "SELECT");
  }

  // ---- talking to the server -----------------------------------------------------------------
  async function request(method, url, body, signal) {
    const headers = { "Accept": "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (method !== "GET") headers["X-CSRF-Token"] = boot.csrf;
    return fetch(url, { method, headers, credentials: "same-origin", signal, body: body === undefined ? undefined : JSON.stringify(body) });
  }

  // The socket carries one action at a time (flush sends the next only after an answer), so the next
  // message on it is the answer to the action in flight.
  function openSocket() {
    if (!("WebSocket" in window) || (socket && socket.readyState <= 1)) return;
    const url = new URL(boot.api + "/socket", location.href);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    let s;
    try { s = new WebSocket(url.href); } catch (e) { return; }
    socket = s;
    s.onopen = () => { socketRetryDelay = 1000; renderSync(); flush(); };
    s.onmessage = (event) => {
      const waiter = s.waiter;
      s.waiter = null;
      if (!waiter) return;
      try { waiter.resolve(JSON.parse(event.data)); } catch (e) { waiter.reject(e); }
    };
    s.onclose = () => {
      if (socket === s) socket = null;
      const waiter = s.waiter;
      s.waiter = null;
      if (waiter) waiter.reject(new Error("socket closed"));
      renderSync();
      // Closed under a page with nothing in flight (a dropped link, a server stopped): look at the server
      // now, so "connection lost" shows before the next tap rather than after it (a probe on a phone saw
      // "All saved" with the link gone). Each look waits longer, up to 30 s, while the socket will not stay.
      if (online && !leaving && !waiter) {
        setTimeout(checkServer, socketRetryDelay);
        socketRetryDelay = Math.min(socketRetryDelay * 2, 30000);
      }
    };
  }

  // Whether the server answers: the socket again when it does, offline (which says so and retries) when not.
  async function checkServer() {
    if (!online || leaving || (socket && socket.readyState <= 1)) return;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), actionTimeout);
    try {
      const response = await request("GET", "/api/v1/session", undefined, abort.signal);
      if (response.status === 401) { showMessage(L.loggedOut); goOffline(true); return; }
      if (!response.ok) { goOffline(); return; }
      openSocket();
    } catch (e) {
      goOffline();
    } finally {
      clearTimeout(timer);
    }
  }
  addEventListener("pagehide", () => { leaving = true; });
  addEventListener("pageshow", () => { leaving = false; });

  // One action, answered as {status, body}: on the socket when it is open, else as an HTTP POST. If
  // the socket closes mid-action the same action (same id) goes again over HTTP; the server answers
  // it as a duplicate if it had already applied it. If that fails too, the action stays queued.
  // A link that stalls (a phone between cells) neither answers nor closes: an action unanswered this long
  // is given up and the page goes offline, which says so and tries again (the same id, so never twice).
  const actionTimeout = 12000;

  async function postAction(action) {
    if (socket && socket.readyState === 1 && !socket.waiter) {
      const s = socket;
      try {
        return await new Promise((resolve, reject) => {
          const timer = setTimeout(() => {
            // The socket is stalled: given up (no later answer or close of it settles anything), closed,
            // and forgotten, so the next try opens a new one or goes by HTTP.
            s.waiter = null;
            if (socket === s) socket = null;
            try { s.close(); } catch (e) { /* already closing */ }
            reject(new Error("timeout"));
          }, actionTimeout);
          s.waiter = { resolve: (v) => { clearTimeout(timer); resolve(v); }, reject: (e) => { clearTimeout(timer); reject(e); } };
          s.send(JSON.stringify(action));
        });
      } catch (e) {
        // Stalled: straight to offline (the HTTP request would stall on the same link).
        if (e && e.message === "timeout") throw e;
        /* closed: HTTP below */
      }
    }
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), actionTimeout);
    try {
      const response = await request("POST", boot.api + "/actions", action, abort.signal);
      return { status: response.status, body: await response.json().catch(() => null) };
    } finally {
      clearTimeout(timer);
    }
  }

  // A band's label in the page's language (the default bands carry both in `label`).
  function recommendationLabel(r) {
    return (r.labels && r.labels[boot.language]) || r.label;
  }

  // Submitting: the interviewer's own recommendation and summary, before any colleague's card opens.
  function submissionForm(prefill) {
    // Nothing chosen until the interviewer chooses: a form sent untouched recorded the first band,
    // "Strong hire", and a submitted card cannot take its recommendation back.
    const select = el("select", { id: "recommendation", name: "recommendation", required: true },
      el("option", { value: "", text: L.chooseRecommendation }),
      (guide.recommendations || []).map((r) => el("option", { value: r.id, text: recommendationLabel(r) })));
    const summary = el("textarea", { id: "summary", name: "summary", rows: "3" });
    if (prefill) {
      select.value = prefill.recommendation || "";
      summary.value = prefill.summary || "";
    }
    const form = el("form", { id: "submit-form", class: "card" },
      el("h3", { text: L.submitTitle }), el("p", { class: "muted", text: L.submitHint }),
      el("label", {}, L.recommendationLabel + " ", select), el("label", {}, L.summaryLabel + " ", summary),
      el("button", { type: "submit", class: "primary", id: "submit-card", text: L.submitCard }));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      act({ type: "submit", recommendation: select.value, summary: summary.value });
    });
    return form;
  }

  // A question asked in the page, not by window.prompt/confirm: in the console's language and style,
  // answered with the keyboard (Enter, Escape), and with the shortcuts held while it is open. Resolves
  // with the text typed ("" without a field), or null when cancelled.
  function ask(text, withField) {
    return new Promise((resolve) => {
      const dialog = $("ask"), field = $("ask-field");
      $("ask-text").textContent = text;
      field.hidden = !withField;
      field.value = "";
      dialog.returnValue = "";
      dialog.addEventListener("close", () => resolve(dialog.returnValue === "ok" ? (withField ? field.value : "") : null), { once: true });
      dialog.showModal();
      // A question without a field is a confirmation of something not undone ("finish anyway?"):
      // Enter pressed out of habit keeps the interview going.
      (withField ? field : $("ask-cancel")).focus();
    });
  }

  // The rating queued for question `q` and not yet answered, if any (one, as `act` puts a second in the
  // first's place, unless a submitted card's revisions queue).
  function pendingRating(q) {
    // The last: a submitted card's revisions (each with its reason) queue one after another.
    const queue = loadQueue();
    for (let k = queue.length - 1; k >= 0; k--) {
      const a = queue[k];
      if (a.type === "rate" && a.topic === q.topic && a.question === q.id) return a;
    }
    return null;
  }

  async function act(action) {
    // A button clicked after b ends the correction: the next key rates the question then asked.
    if (reviewing && action.type !== "note") setReviewing(null);
    if (view && view.finished && !["rate", "note", "submit"].includes(action.type)) return;
    // A submitted card changes only with a reason, which the server keeps as a revision (a new
    // recommendation or summary too).
    if (view && view.submittedAt) {
      const reason = await ask(L.revisionReason, true);
      if (reason === null) return;
      // An empty answer is not a cancel: say why nothing changed.
      if (!reason.trim()) { showMessage(L.reasonNeeded); return; }
      action.revisionReason = reason.trim();
    }
    action.clientID = clientID();
    const queue = loadQueue();
    // A rating tapped while an earlier one for the same question still waits (offline, a stalled link)
    // takes its place in the queue: both were sent in turn, the page showed the first as chosen and the
    // server kept the second (a probe on a phone). If the first was already sent and applied, the second
    // then corrects it, so what is shown is what is kept either way.
    const same = action.type === "rate" && !action.revisionReason
      ? queue.findIndex((a) => a.type === "rate" && a.topic === action.topic && a.question === action.question && !a.revisionReason) : -1;
    if (same >= 0) queue[same] = action; else queue.push(action);
    saveQueue(queue);
    renderSync();
    if (view) renderNotes();
    if (view && action.type === "rate") renderPanel();
    flush();
  }

  async function flush() {
    if (flushing) return;
    flushing = true;
    try {
      let queue = loadQueue();
      while (queue.length > 0) {
        const action = queue[0];
        let response;
        try {
          response = await postAction(action);
        } catch (e) {
          goOffline();
          return;
        }
        if (response.status === 401) { showMessage(L.loggedOut); goOffline(true); return; }
        if (response.status >= 500 || response.status === 0) { goOffline(); return; }
        // Signed in again in another tab: the session, and its token, are new. The action is sent again
        // with the new token rather than dropped as forbidden (a probe's queue waited for a reload).
        if (response.status === 403 && await refreshToken()) continue;
        const body = response.body;
        queue = loadQueue();
        if (queue.length && queue[0].clientID === action.clientID) queue.shift();
        saveQueue(queue);
        if (response.status >= 200 && response.status < 300 && body) {
          hideMessage();
          setView(body.view);
        } else if (response.status === 409 && body && body.code === "confirmRequired") {
          setView(body.view);
          // Each stage by its number and title: a bare "5" said nothing.
          const named = body.stages.map((k) => k + " " + ((stagesByKey.get(k) || {}).title || ""));
          ask(L.finishConfirm + "\n" + named.join("\n"), false).then((ok) => { if (ok !== null) act({ type: "finish", confirm: true }); });
        } else if (response.status === 403) {
          showMessage(L.forbidden);
        } else {
          showMessage(L.refused + L.colon + (body && body.reason ? body.reason : response.status));
          if (body && body.view) setView(body.view);
        }
        goOnline();
        // Actions added while this one was in flight (a confirmation, a fast key) go next.
        queue = loadQueue();
      }
    } finally {
      flushing = false;
      renderSync();
    }
  }

  // `signedOut`: the session ended. The page keeps asking every few seconds, so that signing in again
  // in another tab resumes it and sends what was queued, without a reload.
  function goOffline(signedOut) {
    online = false;
    renderSync();
    clearTimeout(retryTimer);
    retryTimer = setTimeout(reconnect, signedOut ? 5000 : retryDelay);
    if (!signedOut) retryDelay = Math.min(retryDelay * 2, 8000);
  }

  // The session's current token (GET /api/v1/session); true when it changed.
  async function refreshToken() {
    try {
      const response = await request("GET", "/api/v1/session");
      if (!response.ok) return false;
      const session = await response.json();
      if (!session.csrf || session.csrf === boot.csrf) return false;
      boot.csrf = session.csrf;
      return true;
    } catch (e) {
      return false;
    }
  }

  function goOnline() {
    if (!online) { online = true; retryDelay = 1000; }
    openSocket();
    renderSync();
  }

  async function reconnect() {
    // On a stalled link these would wait for ever, and with them every later try.
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), actionTimeout);
    try {
      const guideResponse = await request("GET", boot.api + "/guide", undefined, abort.signal);
      if (guideResponse.ok) learnGuide(await guideResponse.json());
      const response = guideResponse.ok ? await request("GET", boot.api, undefined, abort.signal) : guideResponse;
      if (!response.ok) { goOffline(response.status === 401); return; }
      setView(await response.json());
      await refreshToken();
      hideMessage();
      goOnline();
      if (draftDirty) saveDraft();
      flush();
    } catch (e) {
      goOffline();
    } finally {
      clearTimeout(timer);
    }
  }

  // ---- notes: drafts saved as typed ----------------------------------------------------------
  // The question a note is about is the one current when its typing began, kept with the draft: a
  // draft started at a Celery question and added after an outage (and a reload) was filed under the
  // MySQL question current by then, and the debrief put it beside the wrong rating.
  const draftTargetKey = draftKey + ".question";
  // `reviewing`: the earlier question b chose, whose rating the next digit replaces (see stepBack).
  // `lastRated`: the question this console rated last, offered as a note's target.
  let reviewing = null, lastRated = null;
  function draftTarget() {
    try { return JSON.parse(localStorage.getItem(draftTargetKey) || "null"); } catch (e) { return null; }
  }
  function setDraftTarget(q) {
    if (q) localStorage.setItem(draftTargetKey, JSON.stringify({ topic: q.topic, id: q.id }));
    else localStorage.removeItem(draftTargetKey);
    renderNoteTarget();
  }
  function renderNoteTarget() {
    const box = $("note-target");
    const target = draftTarget(), q = view && view.question;
    box.replaceChildren();
    if (!target || !$("note").value.trim()) { box.hidden = true; return; }
    box.hidden = false;
    const text = (questionText(target.topic, target.id) || {}).text || "";
    box.append(L.noteOn + " " + target.topic + " · " + target.id + (text ? " — " + text : ""));
    if (q && (q.topic !== target.topic || q.id !== target.id)) {
      box.append(" ", button(L.noteOnCurrent, () => setDraftTarget(q), { class: "link", id: "note-retarget" }));
    }
    // Rating first and writing after is as common as the other way round: the question just rated is
    // one click away (a probe's notes landed on the next question, beside a rating they were not about).
    if (lastRated && (lastRated.topic !== target.topic || lastRated.id !== target.id)) {
      const rated = lastRated;
      box.append(" ", button(L.noteOnRated.replace("%1", rated.topic + " · " + rated.id), () => setDraftTarget(rated),
                             { class: "link", id: "note-on-rated" }));
    }
  }

  // ---- correcting a rating with b --------------------------------------------------------------
  function setReviewing(q) {
    reviewing = q;
    if (!q) { hideMessage(); return; }
    const h = view.history.find((x) => x.topic === q.topic && x.id === q.id);
    showMessage(h && h.skipped ? L.rateSkipped.replace("%1", q.topic + " · " + q.id)
                               : L.reRate.replace("%1", q.topic + " · " + q.id).replace("%2", String(h ? h.rating : "–")));
    // Its chips take the focus, so a screen reader says which question is being corrected.
    const chip = [...$("history").querySelectorAll("[data-chip]")].find((b) => b.dataset.chip === q.topic + "/" + q.id + "/" + (h ? h.rating : ""));
    if (chip) chip.focus();
  }
  // `revisingGate`: the gate answered last, which b offers where it was answered among the ratings (as the
  // runner does): y or n answers it again.
  let revisingGate = null;
  function stepBack() {
    // The history holds the topic entered before this one too, so b reaches a slip on its last question.
    // Oldest first: the ratings given before the gate's answer, the gate, the ratings first given after it.
    const g = view.revisableGate;
    // A skip too: a rating takes it back (the engine's rule), and `s` sits among the rating keys.
    const rated = view.history.filter((h) => h.skipped || (h.rating !== undefined && h.rating !== null));
    const later = (h) => g && g.ratedAfter.some((q) => q.topic === h.topic && q.id === h.id);
    const steps = [...rated.filter((h) => !later(h)), ...(g ? [g] : []), ...rated.filter(later)];
    const here = revisingGate || reviewing;
    const at = here ? steps.findIndex((s) => s === g ? here === revisingGate : s.topic === here.topic && s.id === here.id) : steps.length;
    revisingGate = null;
    if (at <= 0) { reviewing = null; showMessage(L.noEarlierRating); return; }
    const step = steps[at - 1];
    if (step === g) {
      reviewing = null;
      revisingGate = g;
      showMessage(L.changeGateKeys.replace("%1", g.topic + " · " + g.id).replace("%2", g.answer ? L.plainYes : L.plainNo));
      const link = $("revise-gate");
      if (link) link.focus();
      return;
    }
    setReviewing({ topic: step.topic, id: step.id });
  }

  function noteChanged() {
    const text = $("note").value;
    if (!text.trim()) setDraftTarget(null);
    else if (!draftTarget() && (reviewing || (view && view.question))) setDraftTarget(reviewing || view.question);
    localStorage.setItem(draftKey, text);
    draftDirty = true;
    $("draft-state").textContent = "";
    clearTimeout(draftTimer);
    draftTimer = setTimeout(saveDraft, 600);
  }

  // Whether "kept in this browser" was said since the last save that reached the server: typing clears
  // the line on screen, and the warning was read again after every pause (a recheck).
  let draftLocalSaid = false;
  async function saveDraft() {
    const text = $("note").value;
    try {
      const response = await request("PUT", boot.api + "/draft", { text });
      if (response.status === 404 || response.status === 409 || response.status === 410) {
        // Refused for good (the candidate's data erased, the interview gone), not unreachable: the text
        // is not kept in this browser, where it outlived the erasure and came back on every reload (a
        // data-protection probe).
        localStorage.removeItem(draftKey);
        draftDirty = false;
        $("draft-state").textContent = "";
        const body = await response.json().catch(() => null);
        showMessage(L.refused + L.colon + (body && body.reason ? body.reason : response.status));
        return;
      }
      if (!response.ok) throw new Error(String(response.status));
      draftLocalSaid = false;
      if ($("note").value === text) {
        draftDirty = false;
        $("draft-state").textContent = text ? L.draftSaved : "";
      }
      goOnline();
    } catch (e) {
      // Said once to a screen reader when the draft stops reaching the server (the line itself is not a
      // live region: "Draft saved" after every pause in typing would talk over the interview).
      if (!draftLocalSaid) say(L.draftLocal);
      draftLocalSaid = true;
      $("draft-state").textContent = L.draftLocal;
      goOffline(false);
    }
  }

  function addNote() {
    const text = $("note").value.trim();
    if (!text) return;
    const target = draftTarget();
    const q = target ? { topic: target.topic, id: target.id } : view && view.question;
    act({ type: "note", text, shared: $("note-shared").checked, topic: q ? q.topic : undefined, question: q ? q.id : undefined });
    $("note").value = "";
    $("note-shared").checked = false;
    localStorage.removeItem(draftKey);
    setDraftTarget(null);
    draftDirty = false;
    $("draft-state").textContent = "";
    // The textarea empties and focus stays on the button: without this a screen reader heard nothing.
    say(L.noteAdded);
  }

  // ---- drawing -------------------------------------------------------------------------------
  function setView(next) {
    // The reference answer stays hidden until asked for, question by question.
    const key = (q) => (q ? q.topic + "/" + q.id : "");
    if (!view || key(view.question) !== key(next.question)) showReference = false;
    view = next;
    viewAt = performance.now();
    render();
    renderNoteTarget();
  }

  function renderSync() {
    const queued = loadQueue().length;
    $("offline").hidden = online;
    $("offline").textContent = L.offline + (queued ? " (" + queued + " " + L.queued + ")" : "");
    $("sync").textContent = online ? (queued ? queued + " " + L.queued : L.synced) : "⚠ " + queued + " " + L.queued;
    root.dataset.online = online ? "yes" : "no";
    root.dataset.queued = String(queued);
    root.dataset.socket = socket && socket.readyState === 1 ? "open" : "closed";
  }

  function showMessage(text) { $("message").hidden = false; $("message").textContent = text; }
  function hideMessage() { $("message").hidden = true; }

  function render() {
    if (!view || !guide) return;
    root.dataset.state = view.agenda;
    // A rating corrected in the history list keeps focus on its chip; a jump from the outline or a
    // hint puts it on the new question. (Both parts are drawn again, and focus fell back to the page.)
    const active = document.activeElement;
    const chip = active && $("history").contains(active) ? active.dataset.chip : null;
    const jumped = active && ($("outline").contains(active) || $("hints").contains(active));
    renderOutline();
    renderPanel();
    renderHistory();
    renderNotes();
    renderGuidance();
    renderHints();
    renderChart();
    tick();
    if (!active || active.isConnected) return;   // focus was not on something drawn again
    if (chip) {
      const again = [...$("history").querySelectorAll("[data-chip]")].find((b) => b.dataset.chip === chip);
      if (again) again.focus();
    } else if (jumped) {
      focusQuestion();
    }
  }

  function renderOutline() {
    const outline = $("outline");
    outline.replaceChildren();
    for (const stage of view.stages) {
      const text = stagesByKey.get(stage.key) || { title: "", required: false, topics: [] };
      const budget = text.budgetSeconds ? " / " + clock(text.budgetSeconds) : "";
      // The stage's state in words too: colour alone told finished, current and not started apart.
      const state = { done: L.stageDone, current: L.stageCurrent, begun: L.stageBegun }[stage.status] || L.stageNotStarted;
      const head = el("div", { class: "stage-row " + stage.status, "aria-current": stage.status === "current" ? "step" : null },
        el("strong", { lang: guide.language, text: stage.key + " " + text.title }),
        el("span", { class: "visually-hidden", text: " · " + state }),
        text.required ? el("span", { class: "tag", text: L.required }) : null,
        el("span", { class: "clock", "data-stage": stage.key, text: clock(stage.elapsedSeconds) + budget }));
      let lastGroup = null;
      const topics = el("ul", { class: "topics" }, stage.topics.flatMap((t) => {
        const topic = topicsByKey.get(t.key) || { title: "", questionOrder: [] };
        // A group's heading once, above its first topic, so topics read under the heading they sit in.
        const group = topic.group && topic.group !== lastGroup ? el("li", { class: "group", lang: guide.language, text: topic.group, title: topic.groupGuidance || "" }) : null;
        lastGroup = topic.group || null;
        const row = el("li", { class: t.current ? "current" : "" },
          el("button", {
            type: "button", class: "topic-link", "data-topic": t.key, disabled: t.current || !view.started || view.finished,
            onclick: () => act({ type: "jump", topic: t.key }),
            title: L.jumpTo, lang: guide.language, text: topic.heading || (t.key + " " + topic.title),
          }),
          el("span", { class: "progress", text: t.asked + "/" + topic.questionOrder.length + " · " + pct(t.coverage) }));
        return group ? [group, row] : [row];
      }));
      outline.append(el("section", {}, head, topics));
    }
    const s = view.summary;
    const band = (guide.recommendations || []).find((r) => r.id === s.bandID);
    const bandText = band ? recommendationLabel(band) : s.band;
    outline.append(el("p", { class: "summary" },
      L.score + " " + (s.overall == null ? "–" : s.overall.toFixed(1)) + " · " + L.coverage + " " + pct(s.coverage) + (bandText ? " · " + bandText : "")));
  }

  // On a touch screen with no keyboard, "Skip (s)" names a key there is none of: the label alone (a
  // tablet probe). The shortcut stays in the title, for a keyboard plugged in later.
  const touchOnly = matchMedia("(pointer: coarse)").matches && !matchMedia("(any-pointer: fine)").matches;
  function button(label, onclick, extra) {
    const bare = touchOnly ? label.replace(/\s*\((?:[a-z?]|Enter|Esc)\)$/i, "") : label;
    const attrs = Object.assign({ type: "button", onclick, text: bare }, bare !== label ? { title: label } : {}, extra || {});
    return el("button", attrs);
  }

  // Redrawing the panel removes the button just pressed; focus then fell back to the page and a
  // keyboard user tabbed twenty times back to the ratings. The reference toggle, which changes nothing of
  // the interview, keeps it; otherwise it goes to the new panel's heading, one Tab before its choices, and
  // not to a choice or an answer drawn again there, where a second Enter would rate the next question 0
  // or answer the next gate too (an audit and a review found both).
  const keepsFocus = new Set(["reference-toggle"]);
  // Only what changed is announced, and once: the panel as a live region read its whole text (the rubric's
  // five levels, 1,040 characters) twice per rating, the optimistic drawing and the server's answer.
  let announced = "";
  function announce(panel, focusMoves) {
    const heading = panel.querySelector("h2");
    const text = heading ? heading.textContent : "";
    if (!text || text === announced) return;
    announced = text;
    // Not when focus goes to the heading itself, which is read then.
    if (!focusMoves) $("announce").textContent = text;
  }

  // A short message in the live region, whatever it held before (the same words twice are read twice).
  function say(text) {
    $("announce").textContent = "";
    setTimeout(() => { $("announce").textContent = text; }, 50);
  }

  function renderPanel() {
    const panel = $("panel");
    const focused = panel.contains(document.activeElement) ? document.activeElement : null;
    drawPanel(panel);
    announce(panel, !!focused);
    if (!focused) return;
    const same = keepsFocus.has(focused.id) ? document.getElementById(focused.id) : null;
    if (same && panel.contains(same)) same.focus(); else focusQuestion();
  }

  // The question's text (or the panel's first line), one Tab before its choices. A heading takes focus
  // only when told it may, and is then skipped by Tab.
  function focusQuestion() {
    const panel = $("panel");
    const heading = panel.querySelector("h2") || panel.querySelector("p");
    if (!heading) return;
    heading.setAttribute("tabindex", "-1");
    heading.focus();
  }

  function drawPanel(panel) {
    panel.replaceChildren();
    const stageLine = $("stage-line");
    stageLine.replaceChildren();
    if (view.stage) {
      const stage = stagesByKey.get(view.stage);
      // The guide's titles in its own language inside the page's (WCAG 3.1.2), as the question is.
      stageLine.append(el("span", { text: L.stage + " " + view.stage + " " }), el("span", { lang: guide.language, text: stage ? stage.title : "" }));
      if (view.topic) stageLine.append(el("span", { text: " · " + L.topic + " " }), el("span", { lang: guide.language, text: topicTitle(view.topic) }));
    }
    const actions = el("div", { class: "actions" });
    switch (view.agenda) {
      case "start":
        panel.append(el("p", { text: L.startHint }), button(L.start, () => act({ type: "start" }), { id: "start", class: "primary" }));
        return;
      case "rate": {
        const q = Object.assign({}, questionText(view.question.topic, view.question.id), view.question);
        // A rating sent but not yet answered (offline, or in flight) shows as chosen, marked as waiting.
        const waiting = pendingRating(q);
        if (waiting) q.rating = waiting.rating;
        panel.append(el("p", { class: "meta", text: q.topic + " · " + q.id + " · " + L.level + " " + q.level + " · " + L.weight + " " + q.weight }));
        // What the chart says to do on the way here (hand over a marker, ask both halves): passed without a stop.
        for (const said of q.instructionsBefore || []) panel.append(el("p", { class: "instruction", lang: guide.language, text: "▷ " + said }));
        panel.append(el("h2", { id: "question-text", lang: guide.language, text: q.text }));
        appendNote(panel, view.question.topic, q.id);
        const ratings = el("div", { class: "ratings", role: "group", "aria-label": L.rate });
        for (const a of guide.scale) {
          ratings.append(el("button", {
            type: "button", class: "rating" + (q.rating === a.rating ? " chosen" + (waiting ? " waiting" : "") : ""), "data-rating": a.rating,
            "aria-pressed": q.rating === a.rating ? "true" : "false",
            onclick: () => act({ type: "rate", topic: q.topic, question: q.id, rating: a.rating }), title: a.text,
          }, el("kbd", { text: String(a.rating) }), " ", a.text));
        }
        panel.append(ratings);
        if (q.reference || q.rubric.length) {
          const toggle = button(showReference ? L.hideReference : L.showReference, toggleReference, { id: "reference-toggle", class: "quiet" });
          panel.append(toggle);
          if (showReference) {
            const box = el("div", { id: "reference", class: "reference", lang: guide.language });
            if (q.reference) box.append(el("h3", { text: L.reference }), el("p", { text: q.reference }));
            if (q.rubric.length) box.append(el("h3", { text: L.rubric }), el("ul", {}, q.rubric.map((r) => el("li", {}, el("kbd", { text: String(r.rating) }), " " + r.text))));
            panel.append(box);
          }
        }
        actions.append(button(L.skip, skip, { class: "quiet" }));
        break;
      }
      case "gate":
      case "offerJump": {
        const d = view.decision;
        const topic = topicsByKey.get(d.topic) || { gates: {}, instructions: {} };
        panel.append(el("p", { class: "meta", text: d.topic + " · " + d.id }));
        panel.append(el("h2", { id: "gate-text", lang: d.kind === "gate" ? guide.language : null,
                                text: d.kind === "gate" ? (topic.gates[d.id] || d.id) : L.jumpOffer + " " + topicTitle(d.target) }));
        if (d.kind === "offerJump") panel.append(el("p", { lang: guide.language, text: topic.instructions[d.id] || "" }));
        if (d.kind === "gate") appendNote(panel, d.topic, d.id);
        // The reason in the page's language; `reason` alone is in the guide's.
        const reason = d.reasons ? d.reasons[boot.language] || d.reason : d.reason;
        if (reason) {
          panel.append(el("p", { class: "suggestion", id: "suggestion" },
            el("strong", { text: L.suggestion + L.colon + (d.suggestion === true ? L.yes : d.suggestion === false ? L.no : "–") }), " — " + reason));
        }
        panel.append(el("div", { class: "ratings" },
          button(L.yes, () => decide(true), { id: "answer-yes", class: d.suggestion === false ? "quiet" : "primary" }),
          button(L.no, () => decide(false), { id: "answer-no", class: d.suggestion === false ? "primary" : "quiet" })));
        break;
      }
      case "pick": {
        const p = view.pick;
        panel.append(el("h2", { text: L.pickTitle }), el("p", { class: "muted", text: L.pickHint }));
        panel.append(el("ol", { class: "pick", lang: guide.language }, p.questions.map((id, i) =>
          el("li", {}, button((i + 1) + ". " + questionText(p.topic, id).text, () => act({ type: "pick", topic: p.topic, question: id }), { class: "pick-item", "data-question": id })))));
        break;
      }
      case "talk": {
        // The stage's name heads the panel, which takes focus and is announced: after f a screen reader
        // heard the same hint at every stage, and the new stage's name only on the line above, unannounced.
        const stage = view.stage && stagesByKey.get(view.stage);
        panel.append(el("h2", { id: "stage-title" }, L.stage + " " + view.stage + " ", el("span", { lang: guide.language, text: stage ? stage.title : "" })));
        panel.append(el("p", { text: L.talkHint }));
        if (stage && stage.questions.length) {
          panel.append(el("h3", { text: L.stageQuestions }), stageQuestionList(stage));
        }
        break;
      }
      case "finishInterview": {
        panel.append(button(L.finish, finish, { id: "finish", class: "primary" }));
        // A last topic's gate: the interview waits to be ended, so a slip there can still be changed.
        const revisable = revisableGateLine();
        if (revisable) panel.append(revisable);
        return;
      }
      case "finished":
        // Revisions begin with the submission: before it, a correction is just a correction.
        panel.append(el("p", { id: "finished", text: view.submittedAt ? L.finishedSubmitted : L.finished }));
        if (view.submittedAt) {
          const chosen = (guide.recommendations || []).find((r) => r.id === view.recommendation);
          panel.append(el("p", { id: "submitted", class: "notice", text: L.submittedCard + " · " + view.submittedAt + (chosen ? " · " + recommendationLabel(chosen) : "") }));
          if (view.submittedSummary) panel.append(el("p", { id: "submitted-summary", class: "pre" }, el("strong", { text: L.summaryLabel + " " }), view.submittedSummary));
          // Changing one's mind after rereading the notes: the form again, filled in; the reason is asked
          // on sending and kept as a revision.
          const change = button(L.changeSubmission, () => {
            change.replaceWith(submissionForm({ recommendation: view.recommendation, summary: view.submittedSummary }));
          }, { id: "change-submission", class: "quiet" });
          panel.append(change);
        } else {
          panel.append(submissionForm());
        }
        panel.append(el("a", { href: boot.reportHref, class: "primary-link", id: "report-link", text: L.openReport }));
        return;
      default:
        panel.append(el("p", { text: L.moving }));
    }
    // A stage with listed questions and topics too ("start with these", then its topics): the list was
    // never shown, as the stage opens on its first topic (a probe). Beside every step of the stage.
    const current = view.agenda !== "talk" && view.stage && stagesByKey.get(view.stage);
    if (current && current.questions.length) {
      panel.append(el("details", { class: "stage-questions-box", id: "stage-questions" },
        el("summary", { text: L.stageQuestions + " " + view.stage + " (" + current.questions.length + ")" }), stageQuestionList(current)));
    }
    const revisable = revisableGateLine();
    if (revisable) panel.append(revisable);
    actions.append(button(view.agenda === "talk" ? L.finishStage : L.moveOn, moveOn, { id: "move-on", class: "quiet" }));
    if (view.canReturn) actions.append(button(L.returnBack, () => act({ type: "return" }), { id: "return", class: "quiet" }));
    actions.append(button(L.finish, finish, { id: "finish", class: "quiet" }));
    panel.append(actions);
  }

  // A slip on "go deeper?" skipped the deeper questions for good: the other answer stays one click away
  // until a question after the gate is rated or skipped (the engine's rule, `gateRevised`).
  function revisableGateLine() {
    const g = view.revisableGate;
    if (!g) return null;
    const gateText = (topicsByKey.get(g.topic) || { gates: {} }).gates[g.id] || g.id;
    const other = g.answer ? L.plainNo : L.plainYes;
    const change = L.changeGateAnswer.replace("%1", other);
    // No space after a full-width colon; the button's name says which gate it changes.
    const gap = boot.language === "zh" ? "" : " ";
    return el("p", { class: "muted", id: "revisable-gate" },
      L.gateAnsweredAs.replace("%1", g.answer ? L.plainYes : L.plainNo).replace("%2", g.topic + " · " + g.id) + gap,
      el("span", { lang: guide.language, text: gateText }), " ",
      button(change, () => act({ type: "reviseGate", topic: g.topic, gate: g.id, answer: !g.answer }),
             { id: "revise-gate", class: "link", "aria-label": change + " · " + g.topic + " · " + g.id + " · " + gateText }));
  }

  // Each with its number, which the list does not repeat (it read "1. 1.1 …").
  function stageQuestionList(stage) {
    return el("ul", { class: "stage-questions", lang: guide.language }, stage.questions.map((q) =>
      el("li", {}, q.number + " " + q.text, q.reference ? el("span", { class: "muted", text: " (" + q.reference + ")" }) : null,
         // The lines the author nested under the prompt (points to listen for), as written.
         q.details ? el("div", { class: "muted stage-question-details", text: q.details }) : null)));
  }

  function renderHistory() {
    const box = $("history");
    box.replaceChildren();
    if (!view.history.length) return;
    // Once finished, every topic's questions are listed, each under its topic's key.
    box.append(el("h3", { text: view.finished ? L.historyAll : L.history }));
    box.append(el("ul", {}, view.history.map((h) => el("li", {},
      el("span", { class: "history-text", lang: guide.language, text: (view.finished || h.topic !== view.topic ? h.topic + " · " : "") + questionText(h.topic, h.id).text + " " }),
      // The scale kept on one line: wrapped after "0 1", "2 3 4" read as the next question's (a tablet probe).
      // A skipped question keeps its chips: a click rates it and takes the skip back.
      h.skipped ? el("em", { text: L.skipped + " " }) : null,
      el("span", { class: "chips" }, guide.scale.map((a) => el("button", {
        type: "button", class: "chip" + (h.rating === a.rating ? " chosen" : ""), text: String(a.rating), title: a.text,
        "aria-pressed": h.rating === a.rating ? "true" : "false", "data-chip": h.topic + "/" + h.id + "/" + a.rating,
        "aria-label": L.ratingOf + " " + a.rating + " · " + questionText(h.topic, h.id).text,
        onclick: () => act({ type: "rate", topic: h.topic, question: h.id, rating: a.rating }),
      })))))));
  }

  function renderNotes() {
    const list = $("notes");
    list.replaceChildren();
    // Notes still in the queue are shown too: typed and kept, only not yet on the server.
    for (const a of loadQueue().filter((a) => a.type === "note").reverse()) {
      list.append(el("li", { class: "pending" }, el("time", { text: "⏳ " + L.queued }), " ", a.text));
    }
    if (!view.notes.length && !list.children.length) { list.append(el("li", { class: "muted", text: L.noNotes })); return; }
    for (const n of view.notes.slice().reverse()) {
      list.append(el("li", {}, el("time", { text: n.at }), " ", n.topic ? el("span", { class: "tag", text: n.topic + (n.question ? "/" + n.question : "") }) : null, " ", n.text, n.shared ? [" ", el("span", { class: "tag shared", text: L.sharedTag })] : null));
    }
  }

  // Guidance changes only with the stage or topic, so it is fetched then, not sent with every action.
  let guidanceKey = null;
  async function renderGuidance() {
    const stage = view.stage || "", topic = view.topic || "";
    const key = stage + "|" + topic;
    if (key === guidanceKey) return;
    guidanceKey = key;
    let html = "";
    if (stage || topic) {
      try {
        const response = await request("GET", boot.api + "/guidance?stage=" + encodeURIComponent(stage) + "&topic=" + encodeURIComponent(topic));
        if (response.ok) {
          const g = await response.json();
          html = (g.topic || "") + (g.stage && !g.topic ? g.stage : "");
        } else { guidanceKey = null; }
      } catch (e) { guidanceKey = null; }
    }
    if (key !== guidanceKey) return;
    $("guidance-box").hidden = !html;
    // Rendered on the server from the guide's Markdown with raw HTML escaped (GuidanceHTML).
    $("guidance").innerHTML = html;
  }

  // Topic groups' advice while the interview is elsewhere in their stage, with the jump it suggests.
  // Guide text goes in as text, never as markup.
  function renderHints() {
    const box = $("hints");
    const hints = view.hints || [];
    box.hidden = hints.length === 0;
    box.replaceChildren(...hints.map((h) => {
      const target = topicsByKey.get(h.target) || { title: "" };
      return el("div", { class: "hint" },
        el("strong", { text: L.groupHint + " · " + h.group }),
        el("span", { text: " " + h.guidance + " " }),
        button(L.groupJump + " " + (target.heading || h.target), () => act({ type: "jump", topic: h.target }),
          { class: "quiet", "data-hint-target": h.target }));
    }));
  }

  // The drawing in words for a screen reader (its own <desc> is not read through an <img>): the topic's
  // questions in order, each rated, skipped, being asked or not yet asked.
  function chartText() {
    const topic = view.topic && topicsByKey.get(view.topic);
    if (!topic) return L.flowchart;
    const done = new Map(view.history.filter((h) => h.topic === view.topic).map((h) => [h.id, h]));
    const current = view.question && view.question.topic === view.topic ? view.question.id : null;
    const items = topic.questionOrder.map((id) => {
      const h = done.get(id);
      const state = id === current ? L.chartNow : h ? (h.skipped ? L.skipped : L.chartRated + (h.rating !== undefined && h.rating !== null ? " " + h.rating : "")) : L.chartNotYet;
      return questionText(view.topic, id).text + " — " + state;
    });
    return L.flowchart + " · " + topicTitle(view.topic) + L.colon + items.join("; ");
  }

  function renderChart() {
    const img = $("chart");
    // Without a chart (a stage of talk, or the interview over) the box says so rather than stand empty.
    $("chart-empty").hidden = !!view.flowchartKey;
    if (!view.flowchartKey) { img.hidden = true; chartKey = null; return; }
    if (view.flowchartKey === chartKey) return;
    chartKey = view.flowchartKey;
    img.hidden = false;
    img.alt = chartText();
    img.classList.remove("wide");
    img.style.width = "";
    img.src = boot.flowchart + "?k=" + encodeURIComponent(chartKey);
  }

  // A wide chart (left to right) squeezed into the side box became a strip of 3 px text: below half its
  // size it is drawn at half, and the box scrolls sideways.
  function fitChart() {
    const img = $("chart");
    const box = img.parentElement.clientWidth;
    if (!img.naturalWidth || !box) return;
    const wide = box / img.naturalWidth < 0.5;
    img.classList.toggle("wide", wide);
    img.style.width = wide ? Math.round(img.naturalWidth / 2) + "px" : "";
  }

  function tick() {
    if (!view) return;
    const running = view.started && !view.finished;
    const extra = running ? (performance.now() - viewAt) / 1000 : 0;
    $("clock-total").textContent = L.total + " " + clock(view.totalSeconds + extra);
    for (const node of document.querySelectorAll(".clock[data-stage]")) {
      const stage = view.stages.find((s) => s.key === node.dataset.stage);
      if (!stage) continue;
      const budgetSeconds = (stagesByKey.get(stage.key) || {}).budgetSeconds;
      const used = stage.elapsedSeconds + (stage.status === "current" && running ? extra : 0);
      const over = !!budgetSeconds && used > budgetSeconds;
      // "over time" in words, not only red: a title on a span reaches neither the keyboard nor most readers.
      node.textContent = clock(used) + (budgetSeconds ? " / " + clock(budgetSeconds) : "") + (over ? " · " + L.overTime : "");
      node.classList.toggle("over", over);
    }
  }

  // ---- the interviewer's moves ---------------------------------------------------------------
  function toggleReference() { showReference = !showReference; renderPanel(); }
  function decide(yes) {
    const d = view.decision;
    if (d) act({ type: "answer", topic: d.topic, gate: d.id, answer: yes });
  }
  async function skip() {
    const q = view.question;
    if (!q) return;
    const reason = await ask(L.skipReason, true);
    if (reason === null) return;
    act({ type: "skip", topic: q.topic, question: q.id, reason });
  }
  function moveOn() { act({ type: "moveOn" }); }
  function finish() { act({ type: "finish" }); }
  // j asks for the topic by number or by a word of its title ("3.2.1", "redis"); the side panel's
  // topic buttons do the same with the mouse or Tab.
  async function jumpPrompt() {
    if (!view || !view.started || view.finished) return;
    const name = await ask(L.jumpTo + L.jumpExample, true);
    if (name && name.trim()) act({ type: "jump", topic: name.trim() });
  }

  function showHelp() {
    const rows = [["0–4", L.keyRate], ["y / n", L.keyDecide], ["r", L.keyReference], ["m", L.keyNote], ["j", L.keyJump],
      ["b", L.keyBack], ["f", L.keyMoveOn], ["s", L.keySkip], ["1–9", L.keyPick], ["e", L.keyFinish], ["?", L.keyHelp]];
    $("help-keys").replaceChildren(
      el("thead", {}, el("tr", {}, el("th", { scope: "col", text: L.keyColumn }), el("th", { scope: "col", text: L.actionColumn }))),
      el("tbody", {}, rows.map(([k, d]) => el("tr", {}, el("td", {}, el("kbd", { text: k })), el("td", { text: d })))));
    $("help").showModal();
  }

  // Single-key shortcuts can be turned off in the keys dialog (WCAG 2.1.4: speech input types letters, and
  // a screen reader's own keys pass through), kept per browser; the buttons work either way.
  const shortcutsKey = "interviewflow.shortcuts";
  const shortcutsOn = () => localStorage.getItem(shortcutsKey) !== "off";

  document.addEventListener("keydown", (event) => {
    if (event.target.id === "note") {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); addNote(); }
      // Back to the question, not to the top of the page (blurring left focus on <body>, ~20 Tabs away).
      else if (event.key === "Escape") { focusQuestion(); }
      return;
    }
    if (typing() || event.ctrlKey || event.metaKey || event.altKey || !view) return;
    // Any key but b, a rating or m (a note on the question chosen) ends the correction b began.
    if (reviewing && event.key !== "b" && event.key !== "m" && !/^[0-9]$/.test(event.key)) setReviewing(null);
    if (revisingGate && event.key !== "b" && event.key !== "y" && event.key !== "n") { revisingGate = null; hideMessage(); }
    // The keys dialog is modal: a key pressed while it is open must not rate the question behind it.
    if ($("help").open || $("ask").open || !shortcutsOn()) return;
    const key = event.key;
    // Enter and Space on a focused link or button are that control's (an audit found Enter on "Log out"
    // starting the interview instead).
    if ((key === "Enter" || key === " ") && event.target.closest && event.target.closest("a, button, summary, [role=button]")) return;
    let handled = true;
    if (view.agenda === "start" && key === "Enter") act({ type: "start" });
    else if (reviewing && /^[0-9]$/.test(key) && guide.scale.some((a) => String(a.rating) === key)) {
      // b chose an earlier rating to correct: this key is its new rating, as in the terminal runner.
      const q = reviewing;
      setReviewing(null);
      act({ type: "rate", topic: q.topic, question: q.id, rating: Number(key) });
    } else if (view.agenda === "rate" && /^[0-9]$/.test(key) && guide.scale.some((a) => String(a.rating) === key)) {
      const q = view.question;
      // The next question comes from the server. Until it answers (an outage, a slow link), a second
      // key meant for the next question would overwrite this one's rating: an interviewer rating on
      // through an outage ended with one question rated twice and the next not at all. Keys wait; a
      // click on a rating still changes it on purpose.
      const waiting = pendingRating(q);
      if (waiting) showMessage(L.ratingWaits.replace("%1", String(waiting.rating)));
      else {
        lastRated = { topic: q.topic, id: q.id };
        act({ type: "rate", topic: q.topic, question: q.id, rating: Number(key) });
      }
    } else if (view.agenda === "talk" && /^[0-9]$/.test(key)) {
      // A stage's listed questions are talked through, not rated: say so rather than ignore the key.
      showMessage(L.talkNotRated);
    } else if (view.agenda === "pick" && /^[1-9]$/.test(key)) {
      const id = view.pick.questions[Number(key) - 1];
      if (id) act({ type: "pick", topic: view.pick.topic, question: id });
    } else if (revisingGate && (key === "y" || key === "n")) {
      // b offered the gate answered last: this key is its answer again; the same answer keeps it.
      const g = revisingGate;
      revisingGate = null;
      hideMessage();
      if ((key === "y") !== g.answer) act({ type: "reviseGate", topic: g.topic, gate: g.id, answer: key === "y" });
      // The same answer keeps it, said (as the runner says it), with nothing recorded.
      else showMessage(L.gateKept.replace("%1", g.topic + " · " + g.id).replace("%2", g.answer ? L.plainYes : L.plainNo));
    } else if (key === "y" || key === "n") decide(key === "y");
    else if (key === "r") toggleReference();
    else if (key === "s") skip();
    else if (key === "m") { event.preventDefault(); $("note").focus(); }
    else if (key === "j") { event.preventDefault(); jumpPrompt(); }
    else if (key === "b") {
      // Back from a jump; outside one, back through this topic's ratings to correct one (the runner's b).
      // In a jump, the gate just answered comes first (b left the topic with the slip in it, or, when
      // that answer ended a jump inside this one, the outer jump's topic too).
      const g = view.revisableGate;
      // b again after the offer of a gate of a topic already left, or of a rating to correct, goes further
      // back, as outside a jump.
      const walkingBack = reviewing || (revisingGate && revisingGate.topic !== view.topic);
      if (view.canReturn && !walkingBack && !(g && g.justAnswered && !revisingGate && !reviewing)) { revisingGate = null; setReviewing(null); act({ type: "return" }); }
      else stepBack();
    }
    else if (key === "f") moveOn();
    else if (key === "e") finish();
    else if (key === "?") showHelp();
    else handled = false;
    if (handled) event.preventDefault();
  });

  // ---- start-up ------------------------------------------------------------------------------
  $("note-label").textContent = L.notes;
  $("note").placeholder = L.notePlaceholder;
  $("note-shared-label").textContent = L.sharedNote;
  $("note-add").textContent = L.addNote;
  $("note-add").addEventListener("click", addNote);
  $("note").addEventListener("input", noteChanged);
  $("guidance-label").textContent = L.guidance;
  $("chart-label").textContent = L.flowchart;
  $("chart-empty").textContent = L.noChart;
  $("outline").setAttribute("aria-label", L.stages);
  $("help-close").textContent = L.close;
  $("ask-ok").textContent = L.ok;
  $("ask-cancel").textContent = L.cancel;
  $("help-title").textContent = L.helpTitle;
  $("help-button").textContent = L.help;
  $("help-button").addEventListener("click", showHelp);
  $("shortcuts-on-label").textContent = L.shortcutsOn;
  $("shortcuts-on").checked = shortcutsOn();
  $("shortcuts-on").addEventListener("change", (event) => localStorage.setItem(shortcutsKey, event.target.checked ? "on" : "off"));
  window.addEventListener("online", reconnect);
  $("chart").addEventListener("load", fitChart);
  window.addEventListener("resize", fitChart);
  setInterval(tick, 1000);

  (async function start() {
    const localDraft = localStorage.getItem(draftKey);
    try {
      const guideResponse = await request("GET", boot.api + "/guide");
      if (guideResponse.ok) learnGuide(await guideResponse.json());
      const response = guideResponse.ok ? await request("GET", boot.api) : guideResponse;
      if (!response.ok) {
        showMessage(response.status === 403 ? L.forbidden : response.status === 401 ? L.loggedOut : L.refused + L.colon + response.status);
        if (response.status >= 500) goOffline();
        return;
      }
      setView(await response.json());
      // The interview opened (or reopened after a reload) at its question, not at the top of the page:
      // a keyboard user needed twelve Tabs past the site's links to get back to it (an accessibility audit).
      if (!document.activeElement || document.activeElement === document.body) {
        focusQuestion();
        // Read once, as the focused heading: the live region had it too, and it was read twice.
        $("announce").textContent = "";
      }
      // A draft typed in this browser and not yet saved wins over the server's copy; and what was typed
      // while the page was loading wins over both (it was replaced when the data came: a recheck).
      const typed = $("note").value;
      $("note").value = typed || (localDraft !== null ? localDraft : view.draft);
      renderNoteTarget();
      if (localDraft !== null && localDraft !== view.draft) { draftDirty = true; saveDraft(); }
      openSocket();
      flush();
    } catch (e) {
      if (localDraft !== null) $("note").value = localDraft;
      goOffline();
    }
    renderSync();
  })();
})();
