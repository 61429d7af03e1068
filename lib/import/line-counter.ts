// Byte offset → line number for a stream seen chunk by chunk, advancing monotonically so counting
// lines costs one pass over the bytes however many offsets are asked for.

const NEWLINE = 0x0a;

export class LineCounter {
  private chunk: Uint8Array = new Uint8Array(0);
  private chunkStart = 0;
  private cursor = 0;
  private cursorLine = 1;

  /** The next chunk of the stream; lines of the previous one are counted to its end first. */
  feed(chunk: Uint8Array): void {
    this.advanceTo(this.chunkStart + this.chunk.byteLength);
    this.chunkStart += this.chunk.byteLength;
    this.chunk = chunk;
  }

  /** Line of the byte at offset (1-based); offsets before the cursor answer the cursor's line. */
  lineAt(offset: number): number {
    this.advanceTo(offset);
    return this.cursorLine;
  }

  private advanceTo(offset: number): void {
    const end = Math.min(offset, this.chunkStart + this.chunk.byteLength);
    for (let position = Math.max(this.cursor, this.chunkStart); position < end; position += 1) {
      if (this.chunk[position - this.chunkStart] === NEWLINE) this.cursorLine += 1;
    }
    if (end > this.cursor) this.cursor = end;
  }
}
