// Runs bytez.js's own list / run / stream flow, unchanged, against a Bytez emulator (or any v2 server).
//
//   BYTEZJS_DIR         folder of an installed bytez.js package (node_modules/bytez.js); required
//   BYTEZ_EMULATOR_URL  base address of the server, e.g. http://127.0.0.1:5123/ (default http://localhost:8080/)
//
// bytez.js's dev switch (`new Bytez(key, true)`) targets http://localhost:8080/models/v2/ and cannot be pointed
// elsewhere. When the server listens on another address, requests to that dev host are redirected to it at the fetch
// level; the SDK's own code, paths, headers and bodies are untouched.
//
// Prints one line per step and exits 1 on the first failure.
import { pathToFileURL } from "node:url";
import path from "node:path";

const sdkDir = process.env.BYTEZJS_DIR;
if (!sdkDir) {
  console.error("Set BYTEZJS_DIR to an installed bytez.js (npm install bytez.js@3.0.0, then <folder>/node_modules/bytez.js).");
  process.exit(2);
}

const devHost = "http://localhost:8080/";
const base = process.env.BYTEZ_EMULATOR_URL ?? devHost;
if (base !== devHost) {
  const fetchOriginal = globalThis.fetch;
  globalThis.fetch = (url, init) => fetchOriginal(String(url).startsWith(devHost) ? base + String(url).slice(devHost.length) : url, init);
}

const pkg = JSON.parse(await (await import("node:fs/promises")).readFile(path.join(sdkDir, "package.json"), "utf8"));
const { default: Bytez } = await import(pathToFileURL(path.join(sdkDir, "dist", "index.mjs")).href);
const sdk = new Bytez("emulator-key", true);
console.log(`bytez.js ${pkg.version} -> ${base}`);

let failed = false;
function check(step, ok, detail) {
  console.log(`${ok ? "PASS" : "FAIL"} ${step}: ${detail}`);
  failed ||= !ok;
}

async function readAll(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
  return chunks;
}

// 1. Listing.
const models = await sdk.list.models();
check("list.models", models.error === null && Array.isArray(models.output) && models.output.length > 0,
  `${models.output?.length} models, error ${JSON.stringify(models.error)}`);
const chatModels = await sdk.list.models({ task: "chat" });
check("list.models({task: chat})", chatModels.error === null && chatModels.output.every(m => m.task === "chat"),
  chatModels.output?.map(m => m.modelId).join(", "));
const tasks = await sdk.list.tasks();
check("list.tasks", tasks.error === null && tasks.output.includes("chat") && tasks.output.length === 34, `${tasks.output?.length} tasks`);

// 2. Chat (the model asks list.models({modelId}) for its task first).
const qwen = sdk.model("Qwen/Qwen3-4B");
const chat = await qwen.run([{ role: "user", content: "What is the capital of England?" }], { max_new_tokens: 64 });
check("chat run", chat.error === null && chat.output?.role === "assistant" && typeof chat.output.content === "string",
  JSON.stringify(chat.output));
const chatStream = await qwen.run([{ role: "user", content: "What is the capital of England?" }], true);
const chatChunks = await readAll(chatStream);
check("chat stream", chatChunks.length > 0 && chatChunks.join("") === chat.output?.content,
  `${chatChunks.length} chunks: ${JSON.stringify(chatChunks.join(""))}`);

// 3. Text generation, embeddings, a closed-source model with a provider key.
const gpt2 = await sdk.model("openai-community/gpt2").run("Once upon a time there was a", { max_new_tokens: 8 });
check("text-generation run", gpt2.error === null && typeof gpt2.output === "string" && gpt2.output.startsWith("Once upon a time"),
  JSON.stringify(gpt2.output));
const embedding = await sdk.model("nomic-ai/nomic-embed-text-v1.5").run("search_document: Turn this text into a vector");
check("feature-extraction run", embedding.error === null && Array.isArray(embedding.output),
  `vector of ${Array.isArray(embedding.output?.[0]) ? embedding.output[0].length + " (nested)" : embedding.output?.length}`);
const gpt4o = await sdk.model("openai/gpt-4o", "sk-provider-test").run([{ role: "user", content: "Say hello" }]);
check("closed-source run", gpt4o.error === null && gpt4o.output?.role === "assistant" && gpt4o.provider?.object === "chat.completion",
  `output ${JSON.stringify(gpt4o.output)}, provider.object ${gpt4o.provider?.object}`);

// 4. Media: JSON gives a URL; "stream" on a media generator sends json:false and streams the bytes.
const image = await sdk.model("dreamlike-art/dreamlike-photoreal-2.0").run("A beautiful landscape with mountains and a river");
check("text-to-image run", image.error === null && /^https?:\/\//.test(image.output), JSON.stringify(image.output));
const imageStream = await sdk.model("dreamlike-art/dreamlike-photoreal-2.0").run("A beautiful landscape with mountains and a river", true);
const imageText = (await readAll(imageStream)).join("");
check("text-to-image stream (json:false)", imageText.includes("PNG"), `${imageText.length} characters, PNG signature ${imageText.includes("PNG")}`);

// 5. Errors come back as {error, output: null}, never thrown.
const missing = await sdk.model("nobody/no-such-model").run("hello");
check("unknown model", typeof missing.error === "string" && missing.output === null, JSON.stringify(missing));

process.exit(failed ? 1 : 0);
