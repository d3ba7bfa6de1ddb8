// Shareable links: the script, deflate-compressed and base64url-encoded,
// in the URL fragment (#s=...). The fragment never reaches a server, so a
// link pasted into a review reopens the estimate on anyone's napkin serve.

// A link cannot open a script larger than this: a small fragment may
// inflate to gigabytes.
const maxScript = 256 * 1024;

async function pipe(bytes, stream) {
  const reader = new Blob([bytes]).stream().pipeThrough(stream).getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxScript) {
      await reader.cancel();
      throw new Error("the script in the link is too large");
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

function toBase64url(bytes) {
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64url(text) {
  const b64 = text.replaceAll("-", "+").replaceAll("_", "/");
  const bin = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

// encodeScript is the fragment for a script: "s=" and its compressed text.
export async function encodeScript(script) {
  const packed = await pipe(new TextEncoder().encode(script), new CompressionStream("deflate-raw"));
  return "s=" + toBase64url(packed);
}

// decodeFragment is the script in a fragment (without its #), or null
// when the fragment holds none or cannot be read.
export async function decodeFragment(fragment) {
  const m = /(?:^|&)s=([A-Za-z0-9_-]*)/.exec(fragment);
  if (!m) return null;
  try {
    const bytes = await pipe(fromBase64url(m[1]), new DecompressionStream("deflate-raw"));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
