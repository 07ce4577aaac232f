// Reads the next few files while the current one is linted: a file's read
// waits on the disk (or the thread pool of libuv), its lint does not.
import { readLimited, type ReadResult } from './read.js';

export class ReadAhead {
  private readonly started = new Map<number, Promise<ReadResult>>();
  private next = 0;

  constructor(
    private readonly paths: readonly (string | undefined)[],
    private readonly maxBytes: number,
    private readonly depth = 8,
  ) {}

  /** File `index`'s bytes; reads up to `depth` files past it. A path left `undefined` is not read. */
  read(index: number): Promise<ReadResult> {
    while (this.next < this.paths.length && this.next <= index + this.depth) this.start(this.next++);
    const read = this.started.get(index) ?? readLimited(this.paths[index]!, this.maxBytes);
    this.started.delete(index);
    return read;
  }

  private start(index: number): void {
    const path = this.paths[index];
    if (path !== undefined) this.started.set(index, readLimited(path, this.maxBytes));
  }
}
