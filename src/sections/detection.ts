// Detection: three level-3 subsections found by keywords in their headings.
import type { Heading, RootContent } from 'mdast';
import type { DetectionAnswer, DetectionModel, DetectionQuestion } from '../model/types.js';
import { countWords, rangeOf, textOf } from '../model/text.js';
import type { SectionInput } from './context.js';

export const DETECTION_KEYWORDS: Record<DetectionQuestion, string[]> = {
  speed: ['fast', 'speed', 'time to detect', 'quick'],
  observability: ['metric', 'observab', 'customer experience'],
  similar: ['similar', 'recur', 'future'],
};

export const DETECTION_HEADINGS: Record<DetectionQuestion, string> = {
  speed: 'Was detection fast enough?',
  observability: 'Did our metrics reflect the customer experience?',
  similar: 'Would we detect similar events?',
};

export function parseDetection(input: SectionInput): DetectionModel {
  const model: DetectionModel = { answers: [], otherHeadings: [], references: [], range: input.range };
  const groups = splitAtHeadings(input.nodes);
  for (const { heading, body } of groups) {
    const title = textOf(heading);
    const question = classify(title, new Set(model.answers.map((a) => a.question)));
    if (!question) {
      model.otherHeadings.push({ heading: title, range: rangeOf(heading) });
      continue;
    }
    const text = body.length ? textOf(body.filter((n) => n.type !== 'html')) : '';
    const answer: DetectionAnswer = { question, heading: title, headingRange: rangeOf(heading), text, words: countWords(text) };
    model.answers.push(answer);
  }
  return model;
}

function splitAtHeadings(nodes: RootContent[]): { heading: Heading; body: RootContent[] }[] {
  const groups: { heading: Heading; body: RootContent[] }[] = [];
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth === 3) groups.push({ heading: node, body: [] });
    else if (node.type === 'heading' && node.depth < 3) break;
    else groups.at(-1)?.body.push(node);
  }
  return groups;
}

function classify(heading: string, answered: Set<DetectionQuestion>): DetectionQuestion | undefined {
  const folded = heading.toLowerCase();
  const questions = Object.keys(DETECTION_KEYWORDS) as DetectionQuestion[];
  return questions.find((q) => !answered.has(q) && DETECTION_KEYWORDS[q].some((k) => folded.includes(k)));
}
