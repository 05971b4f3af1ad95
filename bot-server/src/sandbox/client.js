/*
 * The sandbox page's script, inlined into GET / as it is (no build step, no external resources).
 * `SandboxView` holds the pure helpers (escaping, rendering to HTML strings), unit-tested in
 * tests/sandbox-page.test.ts by running this very file; `startSandbox` wires them to the page.
 * Every piece of text from the chat or the database goes through `escapeHtml` before it reaches
 * innerHTML, and URLs through `safeUrl`.
 */

const SandboxView = (() => {
  const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
  const PHONE = /^\+?\d{8,15}$/;

  /** Text and attribute values (quoted) for innerHTML. */
  function escapeHtml(value) {
    return String(value ?? "").replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
  }

  /** An http(s) URL or a same-origin path, else null: no `javascript:` or `data:` links. */
  function safeUrl(value) {
    if (typeof value !== "string" || value === "") return null;
    if (/^\/(?![/\\])/.test(value)) return value;
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch {
      return null;
    }
  }

  /** Lower case without diacritics, for a search that forgives missing accents. */
  function foldText(value) {
    return String(value ?? "")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d")
      .replace(/Đ/g, "d")
      .toLowerCase();
  }

  function matchesSearch(persona, query) {
    const words = foldText(query).split(/\s+/).filter(Boolean);
    if (words.length === 0) return true;
    const haystack = foldText(
      [persona.name, persona.roleLabel, persona.demoLabel || "", ...(persona.roleLabels || [])].join(" "),
    );
    return words.every((word) => haystack.includes(word));
  }

  function timeLabel(ms) {
    const d = new Date(ms);
    if (Number.isNaN(d.getTime())) return "";
    const pad = (n) => String(n).padStart(2, "0");
    return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }

  /** One of the OA message's buttons; query buttons carry their payload for the click handler. */
  function buttonHtml(button) {
    const title = escapeHtml(button?.title);
    const payload = button?.payload;
    switch (button?.type) {
      case "oa.query.show":
      case "oa.query.hide":
        if (typeof payload !== "string") break;
        return (
          `<button type="button" class="oa-button" data-action="query"` +
          ` data-type="${escapeHtml(button.type)}" data-title="${title}" data-payload="${escapeHtml(payload)}">` +
          `${title}</button>`
        );
      case "oa.open.url": {
        const url = safeUrl(payload?.url);
        if (!url) break;
        return (
          `<a class="oa-button" href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">` +
          `${title} <span aria-hidden="true">↗</span></a>`
        );
      }
      case "oa.open.phone":
        if (!PHONE.test(payload?.phone_code ?? "")) break;
        return `<a class="oa-button" href="tel:${escapeHtml(payload.phone_code)}">📞 ${title}</a>`;
      case "oa.open.sms": {
        if (!PHONE.test(payload?.phone_code ?? "")) break;
        const body = encodeURIComponent(String(payload.content ?? ""));
        return `<a class="oa-button" href="sms:${escapeHtml(payload.phone_code)}?body=${escapeHtml(body)}">✉️ ${title}</a>`;
      }
    }
    return `<span class="oa-button disabled">${title}</span>`;
  }

  function imageHtml(src, alt) {
    const url = safeUrl(src);
    return url
      ? `<img class="media" src="${escapeHtml(url)}" alt="${escapeHtml(alt)}" loading="lazy" />`
      : `<div class="media-missing">[${escapeHtml(alt)}]</div>`;
  }

  /** Template attachments: a picture (media), or cards (list, request_user_info). */
  function attachmentHtml(attachment) {
    if (!attachment || typeof attachment !== "object") return "";
    if (attachment.type === "file") return `<div class="media-missing">[Tệp đính kèm]</div>`;
    const payload = attachment.payload || {};
    const elements = Array.isArray(payload.elements) ? payload.elements : [];
    if (payload.template_type === "media") {
      return elements
        .map((element) => {
          if (element?.media_type === "sticker") return `<div class="media-missing">[Nhãn dán]</div>`;
          if (element?.url) return imageHtml(element.url, "Ảnh của OA");
          return `<div class="media-missing">[Ảnh đã tải lên Zalo]</div>`;
        })
        .join("");
    }
    return elements
      .map((element) => {
        const image = element?.image_url ? imageHtml(element.image_url, element.title || "Ảnh") : "";
        const subtitle = element?.subtitle
          ? `<div class="card-subtitle">${escapeHtml(element.subtitle)}</div>`
          : "";
        return `<div class="card">${image}<div class="card-title">${escapeHtml(element?.title)}</div>${subtitle}</div>`;
      })
      .join("");
  }

  /**
   * One entry of the stand-in's conversation log. `taps` maps the message id of a button tap to
   * the button: Zalo does not show an `oa.query.hide` payload in the chat, so neither do we.
   */
  function entryHtml(entry, taps) {
    const time = `<div class="time">${escapeHtml(timeLabel(entry.at))}</div>`;
    if (entry.direction === "out") {
      const text = entry.text ? `<div class="text">${escapeHtml(entry.text)}</div>` : "";
      const buttons = (entry.buttons || []).map(buttonHtml).join("");
      return (
        `<div class="row oa"><div class="bubble">${text}${attachmentHtml(entry.attachment)}` +
        `${buttons ? `<div class="buttons">${buttons}</div>` : ""}${time}</div></div>`
      );
    }
    switch (entry.kind) {
      case "follow":
        return `<div class="event">Bạn đã quan tâm OA Cầu Nối · ${escapeHtml(timeLabel(entry.at))}</div>`;
      case "unfollow":
        return `<div class="event">Bạn đã bỏ quan tâm OA Cầu Nối · ${escapeHtml(timeLabel(entry.at))}</div>`;
      case "image": {
        const caption = entry.text ? `<div class="text">${escapeHtml(entry.text)}</div>` : "";
        return `<div class="row me"><div class="bubble">${imageHtml(entry.imageUrl, "Ảnh đã gửi")}${caption}${time}</div></div>`;
      }
      case "location":
        return (
          `<div class="row me"><div class="bubble"><div class="text">📍 Vị trí của tôi</div>` +
          `<div class="small">${escapeHtml(entry.latitude)}, ${escapeHtml(entry.longitude)}</div>${time}</div></div>`
        );
      default: {
        const tap = taps?.[entry.messageId];
        if (tap && tap.type === "oa.query.hide") {
          return `<div class="event tap">Đã bấm nút “${escapeHtml(tap.title)}” · ${escapeHtml(timeLabel(entry.at))}</div>`;
        }
        return `<div class="row me"><div class="bubble"><div class="text">${escapeHtml(entry.text)}</div>${time}</div></div>`;
      }
    }
  }

  function conversationHtml(entries, taps) {
    if (!entries.length) {
      return (
        `<div class="empty">Chưa có tin nhắn nào. Bấm <strong>Quan tâm OA</strong> để bắt đầu, ` +
        `hoặc gõ “giúp tôi” vào ô bên dưới.</div>`
      );
    }
    return entries.map((entry) => entryHtml(entry, taps)).join("");
  }

  const GROUPS = [
    ["demo", "Người dùng mẫu"],
    ["admin", "Cán bộ xã, phường"],
    ["viewer", "Người xem báo cáo"],
    ["leader", "Tổ trưởng"],
    ["member", "Thành viên tổ"],
    ["citizen", "Người dân"],
  ];

  function personaHtml(persona, selected) {
    const following = persona.following
      ? `<span class="dot on">Đang quan tâm OA</span>`
      : `<span class="dot">Chưa quan tâm OA</span>`;
    return (
      `<button type="button" class="persona${selected ? " selected" : ""}" role="option"` +
      ` aria-selected="${selected ? "true" : "false"}" data-follower="${escapeHtml(persona.followerId)}">` +
      `<span class="persona-name">${escapeHtml(persona.name)}</span>` +
      `<span class="persona-role">${escapeHtml(persona.roleLabel)}</span>${following}</button>`
    );
  }

  /** The picker: demo personas first, then everyone else by role; filtered by the search box. */
  function personaListHtml(personas, query, selectedId) {
    const shown = personas.filter((p) => matchesSearch(p, query));
    if (!shown.length) return `<div class="empty">Không tìm thấy ai khớp với “${escapeHtml(query)}”.</div>`;
    return GROUPS.map(([key, title]) => {
      const members = shown.filter((p) => (key === "demo" ? p.demoLabel : !p.demoLabel && p.role === key));
      if (!members.length) return "";
      const items = members.map((p) => personaHtml(p, p.followerId === selectedId)).join("");
      return `<div class="group"><div class="group-title">${escapeHtml(title)} (${members.length})</div>${items}</div>`;
    }).join("");
  }

  return {
    escapeHtml,
    safeUrl,
    foldText,
    matchesSearch,
    buttonHtml,
    attachmentHtml,
    entryHtml,
    conversationHtml,
    personaHtml,
    personaListHtml,
  };
})();

/** The page: picker, chat, polling. Runs only in a browser. */
function startSandbox(view, doc, win) {
  const $ = (id) => doc.getElementById(id);
  const oaBase = `${doc.body.dataset.standin}/sandbox/oa`;
  const TAPS_KEY = "cau-noi-sandbox-taps";
  const PERSONA_KEY = "cau-noi-sandbox-persona";
  const state = {
    personas: [],
    current: null,
    signature: "",
    query: "",
    sending: false,
    taps: loadTaps(),
    timer: null,
    polling: false,
    pollAgain: false,
    /** Scroll to the newest message at the next render (a persona was just picked). */
    scrollToEnd: true,
    usersCheckedAt: 0,
  };

  function loadTaps() {
    try {
      return JSON.parse(win.localStorage.getItem(TAPS_KEY) || "{}") || {};
    } catch {
      return {};
    }
  }

  function rememberTap(messageId, button) {
    state.taps[messageId] = button;
    const keys = Object.keys(state.taps);
    for (const key of keys.slice(0, Math.max(0, keys.length - 500))) delete state.taps[key];
    try {
      win.localStorage.setItem(TAPS_KEY, JSON.stringify(state.taps));
    } catch {
      // Private browsing: taps are then remembered until the page is reloaded.
    }
  }

  function showStatus(message, kind) {
    const box = $("status");
    box.textContent = message || "";
    box.className = `status ${kind || ""}`;
    box.hidden = !message;
  }

  async function api(path, init) {
    const response = await win.fetch(path, {
      ...init,
      headers: { "content-type": "application/json", ...(init?.headers || {}) },
    });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const error = new Error(body?.message || body?.error?.message || `HTTP ${response.status}`);
      error.status = response.status;
      throw error;
    }
    return body;
  }

  const userPath = (persona) => `${oaBase}/users/${encodeURIComponent(persona.followerId)}`;

  function renderPersonas() {
    $("persona-list").innerHTML = view.personaListHtml(
      state.personas,
      state.query,
      state.current?.followerId,
    );
  }

  function renderHeader(user) {
    const persona = state.current;
    $("chat-who").textContent = persona ? `${persona.name} · ${persona.roleLabel}` : "Chưa chọn người dùng";
    const following = user ? user.following : persona?.following;
    $("follow-state").textContent = !persona ? "" : following ? "Đang quan tâm OA" : "Chưa quan tâm OA";
    $("follow").setAttribute("aria-pressed", following ? "true" : "false");
    $("follow").classList.toggle("active", Boolean(following));
    $("unfollow").classList.toggle("active", persona ? !following : false);
  }

  /** Re-renders only when the log changed; keeps the reader's place unless they were at the end. */
  function renderConversation(entries) {
    const box = $("messages");
    const last = entries[entries.length - 1];
    const signature = `${entries.length}:${last ? last.messageId : ""}:${Object.keys(state.taps).length}`;
    if (signature === state.signature) return;
    state.signature = signature;
    const nearBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 120;
    box.innerHTML = view.conversationHtml(entries, state.taps);
    if (state.scrollToEnd || nearBottom) box.scrollTop = box.scrollHeight;
    state.scrollToEnd = false;
  }

  /** One poll at a time: a poll asked for while one runs makes that one go again at once. */
  async function poll() {
    if (state.polling) {
      state.pollAgain = true;
      return;
    }
    state.polling = true;
    win.clearTimeout(state.timer);
    const persona = state.current;
    try {
      if (persona) {
        const [entries, user] = await Promise.all([
          api(`${userPath(persona)}/conversation`),
          api(userPath(persona)),
        ]);
        if (persona === state.current) {
          renderConversation(entries);
          renderHeader(user);
          if (persona.following !== user.following) {
            persona.following = user.following;
            renderPersonas();
          }
        }
      }
      if (Date.now() - state.usersCheckedAt > 5000) {
        state.usersCheckedAt = Date.now();
        const users = await api(`${oaBase}/users`);
        const following = new Map(users.map((u) => [u.followerId, u.following]));
        let changed = false;
        for (const p of state.personas) {
          const now = following.get(p.followerId);
          if (now !== undefined && now !== p.following) {
            p.following = now;
            changed = true;
          }
        }
        if (changed) renderPersonas();
      }
      if ($("status").classList.contains("offline")) showStatus("");
    } catch (error) {
      if (error.status === 404 && persona) await ensureUser(persona).catch(() => undefined);
      else showStatus("Không kết nối được với máy chủ. Đang thử lại…", "offline");
    } finally {
      state.polling = false;
    }
    const delay = state.pollAgain ? 0 : doc.hidden ? 5000 : 1000;
    state.pollAgain = false;
    state.timer = win.setTimeout(poll, delay);
  }

  /** A person added after start-up (CLI) may be unknown to the stand-in: add them, not following. */
  async function ensureUser(persona) {
    try {
      await api(userPath(persona));
    } catch (error) {
      if (error.status !== 404 || !persona.appUserId) throw error;
      await api(`${oaBase}/users`, {
        method: "POST",
        body: JSON.stringify({
          followerId: persona.followerId,
          appUserId: persona.appUserId,
          name: persona.name,
          following: false,
          lastInteractionAt: null,
        }),
      });
    }
  }

  /** The phone-frame mini app acts as the persona picked here (it listens in sandbox mode only). */
  function syncMiniApp() {
    const frame = $("mini-app-frame");
    const persona = state.current;
    if (!frame?.contentWindow || !persona?.appUserId) return;
    frame.contentWindow.postMessage(
      {
        type: "cau-noi:sandbox-persona",
        appUserId: persona.appUserId,
        name: persona.name,
        followerId: persona.followerId,
      },
      win.location.origin,
    );
  }

  async function select(persona) {
    state.current = persona;
    syncMiniApp();
    state.signature = "";
    state.scrollToEnd = true;
    try {
      win.localStorage.setItem(PERSONA_KEY, persona.followerId);
    } catch {
      // Not remembered across reloads, nothing else changes.
    }
    win.history.replaceState(null, "", `#nguoi=${encodeURIComponent(persona.followerId)}`);
    doc.body.classList.remove("picker-open");
    showStatus("");
    renderPersonas();
    renderHeader(null);
    $("messages").innerHTML = `<div class="empty">Đang tải…</div>`;
    await ensureUser(persona).catch((error) =>
      showStatus(`Không thêm được người dùng: ${error.message}`, "error"),
    );
    poll();
  }

  async function send(action, tap) {
    const persona = state.current;
    if (!persona) {
      showStatus("Hãy chọn một người dùng ở danh sách trước.", "error");
      return false;
    }
    if (state.sending) return false;
    state.sending = true;
    doc.body.classList.add("sending");
    try {
      const result = await api(`${userPath(persona)}/send`, { method: "POST", body: JSON.stringify(action) });
      const messageId = result?.event?.message?.msg_id;
      if (tap && messageId) rememberTap(messageId, tap);
      if (result.status === 200) showStatus("");
      else {
        const why = result.status === null ? result.error || "không có phản hồi" : `mã ${result.status}`;
        showStatus(`Zalo giả lập đã gửi sự kiện nhưng máy chủ Cầu Nối chưa nhận (${why}).`, "error");
      }
      return true;
    } catch (error) {
      showStatus(`Không gửi được: ${error.message}`, "error");
      return false;
    } finally {
      state.sending = false;
      doc.body.classList.remove("sending");
      poll();
    }
  }

  $("persona-search").addEventListener("input", (event) => {
    state.query = event.target.value;
    renderPersonas();
  });
  $("persona-list").addEventListener("click", (event) => {
    const button = event.target.closest("[data-follower]");
    const persona = button && state.personas.find((p) => p.followerId === button.dataset.follower);
    if (persona) select(persona);
  });
  $("messages").addEventListener("click", (event) => {
    const button = event.target.closest("[data-action=query]");
    if (!button) return;
    const { payload, title, type } = button.dataset;
    send({ text: payload }, { title, type });
  });
  $("composer").addEventListener("submit", async (event) => {
    event.preventDefault();
    const box = $("text");
    const text = box.value.trim();
    if (!text) return;
    if (await send({ text })) box.value = "";
    box.focus();
  });
  $("text").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $("composer").requestSubmit();
    }
  });
  $("follow").addEventListener("click", () => send({ follow: true }));
  $("unfollow").addEventListener("click", () => send({ unfollow: true }));
  $("send-photo").addEventListener("click", () =>
    send({ imageUrl: new URL("/sandbox/sample-photo.png", win.location.href).href }),
  );
  $("send-location").addEventListener("click", () => send({ latitude: "15.8801", longitude: "108.3380" }));
  $("open-picker").addEventListener("click", () => {
    doc.body.classList.add("picker-open");
    $("persona-search").focus();
  });
  $("close-picker").addEventListener("click", () => doc.body.classList.remove("picker-open"));
  $("mini-app-frame")?.addEventListener("load", syncMiniApp);

  api("/sandbox/api/personas")
    .then(({ personas }) => {
      state.personas = personas;
      const fromHash = new URLSearchParams(win.location.hash.slice(1)).get("nguoi");
      let saved = null;
      try {
        saved = win.localStorage.getItem(PERSONA_KEY);
      } catch {
        saved = null;
      }
      const first =
        personas.find((p) => p.followerId === fromHash) ||
        personas.find((p) => p.followerId === saved) ||
        personas[0];
      renderPersonas();
      if (first) select(first);
      else
        showStatus(
          "Chưa có người dùng nào. Hãy nạp dữ liệu mẫu (DEMO_DATA=true) vào cơ sở dữ liệu mới.",
          "error",
        );
    })
    .catch((error) => showStatus(`Không tải được danh sách người dùng: ${error.message}`, "error"));
}

if (typeof document !== "undefined" && typeof window !== "undefined") {
  startSandbox(SandboxView, document, window);
}
