// SARIF 2.1.0, as GitHub code scanning reads it: the rules with their help
// URIs, and each finding with its rule index, its level, and a location whose
// artifact URI is relative to the working directory (%SRCROOT%).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, Log, Region, ReportingDescriptor, Result } from 'sarif';
import type { Message } from '../engine/rule.js';
import type { ReportContext, Reporter } from './types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

export const sarif: Reporter = (results, context) => {
  const rules = (context.rules ?? []).map(descriptor);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const artifacts = results.map((r) => ({ location: artifactLocation(r.file, context.cwd) }));
  const findings = results.flatMap((r, fileIndex) =>
    r.messages.map((m) => result(m, { ...artifacts[fileIndex]!.location, index: fileIndex }, ruleIndex.get(m.ruleId))),
  );
  const tool = context.tool ?? { name: 'coe', version: '0.0.0' };
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            semanticVersion: tool.version,
            ...(tool.informationUri ? { informationUri: tool.informationUri } : {}),
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(context.cwd) } },
        artifacts,
        results: findings,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(log, null, 2);
};

function descriptor(rule: NonNullable<ReportContext['rules']>[number]): ReportingDescriptor {
  const help = rule.helpUri ? `${rule.description}. See ${rule.helpUri}` : rule.description;
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    ...(rule.helpUri ? { helpUri: rule.helpUri } : {}),
    help: { text: help },
    defaultConfiguration: { level: level(rule.defaultSeverity) },
  };
}

function result(m: Message, location: ArtifactLocation, ruleIndex: number | undefined): Result {
  return {
    ruleId: m.ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: level(m.severity),
    message: { text: m.message },
    locations: [{ physicalLocation: { artifactLocation: location, region: region(m) } }],
  };
}

function region(m: Message): Region {
  const start = { startLine: Math.max(1, m.line), startColumn: Math.max(1, m.column) };
  const after = m.endLine > start.startLine || (m.endLine === start.startLine && m.endColumn >= start.startColumn);
  return after ? { ...start, endLine: m.endLine, endColumn: Math.max(1, m.endColumn) } : start;
}

function level(severity: 'error' | 'warn'): 'error' | 'warning' {
  return severity === 'error' ? 'error' : 'warning';
}

/** A file under the working directory is a relative URI; any other, an absolute file URI. */
function artifactLocation(file: string, cwd: string): ArtifactLocation {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(absolute).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}
