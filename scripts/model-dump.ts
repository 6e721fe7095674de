// Raw float dumps of trained models, for offline experiments with encodings (not shipped).

import { readFileSync, writeFileSync } from 'node:fs';
import type { LinearModel } from '../lib/extract/linear.ts';
import { IntTable } from '../lib/extract/table.ts';

export function dumpModel(path: string, m: LinearModel): void {
  const keys = new Uint32Array(m.table.size);
  const values = new Int32Array(m.table.size);
  let i = 0;
  m.table.forEach((k, v) => {
    keys[i] = k;
    values[i++] = v;
  });
  const head = Buffer.from(JSON.stringify({ types: m.types, useGaz: m.useGaz, useHistory: m.useHistory, structured: m.structured === true, cap: m.table.size, size: m.table.size, w: m.w.length }));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.length);
  writeFileSync(path, Buffer.concat([len, head, Buffer.from(keys.buffer), Buffer.from(values.buffer), Buffer.from(m.w.buffer)]));
}

export function loadDump(path: string): LinearModel {
  const buf = readFileSync(path);
  const hl = buf.readUInt32LE(0);
  const head = JSON.parse(buf.subarray(4, 4 + hl).toString()) as { types: number; useGaz: boolean; useHistory: boolean; structured?: boolean; cap: number; size: number; w: number };
  let off = 4 + hl;
  const copy = (bytes: number): ArrayBuffer => buf.buffer.slice(buf.byteOffset + off, buf.byteOffset + (off += bytes));
  const keys = new Uint32Array(copy(head.cap * 4));
  const values = new Int32Array(copy(head.cap * 4));
  const table = new IntTable(head.size);
  for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) table.set(keys[i]!, values[i]!);
  const w = new Float32Array(copy(head.w * 4));
  return { types: head.types, useGaz: head.useGaz, useHistory: head.useHistory, structured: head.structured === true, table, w };
}
