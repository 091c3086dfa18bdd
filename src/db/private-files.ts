// The embedded database's files hold every contact: only the owner of the process may read them.
// PGlite's Emscripten NODEFS sets file modes with an explicit chmod (0666 for most of initdb's files),
// so the process umask alone does not help: the modes are masked where NODEFS applies them.
import { chmodSync, lstatSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { NodeFS } from "@electric-sql/pglite/nodefs";

const GROUP_AND_OTHERS = 0o077;
const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

type PostgresMod = Parameters<NodeFS["init"]>[1];

/** The slice of Emscripten's NODEFS whose modes are masked (its internals; checked before use). */
interface NodeFsInternals {
  doSetAttr(target: unknown, node: unknown, attr: { mode?: number }, ...rest: unknown[]): void;
  node_ops: { mknod(parent: unknown, name: string, mode: number, dev: number): unknown };
}

/** PGlite's Node filesystem, but every file and directory it creates or chmods is for its owner only. */
export class PrivateNodeFS extends NodeFS {
  override async init(pg: Parameters<NodeFS["init"]>[0], opts: PostgresMod) {
    const result = await super.init(pg, opts);
    const preRun = result.emscriptenOpts.preRun ?? [];
    result.emscriptenOpts.preRun = [maskNodeFsModes, ...preRun];
    return result;
  }
}

function maskNodeFsModes(mod: { NODEFS?: unknown }): void {
  const nodefs = mod.NODEFS as Partial<NodeFsInternals> | undefined;
  const doSetAttr = nodefs?.doSetAttr;
  const mknod = nodefs?.node_ops?.mknod;
  // A PGlite whose NODEFS looks different keeps its own modes; restrictTree at open and the
  // owner-only data directory still hold (and the file-mode tests say the masking is gone).
  if (!nodefs?.node_ops || typeof doSetAttr !== "function" || typeof mknod !== "function") return;
  nodefs.doSetAttr = (target, node, attr, ...rest) =>
    doSetAttr(target, node, attr.mode === undefined ? attr : { ...attr, mode: attr.mode & ~GROUP_AND_OTHERS }, ...rest);
  nodefs.node_ops.mknod = (parent, name, mode, dev) => mknod(parent, name, mode & ~GROUP_AND_OTHERS, dev);
}

/** Creates `dir` for its owner only (0700), or makes an existing one so. */
export function privateDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  chmodSync(dir, PRIVATE_DIR);
}

/**
 * Directories 0700 and files 0600 under `dir` (symbolic links are left alone and not followed):
 * fixes databases that older versions left world-readable, and anything PGlite wrote unmasked.
 */
export function restrictTree(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      restrictMode(path, PRIVATE_DIR);
      restrictTree(path);
    } else if (entry.isFile()) {
      restrictMode(path, PRIVATE_FILE);
    }
  }
  restrictMode(dir, PRIVATE_DIR);
}

function restrictMode(path: string, mode: number): void {
  try {
    if ((lstatSync(path).mode & 0o777) !== mode) chmodSync(path, mode);
  } catch (e) {
    // A file PGlite removed meanwhile (a temporary one) needs nothing.
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
}
