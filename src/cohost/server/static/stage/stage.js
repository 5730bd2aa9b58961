// The stage page: WebSocket in, audio out through WebAudio, the mouth driven by the level actually
// playing (AnalyserNode), captions in step with the audio, the product card, the opening notice.
// The AI label is server-rendered and re-asserted here: no query setting, and no script on the page,
// can remove or hide it for long (LSE-37, LBL-10).
(function () {
  "use strict";
  const cfg = window.STAGE;
  const $ = (id) => document.getElementById(id);
  const mouth = $("mouth");
  const caption = $("caption");
  const status = $("status");
  const state = { mouth: 0, maxMouth: 0, chunks: 0, played: 0, captions: [], connected: false,
                  audio: "none", mode: "ai", product: null, labelRestored: 0 };
  window.__stage = state;

  // --- the label guard -----------------------------------------------------------------------------
  const LABEL_STYLE = $("ai-label").getAttribute("style") || "";
  function guardLabel() {
    let label = $("ai-label");
    if (!label || label.parentNode !== document.body) {
      if (label) label.remove();
      label = document.createElement("div");
      label.id = "ai-label";
      label.setAttribute("data-testid", "ai-label");
      document.body.appendChild(label);
      state.labelRestored += 1;
    }
    if (label.textContent !== cfg.label) label.textContent = cfg.label;
    if ((label.getAttribute("style") || "") !== LABEL_STYLE) label.setAttribute("style", LABEL_STYLE);
    if (label.hidden) label.hidden = false;
    if (label.className) label.className = "";
  }
  new MutationObserver(guardLabel).observe(document.documentElement,
    { subtree: true, childList: true, attributes: true, characterData: true });
  setInterval(guardLabel, 500);

  // --- opening notice (at least 2 s, GB-2) ---------------------------------------------------------
  setTimeout(() => $("notice").classList.add("gone"), Math.max(2000, cfg.noticeMs || 5000));

  // --- audio ---------------------------------------------------------------------------------------
  let ctx = null, analyser = null, data = null, nextTime = 0;
  const live = new Set();
  function audioContext() {
    if (!ctx) {
      ctx = new (window.AudioContext || window.webkitAudioContext)();
      analyser = ctx.createAnalyser();
      analyser.fftSize = 1024;
      data = new Float32Array(analyser.fftSize);
      analyser.connect(ctx.destination);
    }
    if (ctx.state === "suspended") {
      ctx.resume().catch(() => {});
      $("audio-gate").hidden = false;
    }
    state.audio = ctx.state;
    return ctx;
  }
  document.addEventListener("click", () => { audioContext(); $("audio-gate").hidden = true; });

  function stopAll() {
    live.forEach((src) => { try { src.stop(); } catch (e) { /* already stopped */ } });
    live.clear();
    if (ctx) nextTime = ctx.currentTime;
  }

  function showCaption(text) {
    if (caption.textContent !== text) {
      caption.textContent = text;
      state.captions.push(text);
      if (state.captions.length > 50) state.captions.shift();
    }
  }

  async function play(buf) {
    const view = new DataView(buf);
    const n = view.getUint32(0, true);
    const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buf, 4, n)));
    const wav = buf.slice(4 + n);
    state.chunks += 1;
    const ac = audioContext();
    let audio;
    try { audio = await ac.decodeAudioData(wav); } catch (e) { return; }
    const src = ac.createBufferSource();
    src.buffer = audio;
    src.connect(analyser);
    const at = Math.max(ac.currentTime + 0.05, nextTime);
    nextTime = at + audio.duration;
    live.add(src);
    src.onended = () => { live.delete(src); state.played += 1; };
    src.start(at);
    setTimeout(() => showCaption(header.caption), Math.max(0, (at - ac.currentTime) * 1000));
  }

  function level() {
    if (!analyser || live.size === 0) return 0;
    analyser.getFloatTimeDomainData(data);
    let sum = 0;
    for (let i = 0; i < data.length; i++) sum += data[i] * data[i];
    return Math.sqrt(sum / data.length);
  }
  function animate() {
    const target = Math.min(1, level() * 6);
    state.mouth = state.mouth * 0.5 + target * 0.5;
    state.maxMouth = Math.max(state.maxMouth, state.mouth);
    mouth.setAttribute("ry", (3 + state.mouth * 22).toFixed(1));
    if (ctx) state.audio = ctx.state;
    requestAnimationFrame(animate);
  }
  requestAnimationFrame(animate);

  // --- product card, status ------------------------------------------------------------------------
  function money(v) { return "¥" + (Math.round(v * 100) / 100).toString(); }
  function showProduct(p) {
    state.product = p;
    const card = $("product");
    if (!p || !p.title) { card.hidden = true; return; }
    $("product").querySelector(".p-title").textContent = p.title;
    $("product").querySelector(".p-price").textContent = money(p.price);
    $("product").querySelector(".p-offer").textContent = p.offer ? "优惠：" + p.offer : "";
    card.hidden = document.documentElement.dataset.card === "off";
  }
  function showMode(mode) {
    state.mode = mode;
    status.textContent = { ai: "AI主播讲解中", human: "真人主播接管中", killed: "已暂停" }[mode] || mode;
  }

  // --- the socket ----------------------------------------------------------------------------------
  function connect() {
    const proto = location.protocol === "https:" ? "wss:" : "ws:";
    const path = location.pathname.replace(/\/$/, "") + "/ws?" + cfg.query;
    const ws = new WebSocket(proto + "//" + location.host + path);
    ws.binaryType = "arraybuffer";
    ws.onopen = () => { state.connected = true; };
    ws.onclose = () => { state.connected = false; setTimeout(connect, 2000); };
    ws.onmessage = (ev) => {
      if (typeof ev.data !== "string") { play(ev.data); return; }
      const msg = JSON.parse(ev.data);
      if (msg.type === "state") {
        showMode(msg.mode || "ai");
        showProduct(msg.product);
        if (msg.caption) showCaption(msg.caption);
        if (msg.show === "waiting") status.textContent = "等待开播";
      } else if (msg.type === "product") {
        showProduct(msg.product);
      } else if (msg.type === "mode") {
        showMode(msg.mode);
      } else if (msg.type === "kill") {
        stopAll(); showMode("killed"); showCaption("");
      } else if (msg.type === "caption" && msg.source === "human") {
        showMode("human");
      } else if (msg.type === "show") {
        if (msg.state === "ended") status.textContent = "直播结束"; else showMode(state.mode);
      }
    };
  }
  audioContext();
  connect();
})();
