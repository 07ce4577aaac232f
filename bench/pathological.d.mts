// Types of bench/pathological.mjs, for the tests that run its shapes.
import type { InputLimits, OverLimit } from '../src/parse/limits.js';

export interface Shape {
  name: string;
  /** Past a limit by design: bad.md gets a `fatal` finding. */
  fatal?: boolean;
  /** A COE: `coe export` is timed too. */
  exportable?: boolean;
  build(fit: Fit, limits: InputLimits): Record<string, string>;
}
export type Fit = (make: (n: number) => string) => string;
export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  cpuMs?: number;
}

export const BASE: string;
export const SHAPES: Shape[];
export function fitter(checkLimits: (text: string, limits: InputLimits) => OverLimit | undefined, limits: InputLimits): Fit;
export function runCli(args: string[], options?: { cwd?: string; timeout?: number; input?: string; cpu?: boolean }): CliRun;
export function noise(stderr: string): string | undefined;
export function shapeFolder(shape: Shape, fit: Fit, limits: InputLimits): string;
export function exportArgs(): string[];
