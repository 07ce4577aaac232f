export function pathologicalExports(options?: { copies?: number; big?: boolean }): { name: string; text: string }[];
