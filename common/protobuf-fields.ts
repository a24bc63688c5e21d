// Walking the top-level fields of protobuf bytes without decoding them: the
// event hash chain and the collector's bounds checks work on messages' bytes
// as sent. Throws RangeError on malformed input.

export interface WireField {
  field: number;
  wireType: number;
  /** The whole field, tag included: bytes.subarray(start, end). */
  start: number;
  end: number;
  /** Length-delimited fields: where the value starts (it ends at `end`). */
  valueStart: number;
}

function readVarint(buf: Uint8Array, pos: number): [value: number, next: number] {
  let value = 0;
  for (let shift = 0; shift < 64; shift += 7) {
    if (pos >= buf.length) throw new RangeError('truncated varint');
    const b = buf[pos++]!;
    value += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return [value, pos];
  }
  throw new RangeError('varint too long');
}

export function* topLevelFields(buf: Uint8Array): Generator<WireField> {
  let pos = 0;
  while (pos < buf.length) {
    const start = pos;
    const [tag, afterTag] = readVarint(buf, pos);
    const wireType = tag % 8;
    let valueStart = afterTag;
    let end: number;
    if (wireType === 0) end = readVarint(buf, afterTag)[1];
    else if (wireType === 1) end = afterTag + 8;
    else if (wireType === 5) end = afterTag + 4;
    else if (wireType === 2) {
      const [len, at] = readVarint(buf, afterTag);
      valueStart = at;
      end = at + len;
    } else throw new RangeError(`unsupported wire type ${wireType}`);
    if (end > buf.length) throw new RangeError('truncated field');
    yield { field: Math.floor(tag / 8), wireType, start, end, valueStart };
    pos = end;
  }
}
