import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF that Chromium printed, page by page, read without a PDF library: each page's
 * content streams are inflated, and each string shown (`Tj`, `TJ`) is mapped back to Unicode
 * through the `ToUnicode` map of the font selected (`Tf`). Enough for Chromium's own output
 * (Type0 fonts with two-byte glyph ids, FlateDecode streams); not a general PDF reader.
 */
export function pdfText(pdf: Uint8Array): string[] {
  const raw = Buffer.from(pdf).toString('latin1');
  const objects = new Map<string, { dict: string; stream?: Buffer }>();
  for (const m of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2]!;
    const at = body.indexOf('stream');
    if (at < 0) {
      objects.set(m[1]!, { dict: body });
      continue;
    }
    const dict = body.slice(0, at);
    let start = at + 'stream'.length;
    if (body[start] === '\r') start += 1;
    if (body[start] === '\n') start += 1;
    const end = body.lastIndexOf('endstream');
    const bytes = Buffer.from(body.slice(start, end), 'latin1');
    objects.set(m[1]!, { dict, stream: dict.includes('/FlateDecode') ? inflateSync(bytes) : bytes });
  }
  const ref = (text: string, key: string) => new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(text)?.[1];
  const cmaps = new Map<string, Cmap>();
  const toUnicode = (fontId: string) => {
    if (!cmaps.has(fontId)) {
      const id = ref(objects.get(fontId)?.dict ?? '', 'ToUnicode');
      cmaps.set(fontId, parseCmap(id ? (objects.get(id)?.stream?.toString('latin1') ?? '') : ''));
    }
    return cmaps.get(fontId)!;
  };
  const pages: string[] = [];
  for (const [, obj] of objects) {
    if (!/\/Type\s*\/Page\b/.test(obj.dict)) continue;
    let resources = obj.dict;
    const resId = ref(obj.dict, 'Resources');
    if (resId) resources = objects.get(resId)?.dict ?? '';
    const fontsBlock = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '';
    const fontRef = ref(resources, 'Font');
    const fontDict = fontRef ? (objects.get(fontRef)?.dict ?? '') : fontsBlock;
    const fonts = new Map([...fontDict.matchAll(/\/(\w+)\s+(\d+) 0 R/g)].map((f) => [f[1]!, f[2]!]));
    const contents = /\/Contents\s*(?:\[([^\]]*)\]|(\d+) 0 R)/.exec(obj.dict);
    const ids = contents?.[1]
      ? [...contents[1].matchAll(/(\d+) 0 R/g)].map((c) => c[1]!)
      : contents?.[2]
        ? [contents[2]]
        : [];
    let text = '';
    for (const id of ids)
      text += showText(objects.get(id)?.stream?.toString('latin1') ?? '', fonts, toUnicode);
    pages.push(text);
  }
  return pages;
}

/** A font's codes to Unicode, and how many hex digits one code takes (2 or 4). */
interface Cmap {
  map: Map<number, string>;
  digits: number;
}

const OPERATORS =
  /\/(\w+)\s+[\d.]+\s+Tf|\[((?:[^\]])*)\]\s*TJ|<([0-9A-Fa-f]*)>\s*Tj|\/ActualText\s*<([0-9A-Fa-f]*)>\s*>>\s*BDC|(EMC)|(ET)/g;

function showText(content: string, fonts: Map<string, string>, toUnicode: (font: string) => Cmap) {
  let cmap: Cmap = { map: new Map(), digits: 4 };
  let out = '';
  let actual = false;
  for (const m of content.matchAll(OPERATORS)) {
    if (m[1]) cmap = toUnicode(fonts.get(m[1]) ?? '');
    else if (m[4] !== undefined) {
      // A span whose text is given whole (ligatures, glyphs without a code of their own)
      out += utf16(m[4].replace(/^FEFF/i, ''));
      actual = true;
    } else if (m[5]) actual = false;
    else if (m[6]) out += '\n';
    else if (!actual) {
      const hexes = m[2] !== undefined ? [...m[2].matchAll(/<([0-9A-Fa-f]*)>/g)].map((h) => h[1]!) : [m[3]!];
      for (const hex of hexes)
        for (let i = 0; i + cmap.digits <= hex.length; i += cmap.digits)
          out += cmap.map.get(Number.parseInt(hex.slice(i, i + cmap.digits), 16)) ?? '';
    }
  }
  return out;
}

function utf16(hex: string): string {
  return String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => Number.parseInt(h, 16)));
}

function parseCmap(text: string): Cmap {
  const map = new Map<number, string>();
  const unicode = utf16;
  const range = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(text);
  const digits = range ? range[1]!.length : 4;
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set(Number.parseInt(m[1]!, 16), unicode(m[2]!));
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const [lo, hi, first] = [m[1]!, m[2]!, m[3]!].map((h) => Number.parseInt(h, 16)) as [
        number,
        number,
        number,
      ];
      for (let c = lo; c <= hi; c++) map.set(c, String.fromCodePoint(first + (c - lo)));
    }
  return { map, digits };
}
