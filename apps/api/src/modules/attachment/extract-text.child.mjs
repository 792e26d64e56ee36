// Text extraction of one attachment, run as a child process by AttachmentTextExtractor (extract-text.ts):
// a file that makes a parser loop, throw or use too much memory ends this process, never the API.
// Input: the file's bytes on stdin, its MIME type as argv[2], the most characters to keep as argv[3].
// Output: the text as UTF-8 on stdout (exit 0), or a one-line reason on stderr (exit 1).
// Plain ES module so that it loads pdfjs-dist (ESM only) in production and under jest alike.
import { Buffer } from 'node:buffer';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDecoder } from 'node:util';

const require = createRequire(import.meta.url);
const [, , mimeType, maxCharsArg] = process.argv;
const maxChars = Number(maxCharsArg) || 200_000;
/** Uncompressed XML read from one OOXML file at most (a zip bomb stops here). */
const MAX_XML_BYTES = 64 * 1024 * 1024;

async function readStdin() {
  const parts = [];
  for await (const part of process.stdin) parts.push(part);
  return Buffer.concat(parts);
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decodeXml(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, e) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** The text runs of an OOXML part: `tag` elements' text; paragraphs (`para`) end with a line break. */
function xmlText(xml, tag, para) {
  const re = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>|</${para}>`, 'g');
  let out = '';
  for (const m of xml.matchAll(re)) out += m[1] !== undefined ? decodeXml(m[1]) : '\n';
  return out;
}

const OOXML = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    parts: (name) => /^word\/(document|footnotes|endnotes|header\d*|footer\d*)\.xml$/.test(name),
    tag: 'w:t',
    para: 'w:p',
  },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
    parts: (name) => /^ppt\/(slides\/slide\d+|notesSlides\/notesSlide\d+)\.xml$/.test(name),
    tag: 'a:t',
    para: 'a:p',
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    parts: (name) => name === 'xl/sharedStrings.xml' || /^xl\/worksheets\/sheet\d+\.xml$/.test(name),
    tag: 't',
    para: 'si',
  },
};

function naturalOrder(a, b) {
  return a.localeCompare(b, 'en', { numeric: true });
}

async function ooxmlText(data, spec) {
  const yauzl = require('yauzl');
  const zip = await new Promise((resolve, reject) =>
    yauzl.fromBuffer(data, { lazyEntries: true }, (err, z) => (err ? reject(err) : resolve(z))),
  );
  const texts = new Map();
  let total = 0;
  await new Promise((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', resolve);
    zip.on('entry', (entry) => {
      if (!spec.parts(entry.fileName)) return zip.readEntry();
      zip.openReadStream(entry, (err, stream) => {
        if (err) return reject(err);
        const chunks = [];
        stream.on('data', (c) => {
          total += c.length;
          if (total > MAX_XML_BYTES) stream.destroy(new Error('the document expands beyond 64 MB of XML'));
          else chunks.push(c);
        });
        stream.on('error', reject);
        stream.on('end', () => {
          texts.set(entry.fileName, xmlText(Buffer.concat(chunks).toString('utf8'), spec.tag, spec.para));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  // Slides and sheets in their own order (slide2 before slide10), shared strings first.
  return [...texts.keys()]
    .sort(naturalOrder)
    .map((k) => texts.get(k).trim())
    .join('\n');
}

async function pdfText(data) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  // CMaps: text in CJK fonts that are not embedded (Adobe-Japan1 encodings such as 90ms-RKSJ-H) maps to
  // Unicode through them; embedded subsets carry their own ToUnicode map.
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    cMapUrl: pathToFileURL(join(root, 'cmaps') + '/').href,
    cMapPacked: true,
    standardFontDataUrl: pathToFileURL(join(root, 'standard_fonts') + '/').href,
    isEvalSupported: false,
    // Errors only: pdf.js writes its warnings with console.log, which is our stdout.
    verbosity: 0,
    disableFontFace: true,
    useSystemFonts: false,
  }).promise;
  let out = '';
  for (let p = 1; p <= doc.numPages && out.length < maxChars; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    for (const item of content.items) {
      if (typeof item.str !== 'string') continue;
      out += item.str;
      if (item.hasEOL) out += '\n';
    }
    out += '\n';
    page.cleanup();
  }
  await doc.destroy();
  return out;
}

function plainText(data) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    // Not UTF-8: Japanese text files from older Windows tools are Shift_JIS (CP932).
    return new TextDecoder('shift_jis').decode(data);
  }
}

async function main() {
  const data = await readStdin();
  let text;
  if (mimeType === 'application/pdf') text = await pdfText(data);
  else if (OOXML[mimeType]) text = await ooxmlText(data, OOXML[mimeType]);
  else if (mimeType === 'text/plain' || mimeType === 'text/csv') text = plainText(data);
  else text = '';
  // NFKC: CJK fonts often map glyphs to Kangxi radicals (⽀ U+2F40, ⾼ U+2FBC) that look like the kanji
  // 支 and 高 but do not match them; NFKC folds them (and full-width Latin, as the search index does).
  text = text
    .normalize('NFKC')
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/[ \t\u3000]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .slice(0, maxChars);
  process.stdout.write(text);
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(String(err && err.message ? err.message : err).slice(0, 300));
    process.exit(1);
  },
);
