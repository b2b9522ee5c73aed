// Every schema under docs/schema compiles in ajv's draft 2020-12 dialect in strict mode (strictTypes
// included) with the standard formats of ajv-formats, and every collected document is valid (or, for
// the inputs rolefit rejects on purpose, invalid) against its schema.
//
// Usage: node ajv.mjs SCHEMA_DIR OUT_DIR   (OUT_DIR holds manifest.json from collect.py)

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [schemaDir, outDir] = process.argv.slice(2);
const failures = [];
const validators = new Map();

// The formats JSON Schema 2020-12 defines (ajv-formats knows more, e.g. OpenAPI's "double").
const STANDARD_FORMATS = new Set([
  "date-time", "date", "time", "duration", "email", "idn-email", "hostname", "idn-hostname", "ipv4", "ipv6",
  "uri", "uri-reference", "iri", "iri-reference", "uuid", "uri-template", "json-pointer",
  "relative-json-pointer", "regex",
]);
function formats(node, path, out) {
  if (Array.isArray(node)) node.forEach((n, i) => formats(n, `${path}/${i}`, out));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "format" && typeof v === "string") out.push([path, v]);
      else formats(v, `${path}/${k}`, out);
    }
  }
  return out;
}

for (const file of readdirSync(schemaDir).filter((f) => f.endsWith(".schema.json")).sort()) {
  const name = file.replace(/\.schema\.json$/, "");
  const warnings = [];
  const logger = { log() {}, warn: (...a) => warnings.push(a.join(" ")), error: (...a) => warnings.push(a.join(" ")) };
  const ajv = new Ajv2020({ strict: true, allErrors: true, logger });
  addFormats(ajv);
  const schema = JSON.parse(readFileSync(join(schemaDir, file), "utf8"));
  const odd = formats(schema, "#", []).filter(([, format]) => !STANDARD_FORMATS.has(format));
  if (odd.length) {
    const counts = {};
    for (const [, format] of odd) counts[format] = (counts[format] ?? 0) + 1;
    const list = Object.entries(counts).map(([f, n]) => `"${f}" (${n})`).join(", ");
    failures.push(`${file}: formats JSON Schema 2020-12 does not define: ${list}, e.g. at ${odd[0][0]}`);
  }
  try {
    validators.set(name, ajv.compile(schema));
    if (warnings.length) failures.push(`${file}: compiles with strict-mode warnings: ${warnings.join("; ")}`);
    else console.log(`ajv: ${file}: compiles in strict mode`);
  } catch (e) {
    failures.push(`${file}: does not compile in strict mode: ${e.message}`);
    // Still check the documents, so one run shows every problem.
    const lax = new Ajv2020({ strict: false, allErrors: true, logger: false });
    addFormats(lax);
    lax.addFormat("uint", true).addFormat("uint32", true).addFormat("double", true);
    validators.set(name, lax.compile(schema));
  }
}

const manifest = JSON.parse(readFileSync(join(outDir, "manifest.json"), "utf8"));
let checked = 0;
for (const doc of manifest) {
  const validate = validators.get(doc.schema);
  if (!validate) {
    failures.push(`${doc.file} (${doc.from}): schema ${doc.schema} did not compile or does not exist`);
    continue;
  }
  const valid = validate(JSON.parse(readFileSync(join(outDir, doc.file), "utf8")));
  checked += 1;
  if (valid && !doc.valid) failures.push(`${doc.file} (${doc.from}): ${doc.schema} accepts what rolefit rejects`);
  if (!valid && doc.valid) {
    const errors = validate.errors.slice(0, 5).map((e) => `${e.instancePath || "/"} ${e.message}`);
    failures.push(`${doc.file} (${doc.from}): not valid against ${doc.schema}: ${errors.join("; ")}`);
  }
}

for (const f of failures) console.log(`ajv: FAILED: ${f}`);
console.log(`ajv: ${validators.size} schemas compiled, ${checked} documents checked, ${failures.length} failures`);
process.exit(failures.length ? 1 : 0);
