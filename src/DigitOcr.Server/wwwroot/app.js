// The DigitOcr page: an image (photo, file, drop) goes to POST /api/read; the camera's frames go to /api/stream, one
// at a time (the next frame is sent when the previous one is answered, so the server never falls behind).
"use strict";

const $ = (id) => document.getElementById(id);
const view = $("view");
const status = $("status");
const DIGIT = "#008c00";
const NUMBER = "#1f5fbf";

function say(text, isError = false) {
  status.textContent = text;
  status.classList.toggle("error", isError);
}

function who(number) {
  if (number.match) return `${number.match.name} (${number.match.phone})`;
  if (number.noMatch) return `nobody in the directory (${number.noMatch})`;
  return "";
}

// Draws the image with its digits (green) and numbers (blue) boxed, at the image's own size.
function draw(source, width, height, reading) {
  view.width = width;
  view.height = height;
  const g = view.getContext("2d");
  g.drawImage(source, 0, 0, width, height);
  const line = Math.max(2, Math.round(Math.max(width, height) / 400));
  const font = Math.max(14, Math.round(Math.max(width, height) / 45));
  g.lineWidth = line;
  g.font = `bold ${font}px system-ui, sans-serif`;
  g.textBaseline = "bottom";
  for (const d of reading.digits || []) {
    const [x1, y1, x2, y2] = d.box;
    g.strokeStyle = DIGIT;
    g.strokeRect(x1, y1, x2 - x1, y2 - y1);
    label(g, String(d.digit), x1, y1 - line, DIGIT, font);
  }
  for (const n of reading.numbers || []) {
    const [x1, y1, x2, y2] = n.box;
    g.strokeStyle = NUMBER;
    g.strokeRect(x1 - 4, y1 - 4, x2 - x1 + 8, y2 - y1 + 8);
    label(g, n.match ? `${n.text} \u2192 ${n.match.name}` : n.text, x1 - 4, y2 + 8 + font, NUMBER, font);
  }
}

function label(g, text, x, y, color, font) {
  const w = g.measureText(text).width;
  const left = Math.max(0, Math.min(x, view.width - w - 6));
  const bottom = Math.max(font + 4, Math.min(y, view.height - 2));
  g.fillStyle = "rgba(255,255,255,0.85)";
  g.fillRect(left, bottom - font - 4, w + 6, font + 4);
  g.fillStyle = color;
  g.fillText(text, left + 3, bottom - 1);
}

function list(reading) {
  const numbers = $("numbers");
  numbers.replaceChildren();
  for (const n of reading.numbers) {
    const item = document.createElement("li");
    const text = document.createElement("span");
    text.className = "text";
    text.textContent = n.text;
    const person = document.createElement("span");
    person.className = "who";
    const w = who(n);
    person.textContent = w ? ` \u2192 ${w}` : "";
    item.append(text, person);
    numbers.append(item);
  }
  $("person").textContent = reading.match ? `${reading.match.name} \u00b7 ${reading.match.phone}` : "";
}

async function readFile(file) {
  if (!file) return;
  stopCamera();
  say(`Reading ${file.name}\u2026`);
  let answer;
  try {
    answer = await fetch("/api/read", {
      method: "POST",
      body: file,
      headers: { "Content-Type": file.type || "application/octet-stream" },
    });
  } catch (e) {
    say(`Could not reach the server: ${e.message}`, true);
    return;
  }
  const body = await answer.json().catch(() => ({ error: answer.statusText }));
  if (!answer.ok) {
    $("numbers").replaceChildren();
    $("person").textContent = "";
    say(`Could not read ${file.name}: ${body.error} (HTTP ${answer.status})`, true);
    return;
  }
  list(body);
  say(body.numbers.length === 0
    ? `No number found in ${file.name}.`
    : `${body.numbers.length} number(s) in ${file.name}.`);
  try {
    const bitmap = await createImageBitmap(file);
    draw(bitmap, body.width, body.height, body);
  } catch {
    // The browser cannot show this format (TIFF, say); the numbers are listed all the same.
  }
}

// Live mode: one frame in flight; each answer is drawn on the frame it belongs to.
const live = { stream: null, socket: null, pending: null, frames: 0, started: 0 };
const capture = document.createElement("canvas");

async function startCamera() {
  try {
    live.stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 640 }, height: { ideal: 480 } }, audio: false });
  } catch (e) {
    say(`The camera could not be opened: ${e.message}`, true);
    return;
  }
  const video = $("camera");
  video.srcObject = live.stream;
  await video.play();
  $("camera-button").textContent = "Turn off the camera";
  $("camera-button").setAttribute("aria-pressed", "true");
  $("live").hidden = false;
  $("stable").textContent = "Hold a number up to the camera\u2026";
  $("stable").removeAttribute("data-number");
  $("live-person").textContent = "";
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const socket = new WebSocket(`${scheme}://${location.host}/api/stream`);
  live.socket = socket;
  live.frames = 0;
  live.started = performance.now();
  socket.onopen = () => { say("Camera on: reading live."); sendFrame(); };
  socket.onmessage = (event) => onFrame(JSON.parse(event.data));
  socket.onclose = (event) => {
    if (live.socket === socket) {
      say(event.code === 1000 || event.code === 1005 ? "Live reading ended." : `Live reading stopped: ${event.reason || "connection closed"} (${event.code})`, event.code !== 1000 && event.code !== 1005);
      stopCamera();
    }
  };
}

function sendFrame() {
  const video = $("camera");
  const socket = live.socket;
  if (!socket || socket.readyState !== WebSocket.OPEN) return;
  if (!video.videoWidth) { setTimeout(sendFrame, 50); return; }
  capture.width = video.videoWidth;
  capture.height = video.videoHeight;
  capture.getContext("2d").drawImage(video, 0, 0);
  const frame = document.createElement("canvas");
  frame.width = capture.width;
  frame.height = capture.height;
  frame.getContext("2d").drawImage(capture, 0, 0);
  live.pending = frame;
  capture.toBlob((blob) => { if (blob && socket.readyState === WebSocket.OPEN) socket.send(blob); }, "image/jpeg", 0.85);
}

function onFrame(message) {
  if (message.error) {
    say(`A frame could not be read: ${message.error}`, true);
  } else {
    live.frames++;
    if (live.pending) draw(live.pending, message.width, message.height, message);
    const seconds = (performance.now() - live.started) / 1000;
    $("live-stats").textContent = `${live.frames} frames read, ${(live.frames / seconds).toFixed(1)} per second`;
    if (message.stable) showStable(message.stable);
    if (message.warning) say(`Frame ${message.frame} was damaged: ${message.warning}`, true);
  }
  setTimeout(sendFrame, 0);
}

function showStable(stable) {
  const stableText = $("stable");
  if (stable.numbers.length === 0) {
    stableText.textContent = "Hold a number up to the camera\u2026";
    stableText.removeAttribute("data-number");
    $("live-person").textContent = "";
    return;
  }
  stableText.textContent = stable.numbers.map((n) => n.text).join("  ");
  stableText.dataset.number = stable.numbers[0].text;
  $("live-person").textContent = stable.match ? `${stable.match.name} \u00b7 ${stable.match.phone}` : who(stable.numbers[0]);
  list(stable);
  $("person").textContent = "";
}

function stopCamera() {
  const socket = live.socket;
  live.socket = null;
  if (socket && socket.readyState <= WebSocket.OPEN) socket.close(1000, "camera off");
  if (live.stream) live.stream.getTracks().forEach((t) => t.stop());
  live.stream = null;
  $("camera-button").textContent = "Turn on the camera";
  $("camera-button").setAttribute("aria-pressed", "false");
}

$("photo").addEventListener("change", (e) => readFile(e.target.files[0]));
$("file").addEventListener("change", (e) => readFile(e.target.files[0]));
$("camera-button").addEventListener("click", () => (live.stream ? stopCamera() : startCamera()));
const drop = $("drop");
drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (e) => {
  e.preventDefault();
  drop.classList.remove("over");
  readFile(e.dataTransfer.files[0]);
});
